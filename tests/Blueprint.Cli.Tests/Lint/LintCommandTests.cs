using Blueprint.Tests;
namespace Blueprint.Cli.Tests.Lint;

/// <summary><c>blueprint lint</c>: exact output lines and exit codes; configuration discovery and overrides.</summary>
public sealed class LintCommandTests
{
    private const string NoGoal = """
        blueprint: Collect a parcel
        scenario: A customer collects a parcel at the counter.
        lanes: [customer, frontstage]
        scenes:
          - scene: Counter
            steps:
              - step: Show the code
                customer: Shows the pick-up code
                frontstage: Clerk scans the code
        """;

    private const string NoGoalLine = "p.blueprint.yaml:1:1: warning BP107 no-goal: the blueprint has no `goal:`; add one line saying what it is made to change, e.g. `goal: Cut the wait between seating and ordering`";

    [Fact]
    public void The_examples_are_clean()
    {
        var r = CliRun.Run(Repo.Root, null, ["lint", "examples"]);
        int examples = Directory.GetFiles(Path.Combine(Repo.Root, "examples")).Count(Blueprint.Core.Reading.BlueprintReader.IsBlueprintFile);
        Assert.True(examples >= 4);
        Assert.Equal((0, $"{examples} files checked: no problems\n", ""), (r.ExitCode, r.Out, r.Error));
    }

    [Fact]
    public void Warnings_are_printed_one_a_line_with_a_summary_and_exit_zero()
    {
        using var tree = new TempFolder();
        tree.Write("p.blueprint.yaml", NoGoal);
        var r = CliRun.Run(tree.Path, null, ["lint", "p.blueprint.yaml"]);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal([NoGoalLine, "1 file checked: 0 errors, 1 warning"], r.OutLines);
        Assert.Equal("", r.Error);
    }

    [Fact]
    public void More_warnings_than_max_warnings_exit_one()
    {
        using var tree = new TempFolder();
        tree.Write("p.blueprint.yaml", NoGoal);
        Assert.Equal(0, CliRun.Run(tree.Path, null, ["lint", "p.blueprint.yaml", "--max-warnings", "1"]).ExitCode);
        var r = CliRun.Run(tree.Path, null, ["lint", "p.blueprint.yaml", "--max-warnings", "0"]);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(["blueprint: 1 warnings is more than --max-warnings 0"], r.ErrorLines);
    }

    [Fact]
    public void The_configuration_in_the_blueprints_folder_applies()
    {
        using var tree = new TempFolder();
        tree.Write("p.blueprint.yaml", NoGoal);
        tree.Write(".blueprintlint.yaml", "rules:\n  no-goal: error\n");
        var r = CliRun.Run(tree.Path, null, ["lint", "."]);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal([NoGoalLine.Replace("warning BP107", "error BP107"), "1 file checked: 1 error, 0 warnings"], r.OutLines);
    }

    [Fact]
    public void The_nearest_configuration_above_applies_and_a_nearer_one_replaces_it()
    {
        using var tree = new TempFolder();
        tree.Write("team/.blueprintlint.yaml", "rules:\n  BP107: off\n");
        tree.Write("team/service/deep/p.blueprint.yaml", NoGoal);
        tree.Write("team/other/p.blueprint.yaml", NoGoal);
        tree.Write("team/other/.blueprintlint.yml", "rules:\n  BP108: off\n");
        var r = CliRun.Run(tree.Path, null, ["lint", "team"]);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal([NoGoalLine.Replace("p.blueprint.yaml", "team/other/p.blueprint.yaml"), "2 files checked: 0 errors, 1 warning"], r.OutLines);
    }

    [Fact]
    public void Standard_input_uses_the_configuration_of_the_working_directory()
    {
        using var tree = new TempFolder();
        tree.Write(".blueprintlint.yaml", "rules:\n  no-goal: info\n");
        var r = CliRun.Run(tree.Path, NoGoal, ["lint", "-"]);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal([NoGoalLine.Replace("p.blueprint.yaml", "<stdin>").Replace("warning BP107", "info BP107"), "1 file checked: 0 errors, 0 warnings, 1 info"], r.OutLines);
    }

    [Fact]
    public void Config_option_replaces_discovery()
    {
        using var tree = new TempFolder();
        tree.Write("p.blueprint.yaml", NoGoal);
        tree.Write(".blueprintlint.yaml", "rules:\n  BP107: error\n");
        tree.Write("ci/lint.yaml", "rules:\n  BP107: off\n");
        var r = CliRun.Run(tree.Path, null, ["lint", "p.blueprint.yaml", "--config", "ci/lint.yaml"]);
        Assert.Equal((0, "1 file checked: no problems\n"), (r.ExitCode, r.Out));
    }

    [Fact]
    public void A_missing_config_file_is_bad_usage()
    {
        using var tree = new TempFolder();
        tree.Write("p.blueprint.yaml", NoGoal);
        var r = CliRun.Run(tree.Path, null, ["lint", "p.blueprint.yaml", "--config", "nope.yaml"]);
        Assert.Equal((2, ""), (r.ExitCode, r.Out));
        Assert.Equal(["blueprint: cannot read configuration 'nope.yaml': no such file"], r.ErrorLines);
    }

    [Fact]
    public void Mistakes_in_the_configuration_are_errors_at_its_lines_reported_once_and_the_rest_still_applies()
    {
        using var tree = new TempFolder();
        tree.Write("a.blueprint.yaml", NoGoal);
        tree.Write("b.blueprint.yaml", NoGoal);
        tree.Write(".blueprintlint.yaml", "rules:\n  no-goal: of\n  BP108: off\n  no-scenaro: off\n");
        var r = CliRun.Run(tree.Path, null, ["lint", "."]);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(
        [
            ".blueprintlint.yaml:2:12: error BP003 bad-value: `of` is not a severity for BP107; did you mean `off`? (write off, info, warning or error)",
            ".blueprintlint.yaml:4:3: error BP002 unknown-key: unknown check `no-scenaro` in `rules`; did you mean `no-scenario`?",
            NoGoalLine.Replace("p.blueprint.yaml", "a.blueprint.yaml"),
            NoGoalLine.Replace("p.blueprint.yaml", "b.blueprint.yaml"),
            "2 files checked: 2 errors, 2 warnings",
        ], r.OutLines);
    }

    [Fact]
    public void In_file_disable_works_from_the_command_line()
    {
        using var tree = new TempFolder();
        tree.Write("p.blueprint.yaml", "lint: { disable: [no-goal] }\n" + NoGoal);
        var r = CliRun.Run(tree.Path, null, ["lint", "p.blueprint.yaml"]);
        Assert.Equal((0, "1 file checked: no problems\n"), (r.ExitCode, r.Out));
    }

    [Fact]
    public void Json_lists_findings_with_the_effective_severity()
    {
        using var tree = new TempFolder();
        tree.Write("p.blueprint.yaml", NoGoal);
        tree.Write(".blueprintlint.yaml", "rules:\n  no-goal: info\n");
        var r = CliRun.Run(tree.Path, null, ["lint", "p.blueprint.yaml", "--format", "json"]);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("""
            [
              {
                "file": "p.blueprint.yaml",
                "line": 1,
                "column": 1,
                "severity": "info",
                "id": "BP107",
                "name": "no-goal",
                "message": "the blueprint has no `goal:`; add one line saying what it is made to change, e.g. `goal: Cut the wait between seating and ordering`"
              }
            ]

            """, r.Out);
    }

    [Fact]
    public void An_unknown_format_is_bad_usage()
    {
        var r = CliRun.Run(Repo.Root, null, ["lint", "examples", "--format", "xml"]);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Out);
        Assert.Contains("xml", r.Error);
    }
}
