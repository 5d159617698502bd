using Blueprint.Core.Analysis;
using Blueprint.Core.Analysis.Rules;
using Blueprint.Core.Diagnostics;
using Blueprint.Core.Model;
using Blueprint.Core.Reading;

namespace Blueprint.Core.Tests;

/// <summary>
/// The did-you-mean of BP002 and BP005 as data (<see cref="Diagnostic.Suggestion"/>), the same as the message says, for
/// an editor's quick fix; and the cycle BP007 reports, as data too.
/// </summary>
public class SuggestionTests
{
    private static IReadOnlyList<Diagnostic> Lint(string file, string text) => Analyzer.Analyze(BlueprintReader.ReadText(file, text));

    private const string Head = "blueprint: T\ngoal: g\nscenario: s\nscenes:\n  - scene: S\n    steps:\n      - step: A\n        customer: Walks in\n";

    private static Diagnostic One(string file, string text, string id) => Assert.Single(Lint(file, text), d => d.Id == id);

    [Theory]
    [InlineData(Head + "        frontsage: Greets\n", "frontstage")]                              // step key
    [InlineData(Head + "        backstage: { text: Checks, ownr: Host }\n", "owner")]             // card key
    [InlineData(Head + "        backstage: { text: Checks, to: [{ ref: a, lable: x }] }\n", "label")] // arrow key
    [InlineData("blueprint: T\ngaol: g\nscenes:\n  - scene: S\n    steps:\n      - step: A\n        customer: x\n", "goal")]
    [InlineData("title: T\nscenes:\n  - scene: S\n    steps:\n      - step: A\n        customer: x\n", "blueprint")]
    [InlineData(Head + "        zzzzzzzzzz: x\n", null)]
    public void Yaml_unknown_key_carries_its_suggestion(string text, string? suggestion)
    {
        var d = One("s.blueprint.yaml", text, "BP002");
        Assert.Equal(suggestion, d.Suggestion);
        if (suggestion is not null) Assert.Contains($"did you mean `{suggestion}`?", d.Message);
    }

    [Theory]
    [InlineData("- Frontsage: Greets\n", "Frontstage")]
    [InlineData("- Customer: x\n  - Ownr: Host\n", "Owner")]
    [InlineData("- Customer: x\n  - Backstage: y\n", null)] // a lane nested under a card: said so, no did-you-mean
    [InlineData("- Zzzzzzzzzz: x\n", null)]
    public void Markdown_unknown_label_carries_its_suggestion(string items, string? suggestion)
    {
        var d = One("s.blueprint.md", $"# T\n\n## S\n\n### A\n\n- Customer: Walks in\n{items}", "BP002");
        Assert.Equal(suggestion, d.Suggestion);
    }

    [Fact]
    public void Markdown_table_row_label_carries_its_suggestion()
    {
        var d = One("s.blueprint.md", "# T\n\n## S\n\n| | A |\n|---|---|\n| Custmer | Walks in |\n", "BP002");
        Assert.Equal("Customer", d.Suggestion);
    }

    [Theory]
    [InlineData("[pya]", "pay")]
    [InlineData("[pya.touchpoint]", "pay.touchpoint")]   // the step part was wrong: the lane part is kept
    [InlineData("[nothing-like-it]", null)]
    public void Broken_reference_carries_the_nearest_id(string to, string? suggestion)
    {
        string text = Head.Replace("customer: Walks in", $"customer: {{ text: Walks in, to: {to} }}")
            + "      - step: Pay\n        customer: Pays\n        touchpoint: Till\n";
        var d = One("s.blueprint.yaml", text, "BP005");
        Assert.Equal(suggestion, d.Suggestion);
        var md = One("s.blueprint.md", $"# T\n\n## S\n\n### A\n\n- Customer: Walks in -> [x](#{to[1..^1]})\n\n### Pay\n\n- Customer: Pays\n- Touchpoint: Till\n", "BP005");
        Assert.Equal(suggestion, md.Suggestion);
    }

    [Fact]
    public void The_cycle_is_reported_at_its_first_written_arrow_and_lists_its_edges()
    {
        string text = Head.Replace("customer: Walks in", "customer: Walks in\n        frontstage: { text: Calls, to: [b.frontstage] }")
            + "      - step: B\n        customer: Pays\n        frontstage: { text: Hands over, to: [a.frontstage] }\n";
        var document = BlueprintReader.ReadText("s.blueprint.yaml", text).Document!;
        var cycle = Assert.Single(CycleRule.Cycles(BlueprintGraph.Build(document)));

        Assert.Equal(["a.frontstage", "b.frontstage"], cycle.Edges.Select(e => e.From.DisplayName));
        Assert.Equal("b.frontstage", cycle.ReportedAt!.Arrow!.Ref);
        Assert.Equal(One("s.blueprint.yaml", text, "BP007").Location, cycle.Location);
    }
}
