using System.Text;
using Blueprint.Core.Diagnostics;

namespace Blueprint.Cli.Output;

/// <summary>
/// Findings as GitHub Actions workflow commands (<c>::warning file=...,line=...,col=...,title=...::message</c>),
/// which the runner turns into annotations on the changed lines.
/// </summary>
public static class GitHubFormat
{
    public static void Write(TextWriter output, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics) output.WriteLine(Line(d));
    }

    public static string Line(Diagnostic d)
    {
        string command = d.Severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "notice",
        };
        return $"::{command} file={Property(d.Location.File)},line={d.Location.Line},col={d.Location.Column},title={Property($"{d.Id} {d.Name}")}::{Data(d.Message)}";
    }

    /// <summary>A command's message: <c>%</c>, CR and LF are percent-encoded.</summary>
    public static string Data(string value) => Escape(value, property: false);

    /// <summary>A command's property value: as <see cref="Data"/>, and <c>:</c> and <c>,</c> too.</summary>
    public static string Property(string value) => Escape(value, property: true);

    private static string Escape(string value, bool property)
    {
        var sb = new StringBuilder(value.Length);
        foreach (char c in value)
        {
            switch (c)
            {
                case '%': sb.Append("%25"); break;
                case '\r': sb.Append("%0D"); break;
                case '\n': sb.Append("%0A"); break;
                case ':' when property: sb.Append("%3A"); break;
                case ',' when property: sb.Append("%2C"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }
}
