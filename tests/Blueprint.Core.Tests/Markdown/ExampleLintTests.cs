using Blueprint.Core.Analysis;
using Blueprint.Core.Model;
using Blueprint.Core.Reading;

namespace Blueprint.Core.Tests.Markdown;

/// <summary>
/// The examples are lint-clean: no finding from the analyzer, and the SPEC section 4 warning conditions checked
/// directly on the model (so the examples stay clean whichever lint rules are implemented yet).
/// </summary>
public class ExampleLintTests
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.EnumerateFiles(TestFiles.Examples).Where(BlueprintReader.IsBlueprintFile).Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_is_lint_clean(string name)
    {
        string path = Path.Combine(TestFiles.Examples, name);
        var read = BlueprintReader.ReadText(name, TestFiles.Read(path));
        Assert.Empty(Analyzer.Analyze(read));

        var doc = read.Document!;
        var graph = BlueprintGraph.Build(doc);
        var problems = new List<string>();
        if (doc.Goal is null) problems.Add("BP107 no goal");
        if (doc.Scenario is null) problems.Add("BP108 no scenario");
        foreach (var lane in doc.Lanes)
            if (!doc.Steps.Any(s => s.CardsIn(lane.Id).Any())) problems.Add($"BP101 no card in lane {lane.Id}");
        foreach (var step in doc.Steps)
        {
            if (!step.CardsIn(Lane.Customer).Any()) problems.Add($"BP102 no customer card in {step.Id}");
            else if (!step.CardsIn(Lane.Touchpoint).Any() && !step.CardsIn(Lane.Frontstage).Any()) problems.Add($"BP103 no interaction in {step.Id}");
        }
        foreach (var scene in doc.Scenes)
            if (scene.Steps.Count == 0) problems.Add($"BP106 empty scene {scene.Id}");
        foreach (var edge in graph.Arrows)
        {
            var lanes = new[] { edge.From.Card.LaneId, edge.To.Card.LaneId };
            if (lanes.Contains(Lane.Customer) && (lanes.Contains(Lane.Backstage) || lanes.Contains(Lane.Support)))
                problems.Add($"BP104 {edge.From.DisplayName} → {edge.To.DisplayName}");
            if (edge.To.StepIndex < edge.From.StepIndex && !edge.Loop)
                problems.Add($"BP105 backward {edge.From.DisplayName} → {edge.To.DisplayName}");
        }
        if (graph.Arrows.Count > 0)
        {
            var linked = graph.Arrows.SelectMany(e => new[] { e.From.Card, e.To.Card }).ToHashSet(ReferenceEqualityComparer.Instance);
            foreach (var card in graph.Cards)
                if (card.Card.LaneId is Lane.Backstage or Lane.Support && !linked.Contains(card.Card))
                    problems.Add($"BP109 orphan {card.DisplayName}");
        }
        foreach (var card in graph.Cards)
        {
            if (card.Card.Fail is not null && card.Card.Owner is null) problems.Add($"BP111 unowned fail point {card.DisplayName}");
            if (card.Card.Text.Length > 80) problems.Add($"BP110 long text {card.DisplayName}");
        }
        Assert.Empty(problems);
    }
}
