using System.CommandLine;

namespace Blueprint.Cli.Inputs;

/// <summary><c>--stdin-filename NAME</c> (as ESLint and Prettier spell it): names the input read from <c>-</c>.</summary>
public static class StandardInput
{
    /// <summary>The endings that pick a format: the blueprint extensions, and the bare ones they end in.</summary>
    private static readonly string[] Accepted = [".yaml", ".yml", ".md"];

    public static Option<string?> CreateOption() => new("--stdin-filename")
    {
        Description = "The name of the input read from -: its extension picks the format (.blueprint.yaml, .blueprint.yml or .blueprint.md) and it is the path shown in findings [default: the format is guessed from the text, shown as <stdin>]",
        HelpName = "NAME",
    };

    /// <summary>Why <paramref name="name"/> cannot name standard input for <paramref name="paths"/>, or null when it can (or is not given).</summary>
    public static string? Problem(string? name, IEnumerable<string> paths)
    {
        if (name is null) return null;
        if (!Accepted.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase)) || Path.GetFileName(name).Length == 0)
            return $"--stdin-filename must end in .blueprint.yaml, .blueprint.yml or .blueprint.md (or .yaml, .yml, .md) to pick the format, got '{name}'";
        if (!paths.Contains("-"))
            return $"--stdin-filename names standard input, which is read only for the path -; add - to read it, or leave --stdin-filename out";
        return null;
    }
}
