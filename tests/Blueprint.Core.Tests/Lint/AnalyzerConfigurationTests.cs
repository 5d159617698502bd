using Blueprint.Core.Analysis;
using Blueprint.Core.Diagnostics;
using Blueprint.Core.Model;
using Blueprint.Core.Reading;

namespace Blueprint.Core.Tests.Lint;

/// <summary>Severity overrides, in-file disables, and the BP110 measurement contract.</summary>
public sealed class AnalyzerConfigurationTests
{
    private const string NoGoalNoScenario = """
        blueprint: Collect a parcel
        lanes: [customer, frontstage]
        scenes:
          - scene: Counter
            steps:
              - step: Show the code
                customer: Shows the pick-up code
                frontstage: Clerk scans the code
        """;

    private static IReadOnlyList<Diagnostic> Lint(string yaml, AnalysisOptions? options = null) =>
        Analyzer.Analyze(YamlReader.Read("t.blueprint.yaml", yaml), options);

    private static string[] Lines(IEnumerable<Diagnostic> findings) => findings.Select(d => d.ToString()).ToArray();

    [Fact]
    public void Without_configuration_both_warnings_are_reported()
    {
        Assert.Equal(
        [
            "t.blueprint.yaml:1:1: warning BP107 no-goal: the blueprint has no `goal:`; add one line saying what it is made to change, e.g. `goal: Cut the wait between seating and ordering`",
            "t.blueprint.yaml:1:1: warning BP108 no-scenario: the blueprint has no `scenario:`; add a sentence naming who does what, from start to end, e.g. `scenario: A couple books online, dines and pays.`",
        ], Lines(Lint(NoGoalNoScenario)));
    }

    [Fact]
    public void Severity_overrides_turn_checks_off_or_change_their_level()
    {
        var options = new AnalysisOptions(new Dictionary<string, Severity> { ["BP107"] = Severity.Off, ["BP108"] = Severity.Error });
        var findings = Lint(NoGoalNoScenario, options);
        var only = Assert.Single(findings);
        Assert.Equal(("BP108", Severity.Error), (only.Id, only.Severity));

        options = new AnalysisOptions(new Dictionary<string, Severity> { ["BP107"] = Severity.Info });
        Assert.Equal([("BP107", Severity.Info), ("BP108", Severity.Warning)], Lint(NoGoalNoScenario, options).Select(d => (d.Id, d.Severity)));
    }

    [Theory]
    [InlineData("[BP107]")]
    [InlineData("[no-goal]")]
    [InlineData("[No-Goal]")]
    [InlineData("bp107")]
    public void In_file_disable_drops_a_check_by_id_or_name(string disable)
    {
        var findings = Lint($"lint: {{ disable: {disable} }}\n" + NoGoalNoScenario);
        Assert.Equal(["BP108"], findings.Select(d => d.Id));
    }

    [Fact]
    public void In_file_disable_of_several_checks()
    {
        Assert.Empty(Lint("lint:\n  disable:\n    - BP107\n    - no-scenario\n" + NoGoalNoScenario));
    }

    [Fact]
    public void In_file_disable_of_an_unknown_check_is_a_bad_value_with_a_suggestion()
    {
        var findings = Lint("lint: { disable: [no-gaol] }\n" + NoGoalNoScenario);
        Assert.Equal("t.blueprint.yaml:1:19: error BP003 bad-value: `no-gaol` is not a check id or name; did you mean `no-goal`?", findings.Single(d => d.Id == "BP003").ToString());
    }

    [Fact]
    public void Errors_cannot_be_disabled_in_the_file_or_configured()
    {
        const string broken = """
            blueprint: Collect a parcel
            goal: Hand parcels over quickly
            scenario: A customer collects a parcel.
            lanes: [customer, frontstage]
            lint: { disable: [BP005] }
            scenes:
              - scene: Counter
                steps:
                  - step: Show the code
                    customer: { text: Shows the pick-up code, to: [nowhere] }
                    frontstage: Clerk scans the code
            """;
        var options = new AnalysisOptions(new Dictionary<string, Severity> { ["BP005"] = Severity.Off });
        Assert.Equal(
        [
            "t.blueprint.yaml:5:19: error BP003 bad-value: BP005 broken-link is an error and cannot be disabled: the file cannot be drawn as written; fix the finding instead",
            "t.blueprint.yaml:10:56: error BP005 broken-link: no step or card has the id `nowhere`",
        ], Lines(Lint(broken, options)));
    }

    private const string TwoCards = """
        blueprint: Collect a parcel
        goal: Hand parcels over quickly
        scenario: A customer collects a parcel.
        lanes: [customer, frontstage]
        scenes:
          - scene: Counter
            steps:
              - step: Show the code
                customer: Shows the pick-up code
                frontstage:
                  text: Clerk scans the code
        """;

    [Fact]
    public void Long_text_is_silent_without_a_measurement()
    {
        Assert.Empty(Lint(TwoCards));
        Assert.Empty(Lint(TwoCards, new AnalysisOptions(IsTextCut: null)));
    }

    [Fact]
    public void Long_text_asks_the_measurement_about_every_card_and_reports_each_cut_card_at_the_card()
    {
        var asked = new List<string>();
        var options = new AnalysisOptions(IsTextCut: card =>
        {
            lock (asked) asked.Add(card.Text);
            return card.LaneId == Lane.Frontstage;
        });
        var finding = Assert.Single(Lint(TwoCards, options));
        Assert.Equal("t.blueprint.yaml:11:11: warning BP110 long-text: the text of `show-the-code.frontstage` (20 characters) is too long for its card and would be cut; shorten it and move the detail to `note:`", finding.ToString());
        Assert.Equal(["Shows the pick-up code", "Clerk scans the code"], asked);
    }

    [Fact]
    public void Long_text_can_be_turned_off_like_any_lint_check()
    {
        var options = new AnalysisOptions(new Dictionary<string, Severity> { ["BP110"] = Severity.Off }, _ => true);
        Assert.Empty(Lint(TwoCards, options));
    }

    [Fact]
    public void Every_lint_rule_is_registered_once_in_id_order()
    {
        var ids = Analyzer.Rules.Select(r => r.Descriptor.Id).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        foreach (var descriptor in Descriptors.All.Where(d => d.IsConfigurable))
            Assert.Single(ids, descriptor.Id);
    }
}
