using Blueprint.Core.Diagnostics;
using Blueprint.Core.Model;
using Blueprint.Core.Reading;

namespace Blueprint.Core.Tests.Markdown;

/// <summary>Focused behaviour of the Markdown reader: cards, links, ids, tables and positions.</summary>
public class MarkdownReaderTests
{
    private static ReadResult Read(string body, string? frontMatter = null)
    {
        string text = (frontMatter is null ? "" : $"---\n{frontMatter}---\n") + "# Title\n\nScenario.\n\n## Scene\n\n### Step\n\n" + body;
        return MarkdownReader.Read("t.blueprint.md", text);
    }

    private static Card OnlyCard(ReadResult read)
    {
        Assert.DoesNotContain(read.Diagnostics, d => d.Severity == Severity.Error);
        return Assert.Single(read.Document!.Steps.Single().Cards);
    }

    [Fact]
    public void Links_after_a_trailing_arrow_are_arrows_only()
    {
        var card = OnlyCard(Read("- Backstage: Looks the booking up {#check} -> [seat](#seat.frontstage), [](#pay)\n"));
        Assert.Equal("Looks the booking up", card.Text);
        Assert.Equal("check", card.Id);
        Assert.Equal([("seat.frontstage", "seat"), ("pay", null)], card.Arrows.Select(a => (a.Ref, a.Label)));
    }

    [Fact]
    public void A_link_inside_the_sentence_keeps_its_text()
    {
        var card = OnlyCard(Read("- Frontstage: Host [seats](#seat) the guests\n"));
        Assert.Equal("Host seats the guests", card.Text);
        var arrow = Assert.Single(card.Arrows);
        Assert.Equal(("seat", "seats", false), (arrow.Ref, arrow.Label, arrow.Loop));
    }

    [Fact]
    public void A_loop_title_marks_a_loop_arrow_and_a_link_named_as_its_target_has_no_label()
    {
        var card = OnlyCard(Read("- Customer: Comes back -> [retry](#pay \"loop\"), [order](#order)\n"));
        Assert.Equal([("pay", "retry", true), ("order", null, false)], card.Arrows.Select(a => (a.Ref, a.Label, a.Loop)));
    }

    [Fact]
    public void A_web_link_is_the_card_url_unless_it_has_one()
    {
        var card = OnlyCard(Read("- Support: The [CRM](https://example.com/crm) and [wiki](https://example.com/wiki)\n"));
        Assert.Equal(("The CRM and wiki", "https://example.com/crm"), (card.Text, card.Url));

        card = OnlyCard(Read("- Support: The [CRM](https://example.com/crm)\n  - Url: https://example.com/other\n"));
        Assert.Equal(("The CRM", "https://example.com/other"), (card.Text, card.Url));
    }

    [Fact]
    public void Escaped_markers_stay_text()
    {
        var card = OnlyCard(Read("- Customer: Types \\{#not-an-id} -\\> [x](#x)\n"));
        Assert.Equal("Types {#not-an-id} -> x", card.Text);
        Assert.Null(card.Id);
        Assert.Equal("x", Assert.Single(card.Arrows).Ref);
    }

    [Fact]
    public void Nested_items_are_the_card_keys_and_labels_ignore_case_and_markup()
    {
        var card = OnlyCard(Read("- **backstage actions:** Checks stock\n  - owner: Runner\n  - FAIL: Scanner broken\n  - Id: stock-check\n"));
        Assert.Equal(("backstage", "Checks stock", "Runner", "Scanner broken", "stock-check"), (card.LaneId, card.Text, card.Owner, card.Fail, card.Id));
    }

    [Fact]
    public void Repeated_lane_labels_stack_cards_grouped_by_lane()
    {
        var read = Read("- Customer: One\n- Evidence: Sign\n- Customer: Two\n");
        var cards = read.Document!.Steps.Single().Cards;
        Assert.Equal([("customer", "One"), ("customer", "Two"), ("evidence", "Sign")], cards.Select(c => (c.LaneId, c.Text)));
    }

    [Fact]
    public void A_custom_lane_is_a_label_by_id_or_name()
    {
        var read = Read("- Kitchen: Cooks\n- kitchen crew: Plates\n", "lanes: [customer, { id: kitchen, name: Kitchen crew }]\n");
        Assert.Empty(read.Diagnostics);
        Assert.All(read.Document!.Steps.Single().Cards, c => Assert.Equal("kitchen", c.LaneId));
    }

    [Fact]
    public void Positions_are_one_based_lines_and_columns_of_the_file_front_matter_included()
    {
        var read = Read("- Customer: Orders {#order-card} -> [pay](#pay)\n- Custmer: typo\n", "goal: x\nscenarion: typo\n");
        // Front matter: lines 1-4, title line 5, scenario 7, scene 9, step 11, items from 13.
        var frontMatter = read.Diagnostics.Single(d => d.Message.Contains("scenarion", StringComparison.Ordinal));
        Assert.Equal((3, 1), (frontMatter.Location.Line, frontMatter.Location.Column));
        var label = read.Diagnostics.Single(d => d.Message.Contains("Custmer", StringComparison.Ordinal));
        Assert.Equal((14, 1), (label.Location.Line, label.Location.Column));
        var card = read.Document!.Steps.Single().Cards.Single();
        Assert.Equal((13, 13), (card.Location.Line, card.Location.Column));
        Assert.Equal((13, 20), (card.IdLocation.Line, card.IdLocation.Column));
        Assert.Equal((13, 37), (card.Arrows[0].Location.Line, card.Arrows[0].Location.Column));
        var step = read.Document.Steps.Single();
        Assert.Equal((11, 1), (step.Location.Line, step.Location.Column));
    }

    [Fact]
    public void Crlf_line_endings_read_the_same()
    {
        string text = "---\ngoal: g\n---\n# T\n\nS.\n\n## Scene\n\n### Step {#s}\n\n- Customer: Walks in -> [x](#s)\n  - Note: n\n";
        var lf = MarkdownReader.Read("t.blueprint.md", text);
        var crlf = MarkdownReader.Read("t.blueprint.md", text.Replace("\n", "\r\n", StringComparison.Ordinal));
        Assert.Empty(crlf.Diagnostics);
        Assert.Equal(ModelJson.Write(lf.Document!), ModelJson.Write(crlf.Document!));
    }

    [Fact]
    public void A_table_scene_reads_steps_from_the_header_and_cards_from_the_rows()
    {
        var read = MarkdownReader.Read("t.blueprint.md",
            "# T\n\n## Visit\n\n| Lane | Arrive {#in} | Leave |\n|---|---|---|\n| Customer | Walks in | Walks out |\n| Frontstage | Greets <br> Smiles -> [bye](#leave) | |\n| Duration | 1m | 30s |\n");
        Assert.Empty(read.Diagnostics);
        var steps = read.Document!.Steps.ToList();
        Assert.Equal([("in", "Arrive"), ("leave", "Leave")], steps.Select(s => (s.Id, s.Name)));
        Assert.Equal(["Walks in", "Greets", "Smiles"], steps[0].Cards.Select(c => c.Text));
        Assert.Equal("leave", steps[0].Cards[2].Arrows.Single().Ref);
        Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(30)], steps.Select(s => s.Duration!.Value));
    }

    [Fact]
    public void Empty_and_hostile_input_gives_findings_not_exceptions()
    {
        Assert.Equal("BP008", Assert.Single(MarkdownReader.Read("e.blueprint.md", "  \n").Diagnostics).Id);
        var deep = MarkdownReader.Read("d.blueprint.md", "# T\n\n## S\n\n### A\n\n- Customer: " + new string('[', 20_000) + new string('*', 20_000) + "\n" + new string('>', 5_000) + " x\n");
        Assert.Equal("BP001", Assert.Single(deep.Diagnostics).Id);
        var nested = MarkdownReader.Read("n.blueprint.md", "# T\n\n## S\n\n### A\n\n" + string.Concat(Enumerable.Range(0, 500).Select(i => new string(' ', i * 2) + "- Customer: x\n")));
        Assert.Null(nested.Document);
        Assert.Equal("BP001", Assert.Single(nested.Diagnostics).Id);
    }

    [Fact]
    public void The_reader_is_chosen_by_extension_and_markdown_is_recognised_on_standard_input()
    {
        Assert.Equal(SourceFormat.Markdown, BlueprintReader.FormatOf("a.blueprint.md"));
        Assert.Equal(SourceFormat.Markdown, BlueprintReader.FormatOf("<stdin>", "---\ngoal: g\n---\n# Title\n"));
        var read = BlueprintReader.ReadText("x.blueprint.md", "# T\n\n## S\n\n### A\n\n- Customer: x\n");
        Assert.Empty(read.Diagnostics);
    }

    [Theory]
    [InlineData("# A comment\nblueprint: B\n", SourceFormat.Yaml)]
    [InlineData("# yaml-language-server: $schema=https://x/schema.json\n\nblueprint: B\n", SourceFormat.Yaml)]
    [InlineData("# One\n## Two\n#three\nblueprint: B\n", SourceFormat.Yaml)]
    [InlineData("# A comment\n---\nblueprint: B\n", SourceFormat.Yaml)]
    [InlineData("---\nblueprint: B\n", SourceFormat.Yaml)]
    [InlineData("blueprint: B\n", SourceFormat.Yaml)]
    [InlineData("#!comment\nThis is prose\n", SourceFormat.Yaml)]
    [InlineData("# Title\n\nA scenario: with a colon.\n", SourceFormat.Markdown)]
    [InlineData("# Title\n\n## Scene\n\n### Step\n\n- Customer: x\n", SourceFormat.Markdown)]
    [InlineData("# Title\n", SourceFormat.Markdown)]
    [InlineData("---\ngoal: g\n---\n\n# Title\n", SourceFormat.Markdown)]
    [InlineData("---\ngoal: g\n---\nA paragraph\n", SourceFormat.Markdown)]
    public void Standard_input_is_yaml_when_its_first_line_after_comments_is_a_key(string text, SourceFormat expected) =>
        Assert.Equal(expected, BlueprintReader.FormatOf("<stdin>", text));
}
