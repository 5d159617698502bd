using System.Text.RegularExpressions;
using Blueprint.Tests;

namespace Blueprint.Cli.Tests;

/// <summary>The README's examples work as written: every <c>blueprint ...</c> command line runs, and the format samples read clean.</summary>
public class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Repo.PathOf("README.md"));

    private static IEnumerable<(string Language, string Body)> CodeBlocks() =>
        Regex.Matches(Readme, "```(\\w*)\\n(.*?)```", RegexOptions.Singleline).Select(m => (m.Groups[1].Value, m.Groups[2].Value));

    private static IEnumerable<string> Lines() =>
        CodeBlocks().Where(b => b.Language == "sh")
            .SelectMany(b => b.Body.Split('\n').Select(l => l.Trim()))
            .Where(l => l.StartsWith("blueprint ", StringComparison.Ordinal));

    public static TheoryData<string> CommandLines()
    {
        var data = new TheoryData<string>();
        foreach (var line in Lines()) data.Add(line);
        return data;
    }

    [Theory]
    [MemberData(nameof(CommandLines))]
    public void Command_line_runs(string line)
    {
        string command = Regex.Replace(line, @"\s+#.*$", "");
        command = Regex.Replace(command, @"\s*>\s*\S+$", "");
        var args = command.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..];
        using var dir = new TempFolder();
        Directory.CreateDirectory(Path.Combine(dir.Path, "examples"));
        foreach (var f in Directory.GetFiles(Repo.PathOf("examples")))
            File.Copy(f, Path.Combine(dir.Path, "examples", Path.GetFileName(f)));
        var run = CliRun.Run(dir.Path, null, args);
        Assert.True(run.ExitCode == 0, $"`{line}` exited {run.ExitCode}:\n{run.Out}\n{run.Error}");
    }

    [Fact]
    public void The_readme_shows_every_command()
    {
        var lines = Lines().ToList();
        foreach (var command in new[] { "render", "lint", "convert", "stats", "init", "schema", "diff", "serve", "lsp" })
            Assert.True(lines.Any(l => l.StartsWith($"blueprint {command}", StringComparison.Ordinal)) || Readme.Contains($"$ blueprint {command}"),
                $"no example of `blueprint {command}` in the README");
    }

    [Theory]
    [InlineData("yaml", "readme.blueprint.yaml")]
    [InlineData("markdown", "readme.blueprint.md")]
    public void Format_sample_reads_without_errors(string language, string name)
    {
        var sample = CodeBlocks().First(b => b.Language == language).Body;
        using var dir = new TempFolder();
        dir.Write(name, sample);
        var run = CliRun.Run(dir.Path, null, "lint", name);
        Assert.DoesNotContain(" error ", run.Out);
        Assert.NotEqual(2, run.ExitCode);
    }

    [Fact]
    public void The_diff_example_output_is_what_the_tool_prints()
    {
        var block = Regex.Match(Readme, @"```text\n\$ blueprint diff (\S+) (\S+)\n(.*?)```", RegexOptions.Singleline);
        Assert.True(block.Success, "no `$ blueprint diff OLD NEW` example in the README");
        using var dir = new TempFolder();
        dir.Write(block.Groups[1].Value, File.ReadAllText(Repo.Fixtures("diff", "drawing", "old.blueprint.yaml")));
        dir.Write(block.Groups[2].Value, File.ReadAllText(Repo.Fixtures("diff", "drawing", "new.blueprint.yaml")));
        var run = CliRun.Run(dir.Path, null, "diff", block.Groups[1].Value, block.Groups[2].Value);
        Assert.Equal(block.Groups[3].Value, run.Out);
    }
}
