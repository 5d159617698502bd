using System.Reflection;
using System.Text;

namespace Blueprint.Cli.Output;

/// <summary>
/// The rule pages (<c>docs/rules/BP###.md</c>), built into the tool so SARIF can carry each rule's description
/// and help without a network. Also where the pages live online: <see cref="HelpUri"/>.
/// </summary>
public static class RuleDocs
{
    /// <summary>The project's home page, set once in the CLI project file (<c>RepositoryUrl</c>).</summary>
    public static readonly string RepositoryUrl =
        typeof(RuleDocs).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepositoryUrl")?.Value
        ?? "https://github.com/blueprint-cli/blueprint";

    /// <summary>The rule page on the default branch, e.g. <c>{RepositoryUrl}/blob/main/docs/rules/BP104.md</c>.</summary>
    public static string HelpUri(string id) => $"{RepositoryUrl.TrimEnd('/')}/blob/main/docs/rules/{id}.md";

    /// <summary>The whole page, or null when the tool was built without it.</summary>
    public static string? Page(string id)
    {
        using var stream = typeof(RuleDocs).Assembly.GetManifestResourceStream($"rules/{id}.md");
        if (stream is null) return null;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>The first paragraph of the page's "What it checks" section, joined into one line.</summary>
    public static string? Summary(string id)
    {
        if (Page(id) is not { } page) return null;
        var lines = page.Split('\n');
        int start = Array.FindIndex(lines, l => l.Trim().Equals("## What it checks", StringComparison.OrdinalIgnoreCase));
        if (start < 0) return null;
        var paragraph = lines.Skip(start + 1).SkipWhile(string.IsNullOrWhiteSpace).TakeWhile(l => !string.IsNullOrWhiteSpace(l) && !l.StartsWith('#'));
        string text = string.Join(' ', paragraph.Select(l => l.Trim()));
        return text.Length == 0 ? null : text;
    }
}
