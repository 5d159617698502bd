using Blueprint.Tests;

namespace Blueprint.Cli.Tests.Commands;

/// <summary><c>blueprint diff</c>: the fixture pairs' goldens in every format, exit codes, usage, and <c>--since</c> in a real git repository.</summary>
public sealed class DiffCommandTests
{
    private static readonly string Pairs = Repo.Fixtures("diff");

    public static TheoryData<string, string> PairsAndFormats()
    {
        var data = new TheoryData<string, string>();
        foreach (var dir in Directory.GetDirectories(Pairs).Order(StringComparer.Ordinal))
            foreach (var format in new[] { "text", "markdown", "json" })
                data.Add(Path.GetFileName(dir), format);
        return data;
    }

    private static string NewFile(string pair) =>
        Path.GetFileName(Directory.GetFiles(Path.Combine(Pairs, pair), "new.blueprint.*").Single());

    [Theory]
    [MemberData(nameof(PairsAndFormats))]
    public void Each_fixture_pair_matches_its_golden(string pair, string format)
    {
        var run = CliRun.Run(Path.Combine(Pairs, pair), null, "diff", "old.blueprint.yaml", NewFile(pair), "--format", format);
        Assert.Equal("", run.Error);
        Assert.Equal(0, run.ExitCode);
        string ext = format switch { "markdown" => "md", "json" => "json", _ => "txt" };
        Golden.Verify(Path.Combine(Pairs, pair, $"expected.{ext}"), run.Out);
    }

    [Theory]
    [InlineData("identical", 0)]
    [InlineData("yaml-vs-markdown", 0)]
    [InlineData("rename", 1)]
    [InlineData("fail-owner-lost", 1)]
    public void Exit_code_says_whether_anything_changed(string pair, int expected)
    {
        var run = CliRun.Run(Path.Combine(Pairs, pair), null, "diff", "old.blueprint.yaml", NewFile(pair), "--exit-code");
        Assert.Equal(expected, run.ExitCode);
        Assert.Equal(0, CliRun.Run(Path.Combine(Pairs, pair), null, "diff", "old.blueprint.yaml", NewFile(pair)).ExitCode);
    }

    [Fact]
    public void Colour_only_on_a_terminal()
    {
        string dir = Path.Combine(Pairs, "rename");
        var piped = CliRun.Run(dir, null, "diff", "old.blueprint.yaml", "new.blueprint.yaml");
        var terminal = CliRun.Run(dir, null, terminal: true, "diff", "old.blueprint.yaml", "new.blueprint.yaml");
        Assert.DoesNotContain("\u001b[", piped.Out);
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))) return;
        Assert.Contains("\u001b[36m= step check-in-at-the-desk renamed", terminal.Out);
        Assert.Equal(piped.Out, System.Text.RegularExpressions.Regex.Replace(terminal.Out, "\u001b\\[[0-9]+m", ""));
    }

    [Fact]
    public void The_old_version_may_come_from_standard_input()
    {
        string dir = Path.Combine(Pairs, "fail-owner-lost");
        var run = CliRun.Run(dir, File.ReadAllText(Path.Combine(dir, "old.blueprint.yaml")), "diff", "-", "new.blueprint.yaml");
        Assert.Equal((0, File.ReadAllText(Path.Combine(dir, "expected.txt"))), (run.ExitCode, run.Out));
    }

    [Theory]
    [InlineData(new[] { "diff", "a.blueprint.yaml" }, "blueprint: diff needs two files to compare, OLD and NEW (got 1); or compare with git: blueprint diff --since REV [paths...]")]
    [InlineData(new[] { "diff", "a.blueprint.yaml", "b.blueprint.yaml", "c.blueprint.yaml" }, "blueprint: diff compares two files, OLD and NEW, but got 3 paths; to compare several blueprints with git use --since REV [paths...]")]
    [InlineData(new[] { "diff", "a.blueprint.yaml", "missing.blueprint.yaml" }, "blueprint: cannot read 'missing.blueprint.yaml': no such file")]
    [InlineData(new[] { "diff", "a.blueprint.yaml", "sub" }, "blueprint: 'sub' is a folder; diff compares two files (to compare the blueprints of a folder with git: blueprint diff --since REV sub)")]
    [InlineData(new[] { "diff", "-", "-" }, "blueprint: standard input can be only one of OLD and NEW; name a file for the other")]
    public void Bad_usage_exits_two_with_one_line(string[] args, string message)
    {
        using var dir = new TempFolder();
        dir.Write("a.blueprint.yaml", Samples.Good);
        dir.Write("b.blueprint.yaml", Samples.Good);
        dir.Write("c.blueprint.yaml", Samples.Good);
        dir.Write("sub/x.blueprint.yaml", Samples.Good);
        var run = CliRun.Run(dir.Path, null, args);
        Assert.Equal((2, message), (run.ExitCode, run.Error.TrimEnd('\n')));
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void Unknown_option_is_bad_usage_with_a_suggestion()
    {
        var run = CliRun.Run(Pairs, null, "diff", "a", "b", "--exit-cod");
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("blueprint: unknown option '--exit-cod'; did you mean '--exit-code'?", run.Error);
    }

    [Fact]
    public void A_version_with_errors_is_not_compared()
    {
        using var dir = new TempFolder();
        dir.Write("a.blueprint.yaml", Samples.Good);
        dir.Write("b.blueprint.yaml", Samples.Broken);
        var run = CliRun.Run(dir.Path, null, "diff", "a.blueprint.yaml", "b.blueprint.yaml");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Equal(
            ["b.blueprint.yaml:9:9: error BP002 unknown-key: unknown step key `durration`; did you mean `duration`?",
             "blueprint: cannot compare 'b.blueprint.yaml': fix the errors above"], run.ErrorLines);
    }

    [Fact]
    public void Help_names_every_option()
    {
        var run = CliRun.Run(Pairs, null, "diff", "--help");
        Assert.Equal(0, run.ExitCode);
        foreach (var option in new[] { "--since", "--format", "--exit-code", "text", "markdown", "json" }) Assert.Contains(option, run.Out);
    }

    // ---- --since, in a temporary git repository with two commits ----

    private static void Git(string dir, params string[] args)
    {
        var run = SourceBuild.Run("git", dir, ["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", .. args]);
        Assert.True(run.ExitCode == 0, $"git {string.Join(' ', args)}: {run.Output}");
    }

    /// <summary>First commit: hotel (old) and a lobby blueprint later deleted; second: hotel changed, lobby deleted, spa added.</summary>
    private static TempFolder Repository()
    {
        var dir = new TempFolder();
        Git(dir.Path, "init", "-q", "-b", "main");
        dir.Write("blueprints/hotel.blueprint.yaml", File.ReadAllText(Path.Combine(Pairs, "fail-owner-lost", "old.blueprint.yaml")));
        dir.Write("blueprints/lobby.blueprint.yaml", Samples.Good);
        Git(dir.Path, "add", "-A");
        Git(dir.Path, "commit", "-q", "-m", "first");
        dir.Write("blueprints/hotel.blueprint.yaml", File.ReadAllText(Path.Combine(Pairs, "fail-owner-lost", "new.blueprint.yaml")));
        File.Delete(Path.Combine(dir.Path, "blueprints", "lobby.blueprint.yaml"));
        dir.Write("blueprints/spa.blueprint.yaml", Samples.Good.Replace("Good", "Spa"));
        Git(dir.Path, "add", "-A");
        Git(dir.Path, "commit", "-q", "-m", "second");
        return dir;
    }

    [Fact]
    public void Since_compares_with_the_revision_a_new_file_is_all_added_and_a_deleted_one_all_removed()
    {
        using var dir = Repository();
        var run = CliRun.Run(dir.Path, null, "diff", "--since", "HEAD~1", "blueprints");
        Assert.Equal("", run.Error);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
        [
            "blueprints/hotel.blueprint.yaml: 1 change (1 changed)",
            "  scene \"Arrival\"",
            "    ~ card look-up owner: \"Night clerk\" → (none)",
            "  totals: steps 5, cards 19, fail points 1, wait points 1, customer-visible duration 8h22m",
            "blueprints/lobby.blueprint.yaml (deleted): 4 changes (4 removed)",
            "  scene \"Visit\"",
            "    - scene visit: \"Visit\"",
            "    - step arrive: \"Arrive\"",
            "    - card arrive.customer: \"Walks in\"",
            "    - card arrive.frontstage: \"Greets\"",
            "  totals: steps 1 → 0, cards 2 → 0, fail points 0, wait points 0, customer-visible duration 0s",
            "blueprints/spa.blueprint.yaml (new file): 4 changes (4 added)",
            "  scene \"Visit\"",
            "    + scene visit: \"Visit\"",
            "    + step arrive: \"Arrive\"",
            "    + card arrive.customer: \"Walks in\"",
            "    + card arrive.frontstage: \"Greets\"",
            "  totals: steps 0 → 1, cards 0 → 2, fail points 0, wait points 0, customer-visible duration 0s",
            "3 blueprints compared: 3 changed",
        ], run.OutLines);
    }

    [Fact]
    public void Since_with_no_paths_compares_the_current_folder_and_exit_code_says_changed()
    {
        using var dir = Repository();
        var run = CliRun.Run(Path.Combine(dir.Path, "blueprints"), null, "diff", "--since", "HEAD~1", "--exit-code", "--format", "json");
        Assert.Equal((1, ""), (run.ExitCode, run.Error));
        Assert.Contains("\"file\": \"hotel.blueprint.yaml\"", run.Out);
        Assert.Contains("\"status\": \"removed\"", run.Out);
        var same = CliRun.Run(dir.Path, null, "diff", "--since", "HEAD", "--exit-code", "blueprints/hotel.blueprint.yaml");
        Assert.Equal((0, "blueprints/hotel.blueprint.yaml: no changes\n"), (same.ExitCode, same.Out));
    }

    [Fact]
    public void Since_an_unknown_revision_or_outside_a_repository_is_bad_usage()
    {
        using var dir = Repository();
        var run = CliRun.Run(dir.Path, null, "diff", "--since", "no-such-branch", "blueprints");
        Assert.Equal((2, "blueprint: unknown revision 'no-such-branch': git knows no commit by that name (try a branch, a tag or a commit hash, e.g. origin/main)\n"), (run.ExitCode, run.Error));
        using var plain = new TempFolder();
        plain.Write("x.blueprint.yaml", Samples.Good);
        var outside = CliRun.Run(plain.Path, null, "diff", "--since", "main");
        Assert.Equal(2, outside.ExitCode);
        Assert.Equal("blueprint: '.' is not in a git repository; --since reads the old versions with git\n", outside.Error);
    }
}
