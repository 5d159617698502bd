using System.Text.Json;
using Blueprint.Tests;

namespace Blueprint.Cli.Tests.Lint;

/// <summary><c>lint --write-baseline</c> and <c>--baseline</c>: what survives, what is new again, errors, the file, SARIF.</summary>
public sealed class BaselineTests
{
    /// <summary>Two orphan cards (BP109) in the step Sleep: the warnings to baseline.</summary>
    private static readonly string Hotel = File.ReadAllText(Repo.Fixtures("diff", "base.blueprint.yaml"));

    private const string Orphans = "1 file checked: no problems (2 hidden by the baseline)";

    private static TempFolder Baselined(out string written)
    {
        var dir = new TempFolder();
        dir.Write("bp/hotel.blueprint.yaml", Hotel);
        var run = CliRun.Run(dir.Path, null, "lint", "bp", "--write-baseline", "ci/lint-baseline.json");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("blueprint: wrote baseline 'ci/lint-baseline.json': 2 findings recorded\n", run.Error);
        written = File.ReadAllText(Path.Combine(dir.Path, "ci", "lint-baseline.json"));
        return dir;
    }

    private static CliRun Lint(TempFolder dir, params string[] more) => CliRun.Run(dir.Path, null, ["lint", "bp", "--baseline", "ci/lint-baseline.json", .. more]);

    private static void Edit(TempFolder dir, Func<string, string> change)
    {
        string path = Path.Combine(dir.Path, "bp", "hotel.blueprint.yaml");
        string before = File.ReadAllText(path), after = change(before);
        Assert.NotEqual(before, after);
        File.WriteAllText(path, after);
    }

    [Fact]
    public void The_baseline_holds_sorted_entries_with_paths_relative_to_its_folder()
    {
        using var dir = Baselined(out string json);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(1, doc.RootElement.GetProperty("version").GetInt32());
        var entries = doc.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(["card sleep.backstage", "card sleep.support"], entries.Select(e => e.GetProperty("element").GetString()));
        Assert.All(entries, e => Assert.Equal("../bp/hotel.blueprint.yaml", e.GetProperty("file").GetString()));
        Assert.All(entries, e => Assert.Equal("BP109", e.GetProperty("rule").GetString()));
        Assert.All(entries, e => Assert.Matches("^[0-9a-f]{32}$", e.GetProperty("fingerprint").GetString()));
        // Written again from the same findings: the same bytes (it diffs well in git).
        Assert.Equal(0, CliRun.Run(dir.Path, null, "lint", "bp", "--write-baseline", "ci/lint-baseline.json").ExitCode);
        Assert.Equal(json, File.ReadAllText(Path.Combine(dir.Path, "ci", "lint-baseline.json")));
    }

    [Fact]
    public void Known_findings_are_hidden_and_counted()
    {
        using var dir = Baselined(out _);
        var run = Lint(dir);
        Assert.Equal((0, Orphans, ""), (run.ExitCode, run.Out.TrimEnd('\n'), run.Error));
    }

    [Fact]
    public void Moved_lines_reordered_steps_and_another_card_edited_keep_a_finding_hidden()
    {
        using var dir = Baselined(out _);
        Edit(dir, t => t.Replace("blueprint: A night", "# Two lines of comment\n# move every line down\nblueprint: A night"));
        Assert.Equal(Orphans, Lint(dir, "--max-warnings", "0").Out.TrimEnd('\n'));
        // The scene with the two orphans moves to the end: its step Sleep is now the last step, its cards on other lines.
        var stay = Hotel[Hotel.IndexOf("  - scene: Stay", StringComparison.Ordinal)..Hotel.IndexOf("  - scene: Departure", StringComparison.Ordinal)];
        Edit(dir, t => t.Replace(stay, "") + stay);
        Edit(dir, t => t.Replace("Clerk prints the bill", "Clerk prints and signs the bill"));
        var run = Lint(dir, "--max-warnings", "0");
        Assert.Equal((0, Orphans), (run.ExitCode, run.Out.TrimEnd('\n')));
    }

    [Fact]
    public void A_new_finding_is_reported_and_fails_while_the_known_stay_hidden()
    {
        using var dir = Baselined(out _);
        Edit(dir, t => t.Replace("        policy: Late check-out", "        backstage: Night auditor closes the day\n        policy: Late check-out"));
        var run = Lint(dir, "--max-warnings", "0");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
        [
            "bp/hotel.blueprint.yaml:57:20: warning BP109 orphan-card: the backstage card `pay.backstage` has no arrow in or out; connect it with `to:` to the action it serves or depends on, or remove it",
            "1 file checked: 0 errors, 1 warning (2 hidden by the baseline)",
        ], run.OutLines);
        Assert.Equal(["blueprint: 1 warnings is more than --max-warnings 0"], run.ErrorLines);
    }

    [Fact]
    public void Changing_the_element_a_finding_is_about_makes_it_new_and_its_entry_stale()
    {
        using var dir = Baselined(out _);
        Edit(dir, t => t.Replace("Housekeeping prepares the breakfast list", "Housekeeping prepares the breakfast list and the towels"));
        var run = Lint(dir);
        Assert.Equal(
        [
            "bp/hotel.blueprint.yaml:41:20: warning BP109 orphan-card: the backstage card `sleep.backstage` has no arrow in or out; connect it with `to:` to the action it serves or depends on, or remove it",
            "1 file checked: 0 errors, 1 warning (1 hidden by the baseline)",
        ], run.OutLines);
        Assert.Equal(
        [
            "blueprint: 1 baseline entry no longer occurs (fixed, or their element changed); refresh it with lint --write-baseline ci/lint-baseline.json:",
            "  ../bp/hotel.blueprint.yaml: BP109 card sleep.backstage: the backstage card `sleep.backstage` has no arrow in or out; connect it with `to:` to the action it serves or depends on, or remove it",
        ], run.ErrorLines);
    }

    [Fact]
    public void Errors_are_never_recorded_nor_hidden()
    {
        using var dir = new TempFolder();
        dir.Write("bp/broken.blueprint.yaml", Samples.Broken);
        var write = CliRun.Run(dir.Path, null, "lint", "bp", "--write-baseline", "b.json");
        Assert.Equal(1, write.ExitCode);
        Assert.Contains("blueprint: wrote baseline 'b.json': 0 findings recorded; 1 error is not (errors are never baselined)", write.Error);
        // Even an entry with the error's own fingerprint, written by hand, does not hide it.
        var sarif = CliRun.Run(dir.Path, null, "lint", "bp", "--format", "sarif");
        string fp = JsonDocument.Parse(sarif.Out).RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("partialFingerprints").GetProperty("blueprintFinding/v1").GetString()!;
        dir.Write("b.json", $$"""{"version": 1, "findings": [{"file": "bp/broken.blueprint.yaml", "rule": "BP002", "element": "file", "message": "", "fingerprint": "{{fp}}"}]}""");
        var run = CliRun.Run(dir.Path, null, "lint", "bp", "--baseline", "b.json");
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("bp/broken.blueprint.yaml:9:9: error BP002 unknown-key", run.Out);
    }

    [Fact]
    public void Sarif_carries_fingerprints_and_baseline_states()
    {
        using var dir = Baselined(out _);
        Edit(dir, t => t.Replace("Housekeeping prepares the breakfast list", "Housekeeping prepares the towels"));
        var run = Lint(dir, "--format", "sarif");
        Assert.Equal(0, run.ExitCode);
        var results = JsonDocument.Parse(run.Out).RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => (State: r.GetProperty("baselineState").GetString(), Fingerprint: r.GetProperty("partialFingerprints").GetProperty("blueprintFinding/v1").GetString(),
                Uri: r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()))
            .ToList();
        Assert.Equal(["new", "unchanged", "absent"], results.Select(r => r.State));
        Assert.All(results, r => Assert.Equal("bp/hotel.blueprint.yaml", r.Uri));
        Assert.Equal(3, results.Select(r => r.Fingerprint).Distinct().Count());
        Assert.Contains("blueprint: 1 finding hidden by the baseline 'ci/lint-baseline.json'", run.Error);
        var plain = CliRun.Run(dir.Path, null, "lint", "bp", "--format", "sarif");
        Assert.DoesNotContain("baselineState", plain.Out);
        Assert.Contains("\"blueprintFinding/v1\"", plain.Out);
    }

    [Fact]
    public void A_baseline_that_cannot_be_written_leaves_the_old_one_whole()
    {
        using var dir = Baselined(out string json);
        Directory.CreateDirectory(Path.Combine(dir.Path, "ci", "folder.json"));
        var run = CliRun.Run(dir.Path, null, "lint", "bp", "--write-baseline", "ci/folder.json");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("blueprint: cannot write 'ci/folder.json': is a folder", run.Error);
        Assert.Equal(json, File.ReadAllText(Path.Combine(dir.Path, "ci", "lint-baseline.json")));
        Assert.Equal(["lint-baseline.json"], Directory.GetFiles(Path.Combine(dir.Path, "ci")).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("missing.json", null, "blueprint: cannot read 'missing.json': no such file; write one first with lint --write-baseline missing.json")]
    [InlineData("bad.json", "{\"version\": 1,\n  \"findings\": [}", "blueprint: bad.json:2:16: not valid JSON ('}' is an invalid start of a value); write the baseline again with lint --write-baseline FILE")]
    [InlineData("other.json", "[1, 2]", "blueprint: other.json: not a lint baseline: expected an object with a \"findings\" array; write one with lint --write-baseline FILE")]
    public void A_baseline_that_cannot_be_read_is_bad_usage(string name, string? text, string message)
    {
        using var dir = new TempFolder();
        dir.Write("bp/hotel.blueprint.yaml", Hotel);
        if (text is not null) dir.Write(name, text);
        var run = CliRun.Run(dir.Path, null, "lint", "bp", "--baseline", name);
        Assert.Equal((2, message), (run.ExitCode, run.Error.TrimEnd('\n')));
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void Baseline_and_write_baseline_together_are_bad_usage()
    {
        var run = CliRun.Run(Repo.Root, null, "lint", "examples", "--baseline", "a.json", "--write-baseline", "a.json");
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("blueprint: --baseline and --write-baseline contradict each other; to refresh a baseline give only --write-baseline FILE", run.Error);
    }
}
