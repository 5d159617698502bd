using System.Text.RegularExpressions;
using Blueprint.Tests;

namespace Blueprint.Cli.Tests;

/// <summary>docs/ci.md works as written: every <c>blueprint</c> command in it runs clean on the examples.</summary>
public class CiRecipeTests
{
    /// <summary>The arguments of every <c>blueprint</c> command in the recipes' code blocks (whether run as
    /// <c>blueprint</c>, <c>.tools/blueprint</c> or <c>dotnet blueprint</c>), up to a pipe, a redirection or a comment.</summary>
    private static List<string> Lines() =>
        Regex.Matches(File.ReadAllText(Repo.PathOf("docs", "ci.md")), @"^```\w*\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)
            .SelectMany(block => Regex.Matches(block.Groups[1].Value, @"(?<![\w.-])blueprint ((?:lint|render|stats|convert)\b[^|>\n#]*)"))
            .Select(m => m.Groups[1].Value.Trim()).ToList();

    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        foreach (var line in Lines()) data.Add(line);
        return data;
    }

    [Fact]
    public void The_recipe_lints_and_renders()
    {
        var commands = Lines();
        Assert.Contains(commands, c => c.StartsWith("lint", StringComparison.Ordinal) && c.Contains("--format sarif"));
        Assert.Contains(commands, c => c.StartsWith("render", StringComparison.Ordinal));
        Assert.True(commands.Count >= 10, $"only {commands.Count} commands found in docs/ci.md's recipes");
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Command_runs_clean_on_the_examples(string command)
    {
        using var dir = new TempFolder();
        foreach (var folder in new[] { "examples", "blueprints" })
        {
            Directory.CreateDirectory(Path.Combine(dir.Path, folder));
            foreach (var f in Directory.GetFiles(Repo.PathOf("examples")))
                File.Copy(f, Path.Combine(dir.Path, folder, Path.GetFileName(f)));
        }
        var run = CliRun.Run(dir.Path, null, command.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.True(run.ExitCode == 0, $"`blueprint {command}` exited {run.ExitCode}:\n{run.Out}\n{run.Error}");
    }
}
