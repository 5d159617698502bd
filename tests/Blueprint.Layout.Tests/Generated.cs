using Blueprint.Core.Model;

namespace Blueprint.Layout.Tests;

/// <summary>Large blueprints built in code: every lane filled, arrows down each column, across to the next step and an occasional loop.</summary>
internal static class Generated
{
    public static BlueprintDocument Blueprint(int steps, int stepsPerScene = 10)
    {
        var scenes = new List<Scene>();
        for (int s = 0; s * stepsPerScene < steps; s++)
        {
            var list = new List<Step>();
            for (int i = s * stepsPerScene; i < Math.Min(steps, (s + 1) * stepsPerScene); i++)
                list.Add(Step(i, steps));
            scenes.Add(new Scene { Id = $"scene-{s}", Name = $"Scene {s}", Steps = list });
        }
        return new BlueprintDocument { Title = $"Generated, {steps} steps", Goal = "Scale", Scenes = scenes };
    }

    private static Step Step(int i, int steps)
    {
        var backArrows = new List<Arrow> { new() { Ref = $"s{i}-support" } };
        if (i + 1 < steps) backArrows.Add(new Arrow { Ref = $"s{i + 1}-back", Label = i % 3 == 0 ? "hand-over" : null });
        var frontArrows = new List<Arrow> { new() { Ref = $"s{i}-back" } };
        if (i % 25 == 24) frontArrows.Add(new Arrow { Ref = $"s{i - 10}-front", Loop = true, Label = "retry" });
        return new Step
        {
            Id = $"s{i}",
            Name = $"Step {i}",
            Duration = TimeSpan.FromMinutes(1 + i % 5),
            Emotion = i % 5 - 2,
            Wait = i % 7 == 0 ? $"Wait number {i}" : null,
            Cards =
            [
                new Card { LaneId = Lane.Evidence, Text = $"Evidence {i}" },
                new Card { LaneId = Lane.Customer, Text = $"Customer does thing number {i} of the journey" },
                new Card { LaneId = Lane.Touchpoint, Text = "App" },
                new Card { LaneId = Lane.Frontstage, Id = $"s{i}-front", Text = $"Staff act {i}", Arrows = frontArrows },
                new Card { LaneId = Lane.Backstage, Id = $"s{i}-back", Text = $"Back office {i}", Arrows = backArrows, Fail = i % 11 == 0 ? "Breaks" : null },
                new Card { LaneId = Lane.Support, Id = $"s{i}-support", Text = "System" },
            ],
        };
    }
}
