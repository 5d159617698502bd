using Blueprint.Core.Analysis;
using Blueprint.Core.Diagnostics;
using Blueprint.Core.Reading;

namespace Blueprint.Core.Tests;

/// <summary>Findings that say what is wrong in the user's terms and how to fix it, at the exact place (issue 10).</summary>
public class HintTests
{
    private static IReadOnlyList<Diagnostic> Lint(string file, string text) => Analyzer.Analyze(BlueprintReader.ReadText(file, text));

    private const string Head = "blueprint: T\ngoal: g\nscenario: s\nlanes: [customer]\nscenes:\n  - scene: S\n    steps:\n";

    private static Diagnostic One(string steps, string id)
    {
        var findings = Lint("h.blueprint.yaml", Head + steps);
        return Assert.Single(findings, d => d.Id == id);
    }

    [Fact]
    public void To_on_a_step_says_that_arrows_start_from_cards()
    {
        var d = One("      - step: A\n        customer: Walks in\n        to: [a]\n", "BP002");
        Assert.Equal("h.blueprint.yaml:10:9: error BP002 unknown-key: `to` belongs on a card, not a step: arrows start from cards; "
            + "write the card as a mapping with `text:` and `to:`, e.g. `backstage: { text: Looks the booking up, to: [seat] }`", d.ToString());
    }

    [Theory]
    [InlineData("1.5", "emotion `1.5` is not a whole number; write a whole number from -2 (very negative) to 2 (very positive)")]
    [InlineData("3", "emotion `3` is out of range; write a whole number from -2 (very negative) to 2 (very positive)")]
    [InlineData("happy", "emotion `happy` is not a number; write a whole number from -2 (very negative) to 2 (very positive)")]
    public void An_emotion_must_be_a_whole_number_from_minus_2_to_2(string value, string message)
    {
        var d = One($"      - step: A\n        customer: Walks in\n        emotion: {value}\n", "BP003");
        Assert.Equal((10, 18), (d.Location.Line, d.Location.Column));
        Assert.Equal(message, d.Message);
        var md = Assert.Single(Lint("h.blueprint.md", $"# T\n\n## S\n\n### A\n\n- Customer: x\n- Emotion: {value}\n"), f => f.Id == "BP003");
        Assert.Equal(message, md.Message);
    }

    [Theory]
    [InlineData("99999999999999999999d")]
    [InlineData("1000001d")]
    [InlineData("1000000d1s")]
    public void A_duration_too_long_says_so_and_gives_the_longest(string value)
    {
        var d = One($"      - step: A\n        customer: Walks in\n        duration: {value}\n", "BP003");
        Assert.Equal((10, 19), (d.Location.Line, d.Location.Column));
        Assert.Equal($"`{value}` is too long for a duration; the longest accepted is 1000000d", d.Message);
    }

    [Fact]
    public void The_longest_duration_is_accepted_and_a_bad_one_is_still_not_a_duration()
    {
        Assert.DoesNotContain(Lint("h.blueprint.yaml", Head + "      - step: A\n        customer: Walks in\n        duration: 1000000d\n"), d => d.Id == "BP003");
        Assert.Equal("`2h30` is not a duration; write a number with a unit, largest first, e.g. 30s, 2m, 1h30m or 2d",
            One("      - step: A\n        customer: Walks in\n        duration: 2h30\n", "BP003").Message);
    }

    [Fact]
    public void Markdown_nested_too_deeply_is_one_syntax_error_and_nothing_else()
    {
        string text = "# T\n\n## S\n\n### A\n\n" + string.Concat(Enumerable.Range(0, 100).Select(i => new string(' ', i * 2) + "- Customer: x\n"));
        var d = Assert.Single(Lint("n.blueprint.md", text));
        Assert.Equal("n.blueprint.md:1:1: error BP001 syntax: Markdown nested too deeply (lists, quotes, brackets or emphasis); a blueprint needs at most a list inside a list", d.ToString());
    }
}
