namespace Blueprint.Cli.Tests;

/// <summary>Render reads the lint configuration as lint does: the same findings with the same severities, and a configured error stops the render.</summary>
public class RenderConfigTests
{
    /// <summary>Clean but for BP107 no-goal (a warning by default).</summary>
    private const string NoGoal = """
        blueprint: Visit
        scenario: A scenario
        lanes: [customer, frontstage]
        scenes:
          - scene: Visit
            steps:
              - step: Arrive
                customer: Walks in
                frontstage: Greets
        """;

    private const string NoGoalFinding =
        "sub/visit.blueprint.yaml:1:1: {0} BP107 no-goal: the blueprint has no `goal:`; add one line saying what it is made to change, e.g. `goal: Cut the wait between seating and ordering`";

    private static string Finding(string severity) => string.Format(System.Globalization.CultureInfo.InvariantCulture, NoGoalFinding, severity);

    private static TempFolder Tree(string? config)
    {
        var dir = new TempFolder();
        dir.Write("sub/visit.blueprint.yaml", NoGoal);
        if (config is not null) dir.Write(".blueprintlint.yaml", config);
        return dir;
    }

    [Fact]
    public void Without_configuration_the_finding_has_its_default_severity()
    {
        using var dir = Tree(null);
        var run = CliRun.Run(dir.Path, null, "render", "sub/visit.blueprint.yaml", "-o", "visit.png");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal([Finding("warning")], run.ErrorLines);
        Assert.Equal(["wrote visit.png"], run.OutLines);
    }

    [Fact]
    public void A_rule_turned_off_in_the_nearest_configuration_is_not_printed()
    {
        using var dir = Tree("rules: { no-goal: off }\n");
        var run = CliRun.Run(dir.Path, null, "render", "sub/visit.blueprint.yaml", "-o", "visit.png");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        Assert.Equal(["wrote visit.png"], run.OutLines);
    }

    [Fact]
    public void A_rule_set_to_error_stops_the_render_as_lint_reports_it()
    {
        using var dir = Tree("rules: { BP107: error }\n");
        var render = CliRun.Run(dir.Path, null, "render", "sub/visit.blueprint.yaml", "-o", "visit.png");
        var lint = CliRun.Run(dir.Path, null, "lint", "sub/visit.blueprint.yaml");

        Assert.Equal(1, render.ExitCode);
        Assert.Equal([Finding("error"), "blueprint: not rendered 'sub/visit.blueprint.yaml': fix the errors above, or use --force to draw it anyway"], render.ErrorLines);
        Assert.Equal("", render.Out);
        Assert.False(File.Exists(Path.Combine(dir.Path, "visit.png")));
        Assert.Equal(1, lint.ExitCode);
        Assert.Equal([Finding("error"), "1 file checked: 1 error, 0 warnings"], lint.OutLines);
    }

    [Fact]
    public void A_configured_error_with_force_is_drawn_and_still_exits_1()
    {
        using var dir = Tree("rules: { no-goal: error }\n");
        var run = CliRun.Run(dir.Path, null, "render", "sub/visit.blueprint.yaml", "-o", "visit.png", "--force");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal([Finding("error")], run.ErrorLines);
        Assert.Equal(["wrote visit.png"], run.OutLines);
        Assert.True(File.Exists(Path.Combine(dir.Path, "visit.png")));
    }

    [Fact]
    public void Config_names_the_file_instead_of_the_nearest_one()
    {
        using var dir = Tree("rules: { no-goal: error }\n");
        dir.Write("ci/lint.yaml", "rules: { no-goal: off }\n");
        var run = CliRun.Run(dir.Path, null, "render", "sub/visit.blueprint.yaml", "-o", "visit.png", "--config", "ci/lint.yaml");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        Assert.Equal(["wrote visit.png"], run.OutLines);
    }

    [Fact]
    public void A_config_that_does_not_exist_is_bad_usage_before_any_work()
    {
        using var dir = Tree(null);
        var run = CliRun.Run(dir.Path, null, "render", "sub/visit.blueprint.yaml", "-o", "visit.png", "--config", "nope.yaml");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["blueprint: cannot read configuration 'nope.yaml': no such file"], run.ErrorLines);
        Assert.False(File.Exists(Path.Combine(dir.Path, "visit.png")));
    }

    [Fact]
    public void A_configuration_s_own_errors_are_printed_once_and_exit_1()
    {
        using var dir = Tree("rules: { no-goal: off, bogus: off }\n");
        dir.Write("sub/other.blueprint.yaml", NoGoal);
        var run = CliRun.Run(dir.Path, null, "render", "sub", "-o", "out");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal([".blueprintlint.yaml:1:24: error BP002 unknown-key: unknown check `bogus` in `rules`"], run.ErrorLines);
        Assert.Equal(["wrote out/other.png", "wrote out/visit.png"], run.OutLines);
    }
}
