using Blueprint.Core.Analysis;
using Blueprint.Core.Model;
using Blueprint.Core.Reading;

namespace Blueprint.Core.Tests;

public class ReaderTests
{
    private static BlueprintDocument Read(string yaml)
    {
        var result = YamlReader.Read("t.blueprint.yaml", yaml);
        Assert.True(!result.HasErrors, string.Join("\n", result.Diagnostics));
        return result.Document!;
    }

    [Theory]
    [InlineData("30s", 30)]
    [InlineData("2m", 120)]
    [InlineData("1h30m", 5400)]
    [InlineData("2d", 172800)]
    [InlineData("1d2h3m4s", 93784)]
    [InlineData("0s", 0)]
    public void Durations_parse(string text, int seconds)
    {
        Assert.True(Durations.TryParse(text, out var d));
        Assert.Equal(seconds, (int)d.TotalSeconds);
        Assert.True(Durations.TryParse(Durations.Format(d), out var again));
        Assert.Equal(d, again);
    }

    [Theory]
    [InlineData("")]
    [InlineData("3")]
    [InlineData("2h30")]
    [InlineData("30m1h")]
    [InlineData("soon")]
    [InlineData("-2m")]
    public void Bad_durations_do_not_parse(string text) => Assert.False(Durations.TryParse(text, out _));

    [Theory]
    [InlineData("Order at the counter", "order-at-the-counter")]
    [InlineData("Pay & leave!", "pay--leave")]
    [InlineData("Café au lait", "café-au-lait")]
    [InlineData("Step_2: Check-in", "step_2-check-in")]
    public void Slugs_follow_heading_anchor_rules(string name, string slug) => Assert.Equal(slug, Slug.From(name));

    [Fact]
    public void Card_forms_string_mapping_and_list()
    {
        var doc = Read("""
            blueprint: Cards
            scenes:
              - scene: S
                steps:
                  - step: One
                    customer: Plain text
                    frontstage:
                      id: f
                      text: Mapped
                      owner: Host
                      fail: Breaks
                      url: https://example.com
                    backstage:
                      - First
                      - text: Second
                        to: [one, { ref: f, label: why, loop: true }]
            """);
        var step = Assert.Single(doc.Steps);
        Assert.Equal(["customer", "frontstage", "backstage", "backstage"], step.Cards.Select(c => c.LaneId));
        var f = step.Cards[1];
        Assert.Equal(("f", "Mapped", "Host", "Breaks", "https://example.com"), (f.Id, f.Text, f.Owner, f.Fail, f.Url));
        var arrows = step.Cards[3].Arrows;
        Assert.Equal(["one", "f"], arrows.Select(a => a.Ref));
        Assert.Equal(("why", true), (arrows[1].Label, arrows[1].Loop));
        Assert.Equal((16, 18), (arrows[0].Location.Line, arrows[0].Location.Column));
    }

    [Fact]
    public void Lane_aliases_and_custom_lanes()
    {
        var doc = Read("""
            blueprint: Lanes
            lanes: [Customer Actions, { id: kitchen, name: Kitchen, color: "#FFD966" }, { id: onstage, name: Staff }]
            scenes:
              - scene: S
                steps:
                  - step: One
                    customer actions: Orders
                    KITCHEN: Cooks
                    onstage: Serves
            """);
        Assert.Equal(["customer", "kitchen", "frontstage"], doc.Lanes.Select(l => l.Id));
        Assert.Equal("#ffd966", doc.Lanes[1].Color);
        Assert.Equal("Staff", doc.Lanes[2].Name);
        Assert.False(doc.Lanes[1].IsStandard);
        Assert.Equal(["customer", "kitchen", "frontstage"], doc.Steps.Single().Cards.Select(c => c.LaneId));
    }

    [Fact]
    public void References_resolve_to_customer_first_card_cell_and_card()
    {
        var doc = Read("""
            blueprint: Refs
            scenes:
              - scene: S
                steps:
                  - step: A
                    frontstage:
                      text: From
                      to: [b, c, b.support, card]
                  - step: B
                    support: B support
                    customer: B customer
                  - step: C
                    backstage: C backstage
                    support: { id: card, text: The card }
            """);
        var graph = BlueprintGraph.Build(doc);
        Assert.Empty(graph.Diagnostics);
        Assert.Equal(["B customer", "C backstage", "B support", "The card"], graph.Arrows.Select(e => e.To.Card.Text));
    }

    [Fact]
    public void Journey_joins_consecutive_customer_cards_and_can_be_turned_off()
    {
        const string body = """
            scenes:
              - scene: S
                steps:
                  - { step: A, customer: a }
                  - { step: B, frontstage: b }
                  - { step: C, customer: c }
            """;
        var on = BlueprintGraph.Build(Read("blueprint: J\n" + body));
        Assert.Equal([("a", "c")], on.JourneyEdges.Select(e => (e.From.Card.Text, e.To.Card.Text)));
        var off = BlueprintGraph.Build(Read("blueprint: J\njourney: false\n" + body));
        Assert.Empty(off.JourneyEdges);
    }

    [Fact]
    public void Reader_keeps_going_after_errors_and_returns_a_partial_model()
    {
        var result = YamlReader.Read("t.blueprint.yaml", """
            blueprint: Partial
            scenes:
              - scene: S
                steps:
                  - step: A
                    customer: Fine
                    emotion: 9
                  - step: B
                    custmer: Typo
                    frontstage: Still read
            """);
        Assert.Equal(2, result.Diagnostics.Count);
        Assert.Equal(2, result.Document!.Steps.Count());
        Assert.Equal("Still read", result.Document.Steps.Last().Cards.Single().Text);
    }

    [Fact]
    public void A_rule_that_throws_becomes_an_internal_error_finding()
    {
        var read = YamlReader.Read("t.blueprint.yaml", "blueprint: T\nscenes: [{ scene: S, steps: [{ step: A, customer: x }] }]\n");
        var options = new AnalysisOptions(IsTextCut: _ => throw new InvalidOperationException("boom"));
        var findings = Analyzer.AnalyzeWith(read, [new ThrowingRule()], options);
        var d = Assert.Single(findings);
        Assert.Equal("BP000", d.Id);
        Assert.Contains("boom", d.Message);
    }

    private sealed class ThrowingRule : IRule
    {
        public Diagnostics.DiagnosticDescriptor Descriptor => Diagnostics.Descriptors.LongText;
        public IEnumerable<Diagnostics.Diagnostic> Check(RuleContext context) =>
            context.Document.Steps.SelectMany(s => s.Cards).Where(c => context.IsTextCut!(c)).Select(c => Descriptor.At(c.Location, "cut"));
    }
}
