using System.Text;
using Blueprint.Core.Diagnostics;

namespace Blueprint.Core.Tests.Markdown;

/// <summary>Paths in the repository and golden files: a mismatch writes <c>*.received.*</c>; <c>BLUEPRINT_ACCEPT=1</c> accepts it.</summary>
internal static class TestFiles
{
    public static readonly string Root = FindRoot();

    public static string Examples => Path.Combine(Root, "examples");
    public static string Fixtures => Path.Combine(Root, "tests", "Fixtures");
    public static string MarkdownFixtures => Path.Combine(Fixtures, "markdown");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "blueprint-cli.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("cannot find the repository root (blueprint-cli.sln)");
    }

    /// <summary>A path relative to the repository root with forward slashes: stable in messages and goldens.</summary>
    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    public static string Read(string path) => File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);

    public static void Golden(string expectedPath, string actual)
    {
        string received = Path.Combine(Path.GetDirectoryName(expectedPath)!,
            Path.GetFileNameWithoutExtension(expectedPath) + ".received" + Path.GetExtension(expectedPath));
        if (Environment.GetEnvironmentVariable("BLUEPRINT_ACCEPT") == "1")
        {
            File.WriteAllText(expectedPath, actual);
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        string? expected = File.Exists(expectedPath) ? Read(expectedPath) : null;
        if (expected == actual)
        {
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        File.WriteAllText(received, actual);
        Assert.Fail($"{Relative(expectedPath)} differs from the output (written to {Relative(received)}); review it and rerun with BLUEPRINT_ACCEPT=1 to accept.\n--- actual ---\n{actual}");
    }

    /// <summary>Each offending source line, followed by a caret at each finding's column and the finding.</summary>
    public static string Annotate(string source, IEnumerable<Diagnostic> diagnostics)
    {
        var lines = source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var sb = new StringBuilder();
        foreach (var group in diagnostics.OrderBy(d => d, Diagnostic.Order).GroupBy(d => d.Location.Line))
        {
            int line = group.Key;
            string number = line.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(4);
            sb.Append(number).Append(" | ").Append(line >= 1 && line <= lines.Length ? lines[line - 1] : "").Append('\n');
            foreach (var d in group)
                sb.Append(new string(' ', 4)).Append(" | ").Append(new string(' ', Math.Max(0, d.Location.Column - 1)))
                  .Append("^ ").Append(d.Severity.ToName()).Append(' ').Append(d.Id).Append(' ').Append(d.Name).Append(": ").Append(d.Message).Append('\n');
        }
        return sb.Length == 0 ? "(no findings)\n" : sb.ToString();
    }
}
