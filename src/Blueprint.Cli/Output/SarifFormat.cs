using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Blueprint.Core.Analysis;
using Blueprint.Core.Diagnostics;

namespace Blueprint.Cli.Output;

/// <summary>
/// Findings as a SARIF 2.1.0 log for code-scanning upload: one run, the tool with every rule (id, name,
/// descriptions, help, help URI, default level), and one result per finding with a file-relative location.
/// Deterministic: no timestamps, no absolute paths.
/// </summary>
public static class SarifFormat
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>Every rule a result can name, in id order (BP000, the tool's own fault, first).</summary>
    public static readonly IReadOnlyList<DiagnosticDescriptor> Rules = [Descriptors.InternalError, .. Descriptors.All];

    public static string ToolVersion =>
        typeof(SarifFormat).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(SarifFormat).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>With a baseline: the findings it holds (<c>unchanged</c>; the others are <c>new</c>) and its entries no longer found (<c>absent</c>).</summary>
    public sealed record BaselineStates(IReadOnlyList<Diagnostic> Unchanged, IReadOnlyList<BaselineEntry> Absent);

    /// <summary>How each finding's fingerprint is made (<c>partialFingerprints</c>), and the baseline states when a baseline was given.</summary>
    public sealed record Fingerprinted(Func<Diagnostic, string> Fingerprint, BaselineStates? Baseline = null);

    /// <summary>The key of our fingerprint in <c>partialFingerprints</c>.</summary>
    public const string FingerprintKey = "blueprintFinding/v1";

    public static void Write(TextWriter output, IReadOnlyList<Diagnostic> diagnostics, string workingDirectory, Fingerprinted? fingerprints = null)
    {
        var unchanged = new HashSet<Diagnostic>(fingerprints?.Baseline?.Unchanged ?? [], ReferenceEqualityComparer.Instance);
        var ruleIndex = Rules.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("$schema", SchemaUri);
            w.WriteString("version", "2.1.0");
            w.WriteStartArray("runs");
            w.WriteStartObject();

            w.WriteStartObject("tool");
            w.WriteStartObject("driver");
            w.WriteString("name", "blueprint");
            w.WriteString("version", ToolVersion);
            w.WriteString("semanticVersion", ToolVersion);
            w.WriteString("informationUri", RuleDocs.RepositoryUrl);
            w.WriteStartArray("rules");
            foreach (var rule in Rules) WriteRule(w, rule);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();

            w.WriteString("columnKind", "utf16CodeUnits");
            w.WriteStartArray("results");
            foreach (var d in diagnostics)
            {
                w.WriteStartObject();
                w.WriteString("ruleId", d.Id);
                if (ruleIndex.TryGetValue(d.Id, out int index)) w.WriteNumber("ruleIndex", index);
                w.WriteString("level", Level(d.Severity));
                w.WriteStartObject("message");
                w.WriteString("text", d.Message);
                w.WriteEndObject();
                w.WriteStartArray("locations");
                w.WriteStartObject();
                w.WriteStartObject("physicalLocation");
                w.WriteStartObject("artifactLocation");
                w.WriteString("uri", ArtifactUri(d.Location.File, workingDirectory));
                w.WriteEndObject();
                w.WriteStartObject("region");
                w.WriteNumber("startLine", d.Location.Line);
                w.WriteNumber("startColumn", d.Location.Column);
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndArray();
                if (fingerprints is not null)
                {
                    w.WriteStartObject("partialFingerprints");
                    w.WriteString(FingerprintKey, fingerprints.Fingerprint(d));
                    w.WriteEndObject();
                    if (fingerprints.Baseline is not null) w.WriteString("baselineState", unchanged.Contains(d) ? "unchanged" : "new");
                }
                w.WriteEndObject();
            }
            foreach (var e in fingerprints?.Baseline?.Absent ?? [])
            {
                w.WriteStartObject();
                w.WriteString("ruleId", e.Rule);
                if (ruleIndex.TryGetValue(e.Rule, out int index)) w.WriteNumber("ruleIndex", index);
                w.WriteString("level", Level(Descriptors.Find(e.Rule)?.DefaultSeverity ?? Severity.Warning));
                w.WriteStartObject("message");
                w.WriteString("text", e.Message);
                w.WriteEndObject();
                w.WriteStartArray("locations");
                w.WriteStartObject();
                w.WriteStartObject("physicalLocation");
                w.WriteStartObject("artifactLocation");
                w.WriteString("uri", ArtifactUri(e.File, workingDirectory));
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteStartObject("partialFingerprints");
                w.WriteString(FingerprintKey, e.Fingerprint);
                w.WriteEndObject();
                w.WriteString("baselineState", "absent");
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }
        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    private static void WriteRule(Utf8JsonWriter w, DiagnosticDescriptor rule)
    {
        w.WriteStartObject();
        w.WriteString("id", rule.Id);
        w.WriteString("name", rule.Name);
        w.WriteStartObject("shortDescription");
        w.WriteString("text", rule.Title);
        w.WriteEndObject();
        w.WriteStartObject("fullDescription");
        w.WriteString("text", RuleDocs.Summary(rule.Id) ?? rule.Title);
        w.WriteEndObject();
        string helpUri = RuleDocs.HelpUri(rule.Id);
        w.WriteStartObject("help");
        w.WriteString("text", $"{rule.Title}. See {helpUri}");
        if (RuleDocs.Page(rule.Id) is { } page) w.WriteString("markdown", page);
        w.WriteEndObject();
        w.WriteString("helpUri", helpUri);
        w.WriteStartObject("defaultConfiguration");
        w.WriteString("level", Level(rule.DefaultSeverity));
        w.WriteEndObject();
        w.WriteStartObject("properties");
        w.WriteStartArray("tags");
        w.WriteStringValue(rule.DefaultSeverity == Severity.Error ? "error" : "lint");
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "note",
        _ => "none",
    };

    /// <summary>
    /// A relative URI with forward slashes (resolved against the repository root by code scanning). Paths outside
    /// the working directory become <c>file://</c> URIs; every segment is percent-encoded.
    /// </summary>
    public static string ArtifactUri(string displayPath, string workingDirectory)
    {
        string path = displayPath.Replace('\\', '/');
        if (Path.IsPathRooted(displayPath))
        {
            string relative = Path.GetRelativePath(workingDirectory, displayPath).Replace('\\', '/');
            if (relative.StartsWith("../", StringComparison.Ordinal) || relative == ".." || Path.IsPathRooted(relative))
                return new Uri(Path.GetFullPath(displayPath)).AbsoluteUri;
            path = relative;
        }
        var segments = path.Split('/').Where(s => s != ".").Select(Uri.EscapeDataString);
        return string.Join('/', segments);
    }
}
