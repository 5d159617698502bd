using Blueprint.Core.Model;

namespace Blueprint.Layout.Tests;

/// <summary>Seeded random blueprints: stacked cells, empty cells, arrows in every direction, loops and labels.</summary>
public class RandomTests
{
    private static BlueprintDocument Random(int seed)
    {
        var rnd = new Random(seed);
        int steps = rnd.Next(2, 14);
        var lanes = Lane.StandardLanes.ToList();
        var ids = new List<(string Id, int Step)>();
        var stepCards = new List<List<Card>>();
        for (int i = 0; i < steps; i++)
        {
            var cards = new List<Card>();
            foreach (var lane in lanes)
            {
                int n = rnd.Next(0, 10) switch { < 3 => 0, < 8 => 1, 8 => 2, _ => 3 };
                for (int k = 0; k < n; k++)
                {
                    string id = $"c{i}-{lane.Id}-{k}";
                    ids.Add((id, i));
                    string text = string.Join(' ', Enumerable.Repeat("word", rnd.Next(1, 30)));
                    cards.Add(new Card { LaneId = lane.Id, Id = id, Text = text });
                }
            }
            stepCards.Add(cards);
        }
        // Arrows from random cards to random cards, mostly nearby.
        var withArrows = stepCards.Select(list => list.Select(c =>
        {
            var arrows = new List<Arrow>();
            int count = rnd.Next(0, 4) == 0 ? rnd.Next(1, 4) : 0;
            for (int a = 0; a < count && ids.Count > 0; a++)
            {
                var target = ids[rnd.Next(ids.Count)];
                arrows.Add(new Arrow { Ref = target.Id, Loop = rnd.Next(4) == 0, Label = rnd.Next(3) == 0 ? "label " + a : null });
            }
            return c with { Arrows = arrows };
        }).ToList()).ToList();
        var scenes = new List<Scene>();
        int at = 0, s = 0;
        while (at < steps)
        {
            int n = Math.Min(steps - at, rnd.Next(1, 5));
            scenes.Add(new Scene { Id = $"s{s}", Name = $"Scene {s++}", Steps = Enumerable.Range(at, n).Select(i => new Step { Id = $"st{i}", Name = $"Step {i}", Cards = withArrows[i] }).ToList() });
            at += n;
        }
        return new BlueprintDocument { Title = $"Random {seed}", Scenes = scenes };
    }

    public static TheoryData<int> Seeds() => new(Enumerable.Range(1, 60));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Routes_keep_clear_of_cards_labels_dividers_and_each_other(int seed)
    {
        var layout = TestFiles.Lay(Random(seed));
        Assert.Empty(LayoutChecks.RouteCrossings(layout));
        Assert.Empty(LayoutChecks.LabelOverlaps(layout));
        Assert.Empty(LayoutChecks.SceneDividerOverlaps(layout));
        Assert.Empty(LayoutChecks.LabelSeparatorCrossings(layout));
        var segs = layout.Edges.SelectMany((e, ei) => e.Points.Zip(e.Points.Skip(1), (a, b) => (Edge: ei, A: a, B: b))).ToList();
        for (int i = 0; i < segs.Count; i++)
            for (int j = i + 1; j < segs.Count; j++)
                if (segs[i].Edge != segs[j].Edge)
                    Assert.False(GeometryTests.CollinearOverlap(segs[i].A, segs[i].B, segs[j].A, segs[j].B),
                        $"edges {segs[i].Edge} and {segs[j].Edge} overlap: {segs[i].A}-{segs[i].B} and {segs[j].A}-{segs[j].B}");
    }
}
