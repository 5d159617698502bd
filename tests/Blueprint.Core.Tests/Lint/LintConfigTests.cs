using Blueprint.Core.Analysis;
using Blueprint.Core.Diagnostics;

namespace Blueprint.Core.Tests.Lint;

public sealed class LintConfigTests
{
    private static LintConfig Parse(string text) => LintConfig.Parse(".blueprintlint.yaml", text);

    [Fact]
    public void Rules_by_id_or_name_map_to_severities_by_id()
    {
        var config = Parse("rules:\n  BP109: off\n  no-goal: error\n  Crosses-Visibility: info\n  bp101: warn\n");
        Assert.Empty(config.Diagnostics);
        Assert.Equal(
            new Dictionary<string, Severity> { ["BP109"] = Severity.Off, ["BP107"] = Severity.Error, ["BP104"] = Severity.Info, ["BP101"] = Severity.Warning },
            config.Severities);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# nothing configured yet\n")]
    [InlineData("rules:\n")]
    [InlineData("rules: {}\n")]
    public void An_empty_configuration_changes_nothing(string text)
    {
        var config = Parse(text);
        Assert.Empty(config.Diagnostics);
        Assert.Empty(config.Severities);
    }

    [Fact]
    public void Mistakes_are_reported_with_positions_and_suggestions_and_valid_entries_still_apply()
    {
        var config = Parse("""
            rules:
              BP109: off
              no-goel: error
              BP104: erorr
              BP005: off
              BP999: off
              orphan-card: info
            rulez:
              BP101: off
            """);
        Assert.Equal(
        [
            ".blueprintlint.yaml:3:3: error BP002 unknown-key: unknown check `no-goel` in `rules`; did you mean `no-goal`?",
            ".blueprintlint.yaml:4:10: error BP003 bad-value: `erorr` is not a severity for BP104; did you mean `error`? (write off, info, warning or error)",
            ".blueprintlint.yaml:5:3: error BP003 bad-value: BP005 broken-link is an error and cannot be configured: the file cannot be drawn as written; only lint checks (BP101-BP111) can",
            ".blueprintlint.yaml:6:3: error BP002 unknown-key: unknown check `BP999` in `rules`; did you mean `BP109`?",
            ".blueprintlint.yaml:7:3: error BP003 bad-value: BP109 orphan-card is already set at 2:3; keep one of the two entries",
            ".blueprintlint.yaml:8:1: error BP002 unknown-key: unknown configuration key `rulez`; did you mean `rules`? (a lint configuration has `rules:`)",
        ], config.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(new Dictionary<string, Severity> { ["BP109"] = Severity.Off }, config.Severities);
    }

    [Fact]
    public void Unreadable_yaml_is_a_syntax_error_in_the_configuration()
    {
        var config = Parse("rules:\n  BP109: [off\n");
        var d = Assert.Single(config.Diagnostics);
        Assert.Equal("BP001", d.Id);
        Assert.Equal(".blueprintlint.yaml", d.Location.File);
    }

    [Theory]
    [InlineData("- BP109\n", "a lint configuration is a mapping such as `rules: { BP109: off, no-goal: error }`")]
    [InlineData("rules: [BP109]\n", "`rules` takes a mapping of check id or name to off, info, warning or error, e.g. `{ BP109: off }`")]
    [InlineData("rules:\n  BP109:\n", "nothing is not a severity for BP109 (write off, info, warning or error)")]
    public void Wrong_shapes_are_bad_values(string text, string message)
    {
        var d = Assert.Single(Parse(text).Diagnostics);
        Assert.Equal(("BP003", message), (d.Id, d.Message));
    }
}
