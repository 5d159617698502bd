using System.Text.RegularExpressions;
using Blueprint.Tests;

namespace Blueprint.Cli.Tests;

/// <summary>SPEC section 5, strictness: wrong usage is exit 2 before any work, in the user's words, with the nearest name suggested.</summary>
public class CommandLineUsageTests
{
    private const string Good = Samples.GoodWithEveryLane;

    private static string[] FilesIn(string folder) =>
        Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    /// <summary>Runs in a folder holding only <c>x.blueprint.yaml</c>, and checks that usage failed with exactly these lines and wrote nothing.</summary>
    private static void AssertUsage(string[] args, params string[] errorLines)
    {
        using var dir = new TempFolder();
        dir.Write("x.blueprint.yaml", Good);
        var run = CliRun.Run(dir.Path, null, args);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal(errorLines, run.ErrorLines);
        Assert.Equal("", run.Out);
        Assert.Equal(["x.blueprint.yaml"], FilesIn(dir.Path));
    }

    [Theory]
    [InlineData("render x.blueprint.yaml --bogus", "unknown option '--bogus'", "render")]
    [InlineData("render --bogus x.blueprint.yaml", "unknown option '--bogus'", "render")]
    [InlineData("render x.blueprint.yaml --fromat svg", "unknown option '--fromat'; did you mean '--format'?", "render")]
    [InlineData("render x.blueprint.yaml -x", "unknown option '-x'", "render")]
    [InlineData("render x.blueprint.yaml -o --bogus", "unknown option '--bogus'", "render")]
    [InlineData("render x.blueprint.yaml --output=-out", "unknown option '-out'", "render")]
    [InlineData("init --bogus", "unknown option '--bogus'", "init")]
    [InlineData("init --markdwon", "unknown option '--markdwon'; did you mean '--markdown'?", "init")]
    [InlineData("lint x.blueprint.yaml --formt json", "unknown option '--formt'; did you mean '--format'?", "lint")]
    [InlineData("lint x.blueprint.yaml --config --bogus", "unknown option '--bogus'", "lint")]
    [InlineData("lint x.blueprint.yaml --verbos", "unknown option '--verbos'; did you mean '--verbose'?", "lint")]
    [InlineData("stats x.blueprint.yaml --formt json", "unknown option '--formt'; did you mean '--format'?", "stats")]
    [InlineData("schema --bogus", "unknown option '--bogus'", "schema")]
    [InlineData("lsp --bogus", "unknown option '--bogus'", "lsp")]
    [InlineData("lsp --stdi", "unknown option '--stdi'; did you mean '--stdio'?", "lsp")]
    public void An_unknown_option_is_bad_usage_before_any_work(string commandLine, string message, string command) =>
        AssertUsage(commandLine.Split(' '), $"blueprint: {message}", $"Run 'blueprint {command} --help' for usage.");

    [Theory]
    [InlineData("rendr x.blueprint.yaml", "unknown command 'rendr'; did you mean 'render'?")]
    [InlineData("lnit x.blueprint.yaml", "unknown command 'lnit'; did you mean 'init'?")]
    [InlineData("frobnicate", "unknown command 'frobnicate'")]
    [InlineData("--bogus", "unknown option '--bogus'")]
    public void An_unknown_command_is_bad_usage_with_the_nearest_suggested(string commandLine, string message) =>
        AssertUsage(commandLine.Split(' '), $"blueprint: {message}", "Run 'blueprint --help' for usage.");

    [Theory]
    [InlineData("--", "-dash.blueprint.yaml")]
    [InlineData("./-dash.blueprint.yaml")]
    public void A_path_that_starts_with_a_dash_is_given_after_double_dash_or_as_dot_slash(params string[] file)
    {
        using var dir = new TempFolder();
        var init = CliRun.Run(dir.Path, null, ["init", .. file]);
        Assert.Equal(ExitCodes.Ok, init.ExitCode);
        Assert.Equal(["-dash.blueprint.yaml"], FilesIn(dir.Path));

        var lint = CliRun.Run(dir.Path, null, ["lint", .. file]);
        Assert.Equal(ExitCodes.Ok, lint.ExitCode);
    }

    [Theory]
    [InlineData("render x.blueprint.yaml --scale abc", "--scale must be a number from 0.1 to 16, got 'abc'", "render")]
    [InlineData("render x.blueprint.yaml --scale 0.05", "--scale must be a number from 0.1 to 16, got '0.05'", "render")]
    [InlineData("render x.blueprint.yaml --scale 16.5", "--scale must be a number from 0.1 to 16, got '16.5'", "render")]
    [InlineData("render x.blueprint.yaml --scale NaN", "--scale must be a number from 0.1 to 16, got 'NaN'", "render")]
    [InlineData("lint x.blueprint.yaml --max-warnings abc", "--max-warnings must be a whole number, 0 or more, got 'abc'", "lint")]
    [InlineData("lint x.blueprint.yaml --max-warnings -1", "--max-warnings must be a whole number, 0 or more, got '-1'", "lint")]
    [InlineData("lint x.blueprint.yaml --max-warnings=-1", "--max-warnings must be a whole number, 0 or more, got '-1'", "lint")]
    [InlineData("lint x.blueprint.yaml --max-warnings 1.5", "--max-warnings must be a whole number, 0 or more, got '1.5'", "lint")]
    public void A_value_out_of_range_or_not_a_number_is_bad_usage_in_the_users_words(string commandLine, string message, string command) =>
        AssertUsage(commandLine.Split(' '), $"blueprint: {message}", $"Run 'blueprint {command} --help' for usage.");

    [Theory]
    [InlineData("0.1")]
    [InlineData("16")]
    public void The_ends_of_the_scale_range_are_accepted(string scale)
    {
        using var dir = new TempFolder();
        dir.Write("x.blueprint.yaml", Good);
        var run = CliRun.Run(dir.Path, null, "render", "x.blueprint.yaml", "--scale", scale);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(["wrote x.png"], run.OutLines);
    }

    [Fact]
    public void Max_warnings_zero_is_accepted_and_help_gives_the_ranges()
    {
        using var dir = new TempFolder();
        dir.Write("x.blueprint.yaml", Good);
        var lint = CliRun.Run(Repo.Root, null, "lint", "examples/coffee-shop.blueprint.yaml", "--max-warnings", "0");
        Assert.Equal(ExitCodes.Ok, lint.ExitCode);
        Assert.Equal("", lint.Error);
        // Help wraps its descriptions to the console's width.
        static string Help(string directory, string command) =>
            Regex.Replace(CliRun.Run(directory, null, command, "--help").Out, @"\s+", " ");
        Assert.Contains("high-density screens (0.1 to 16) [default: 1]", Help(dir.Path, "render"), StringComparison.Ordinal);
        Assert.Contains("more warnings than this (0 or more)", Help(dir.Path, "lint"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("render x.blueprint.yaml -o x.png -f pdf", "-o 'x.png' writes PNG but -f says pdf; drop -f, or name the output .pdf")]
    [InlineData("render x.blueprint.yaml -f svg -o x.pdf", "-o 'x.pdf' writes PDF but -f says svg; drop -f, or name the output .svg")]
    [InlineData("render x.blueprint.yaml -o x.png --page a4", "--page a4 is for PDF output, but -o 'x.png' writes PNG; drop --page, or name the output .pdf")]
    [InlineData("render x.blueprint.yaml -f svg --page a4", "--page a4 is for PDF output, but -f is svg; drop --page, or use -f pdf")]
    [InlineData("render x.blueprint.yaml --page letter", "--page letter is for PDF output, but the output is PNG; add -f pdf, or name the output .pdf")]
    public void Options_that_contradict_each_other_are_bad_usage_before_any_work(string commandLine, string message) =>
        AssertUsage(commandLine.Split(' '), $"blueprint: {message}", "Run 'blueprint render --help' for usage.");

    [Theory]
    [InlineData("-o", "x.png", "-f", "png")]
    [InlineData("-o", "x.pdf", "-f", "pdf", "--page", "a4")]
    [InlineData("-f", "pdf", "--page", "a4")]
    public void Options_that_agree_are_accepted(params string[] options)
    {
        using var dir = new TempFolder();
        dir.Write("x.blueprint.yaml", Good);
        var run = CliRun.Run(dir.Path, null, ["render", "x.blueprint.yaml", .. options]);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Single(run.OutLines);
    }
}
