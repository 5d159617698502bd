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

/// <summary>Fix hints speak the input's format (SPEC section 5): Markdown findings suggest the Markdown way, at the card's own column.</summary>
public class MarkdownHintTests
{
    private static IReadOnlyList<Diagnostic> Lint(string text) => Analyzer.Analyze(BlueprintReader.ReadText("h.blueprint.md", text));

    [Fact]
    public void An_orphan_card_is_told_to_use_an_arrow_link_at_the_column_of_its_text()
    {
        var findings = Lint("# T\n\nA scenario.\n\n## S\n\n### A\n\n- Customer: Walks in -> [](#b)\n- Backstage:   Checks the list\n\n### B\n\n- Customer: Sits\n");
        Assert.Equal("h.blueprint.md:10:16: warning BP109 orphan-card: the backstage card `a.backstage` has no arrow in or out; "
            + "connect it with an arrow, `-> [](#id)` at the end of its item, to the action it serves or depends on, or remove it",
            Assert.Single(findings, d => d.Id == "BP109").ToString());
    }

    [Fact]
    public void An_empty_blueprint_is_told_to_add_headings()
    {
        Assert.Equal("h.blueprint.md:1:1: error BP008 empty: the blueprint has no scenes; add a `## <scene>` heading with at least one `### <step>` heading under it",
            Assert.Single(Lint("# T\n\nA scenario.\n"), d => d.Id == "BP008").ToString());
        Assert.Equal("h.blueprint.md:5:1: error BP008 empty: no scene has a step; add at least one `### <step>` heading under a `## <scene>` heading",
            Assert.Single(Lint("# T\n\nA scenario.\n\n## S\n"), d => d.Id == "BP008").ToString());
    }

    [Fact]
    public void A_missing_lane_is_told_to_add_its_items()
    {
        var d = Assert.Single(Lint("# T\n\nA scenario.\n\n## S\n\n### A\n\n- Evidence: Sign\n- Customer: Walks in\n- Touchpoint: Door\n- Frontstage: Greets\n- Support: List\n"),
            f => f.Id == "BP101");
        Assert.Equal("h.blueprint.md:1:1: warning BP101 missing-layer: the Backstage actions lane (`backstage`) has no card in any step; "
            + "add `- Backstage:` items to the steps where it plays a part, or list only the lanes you use in `lanes:` in the front matter", d.ToString());
    }

    [Fact]
    public void Step_hints_name_the_markdown_items()
    {
        var findings = Lint("# T\n\n## S\n\n### A\n\n- Customer: Walks in\n\n### B\n\n- Frontstage: Greets\n\n## Empty\n");
        Assert.Equal("h.blueprint.md:5:1: warning BP103 no-interaction: step `a` has a customer action but neither a touchpoint nor a frontstage card; "
            + "add a `- Touchpoint:` item (the channel: app, desk, phone...) or a `- Frontstage:` item (what staff do in view)",
            Assert.Single(findings, d => d.Id == "BP103").ToString());
        Assert.Contains("add a `- Customer:` item saying what the customer does", Assert.Single(findings, d => d.Id == "BP102").Message);
        Assert.Equal("scene `empty` has no steps; add at least one `### <step>` heading under it, or remove the scene", Assert.Single(findings, d => d.Id == "BP106").Message);
        Assert.Contains("add one line to the front matter (between `---` lines at the top)", Assert.Single(findings, d => d.Id == "BP107").Message);
        Assert.StartsWith("the blueprint has no scenario; add a first paragraph under the `#` title", Assert.Single(findings, d => d.Id == "BP108").Message);
    }

    [Fact]
    public void A_step_key_value_is_found_at_its_first_character()
    {
        var d = Assert.Single(Lint("# T\n\nA scenario.\n\n## S\n\n### A\n\n- Customer: x\n- Emotion: 1.5\n"), f => f.Id == "BP003");
        Assert.Equal((10, 12), (d.Location.Line, d.Location.Column));
    }

    [Fact]
    public void Yaml_keeps_its_own_hints()
    {
        var findings = Analyzer.Analyze(BlueprintReader.ReadText("h.blueprint.yaml", "blueprint: T\ngoal: g\nscenario: s\n"));
        Assert.Equal("the blueprint has no scenes; add `scenes:` with at least one `- scene: <name>` and its `steps:`", Assert.Single(findings, d => d.Id == "BP008").Message);
    }
}

/// <summary>A step repeated with a YAML alias is named as the alias's copy, at the alias (issue 10).</summary>
public class AliasCopyTests
{
    [Fact]
    public void A_step_copied_by_an_alias_names_the_alias_and_how_to_fix_it()
    {
        const string yaml = "blueprint: T\ngoal: g\nscenario: s\nlanes: [customer]\nscenes:\n  - scene: S\n    steps:\n"
            + "      - &enter\n        step: Enter\n        customer: Walks in\n      - step: Sit\n        customer: Sits\n      - *enter\n";
        var findings = Analyzer.Analyze(BlueprintReader.ReadText("a.blueprint.yaml", yaml));
        var d = Assert.Single(findings);
        Assert.Equal("a.blueprint.yaml:13:9: error BP004 duplicate-id: duplicate id `enter`: this step \"Enter\" is a copy, made by the alias `*enter` at 13:9, "
            + "of the step at a.blueprint.yaml:9:15, id included; write the copy out as a step of its own with its own `id:`", d.ToString());
    }

    [Fact]
    public void Two_steps_that_share_an_id_are_still_both_named()
    {
        const string yaml = "blueprint: T\ngoal: g\nscenario: s\nlanes: [customer]\nscenes:\n  - scene: S\n    steps:\n"
            + "      - step: Enter\n        customer: Walks in\n      - step: Enter\n        customer: Walks in again\n";
        var d = Assert.Single(Analyzer.Analyze(BlueprintReader.ReadText("a.blueprint.yaml", yaml)));
        Assert.Equal("a.blueprint.yaml:10:15: error BP004 duplicate-id: duplicate id `enter`: this step \"Enter\" and the step \"Enter\" at a.blueprint.yaml:8:15 share it; give one of them another `id:`", d.ToString());
    }

    [Fact]
    public void Aliases_of_plain_values_still_read_as_their_anchor()
    {
        const string yaml = "blueprint: T\ngoal: &g Cut the wait\nscenario: *g\nlanes: [customer]\nscenes:\n  - scene: S\n    steps:\n      - step: A\n        customer: Walks in\n";
        var read = BlueprintReader.ReadText("a.blueprint.yaml", yaml);
        Assert.Empty(read.Diagnostics);
        Assert.Equal("Cut the wait", read.Document!.Scenario);
    }
}

/// <summary>The arrow and card-key hints in Markdown: a `loop` link title, nested `- Note:` and `- Owner:` items.</summary>
public class MarkdownArrowHintTests
{
    private static IReadOnlyList<Diagnostic> Lint(string text) =>
        Analyzer.Analyze(BlueprintReader.ReadText("h.blueprint.md", text), new AnalysisOptions(IsTextCut: c => c.Text.Length > 40));

    [Fact]
    public void Back_edges_and_card_keys_are_hinted_the_markdown_way()
    {
        var findings = Lint("# T\n\nA scenario.\n\n## S\n\n### A\n\n- Customer: Walks in\n- Frontstage: Greets {#greet}\n  - Fail: Nobody at the desk\n\n"
            + "### B\n\n- Customer: Sits\n- Frontstage: Seats the guests and tells them all about the menu of the day -> [](#greet)\n");
        Assert.Equal("h.blueprint.md:16:80: warning BP105 backward-link: the arrow from `b.frontstage` in step `b` points back to `greet` in the earlier step `a`; "
            + "if it is a retry or a return visit give the link the title `loop`: `[](#greet \"loop\")`, else point it forward",
            Assert.Single(findings, d => d.Id == "BP105").ToString());
        Assert.EndsWith("; shorten it and move the detail to a nested `- Note:` item", Assert.Single(findings, d => d.Id == "BP110").Message);
        Assert.Equal("h.blueprint.md:10:15: warning BP111 unowned-fail-point: the frontstage card `greet` has a fail point but no `- Owner:` item; name the role or team that performs it and would fix the failure",
            Assert.Single(findings, d => d.Id == "BP111").ToString());
    }

    [Fact]
    public void A_cycle_is_hinted_with_the_loop_title()
    {
        var findings = Lint("# T\n\nA scenario.\n\n## S\n\n### A\n\n- Customer: Walks in\n- Frontstage: Greets {#greet} -> [](#seat)\n\n"
            + "### B\n\n- Customer: Sits\n- Frontstage: Seats {#seat} -> [](#greet)\n");
        Assert.EndsWith("; mark the arrow that goes back with the link title `loop` (`[](#id \"loop\")`) if the return is intended, or remove it",
            Assert.Single(findings, d => d.Id == "BP007").Message);
    }
}
