using System.Text;
using Blueprint.Core.Diagnostics;
using Blueprint.Tests;

namespace Blueprint.Core.Tests.Markdown;

/// <summary>Paths and goldens for the Markdown tests (on top of the shared test support), and findings annotated under their source lines.</summary>
internal static class TestFiles
{
    public static string Root => Repo.Root;

    public static string Examples => Repo.PathOf("examples");
    public static string Fixtures => Repo.Fixtures();
    public static string MarkdownFixtures => Repo.Fixtures("markdown");

    /// <summary>A path relative to the repository root with forward slashes: stable in messages and goldens.</summary>
    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    public static string Read(string path) => File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);

    public static void Golden(string expectedPath, string actual) => Blueprint.Tests.Golden.Verify(expectedPath, actual);

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
