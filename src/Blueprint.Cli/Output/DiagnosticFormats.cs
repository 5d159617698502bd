using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Blueprint.Core.Diagnostics;

namespace Blueprint.Cli.Output;

/// <summary>Writers for findings: one line of text each, or a JSON array (SPEC section 5).</summary>
public static class DiagnosticFormats
{
    public static void WriteText(TextWriter output, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics) output.WriteLine(d.ToString());
    }

    public static string Summary(int files, IReadOnlyCollection<Diagnostic> diagnostics)
    {
        int errors = diagnostics.Count(d => d.Severity == Severity.Error);
        int warnings = diagnostics.Count(d => d.Severity == Severity.Warning);
        int infos = diagnostics.Count(d => d.Severity == Severity.Info);
        string filesText = files == 1 ? "1 file" : $"{files} files";
        if (errors + warnings + infos == 0) return $"{filesText} checked: no problems";
        var parts = new List<string> { Count(errors, "error"), Count(warnings, "warning") };
        if (infos > 0) parts.Add(Count(infos, "info"));
        return $"{filesText} checked: {string.Join(", ", parts)}";
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    public static void WriteJson(TextWriter output, IEnumerable<Diagnostic> diagnostics)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartArray();
            foreach (var d in diagnostics)
            {
                w.WriteStartObject();
                w.WriteString("file", d.Location.File);
                w.WriteNumber("line", d.Location.Line);
                w.WriteNumber("column", d.Location.Column);
                w.WriteString("severity", d.Severity.ToName());
                w.WriteString("id", d.Id);
                w.WriteString("name", d.Name);
                w.WriteString("message", d.Message);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal));
    }
}
