using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Blueprint.Core.Diagnostics;

namespace Blueprint.Core.Analysis;

/// <summary>One finding a baseline records: where and what, readable for review, and the fingerprint it is matched by.</summary>
public sealed record BaselineEntry(string File, string Rule, string Element, string Message, string Fingerprint);

/// <summary>A finding with the file it is in as the fingerprint names it (relative to a chosen folder, with <c>/</c>).</summary>
public sealed record LocatedFinding(Diagnostic Diagnostic, string File);

/// <summary>What a baseline makes of today's findings: those it does not hold, those it does (hidden), and its entries that no longer occur.</summary>
public sealed record BaselineSplit(IReadOnlyList<Diagnostic> New, IReadOnlyList<Diagnostic> Unchanged, IReadOnlyList<BaselineEntry> Absent);

/// <summary>
/// Lint baselines (SPEC section 9): today's findings recorded so that only new ones are reported. A finding is known by
/// a fingerprint of its rule, its file, the element it is about (<see cref="FindingSubject"/>: kind, name and content)
/// and the gist of its message (positions such as <c>12:5</c> left out), so it survives moved lines, reordered steps
/// and edits elsewhere, and is new again when its element changes. Errors are never hidden and never recorded.
/// </summary>
public static partial class LintBaseline
{
    public const int Version = 1;

    [GeneratedRegex(@"\b(?:at |line )?\d+:\d+\b|\bline \d+\b", RegexOptions.CultureInvariant)]
    private static partial Regex Positions();

    /// <summary>The message without positions (<c>at 12:5</c>, <c>line 4</c>) and with runs of white space folded.</summary>
    public static string Gist(string message) =>
        string.Join(' ', Positions().Replace(message, "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public static string ElementOf(Diagnostic d) => d.Subject?.Element ?? "file";

    /// <summary>32 hex digits of SHA-256 over the rule, the file, the element with its content and the gist.</summary>
    public static string Fingerprint(Diagnostic d, string file)
    {
        string content = d.Subject?.Content ?? "";
        string key = string.Join("\n", "v1", d.Id, file, ElementOf(d), content, Gist(d.Message));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
    }

    /// <summary>Whether a baseline may hold the finding: lint warnings and infos, never errors.</summary>
    public static bool Recordable(Diagnostic d) => d.Severity != Severity.Error;

    public static IReadOnlyList<BaselineEntry> Entries(IEnumerable<LocatedFinding> findings) =>
        findings.Where(f => Recordable(f.Diagnostic))
            .Select(f => new BaselineEntry(f.File, f.Diagnostic.Id, ElementOf(f.Diagnostic), Gist(f.Diagnostic.Message), Fingerprint(f.Diagnostic, f.File)))
            .OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Rule, StringComparer.Ordinal).ThenBy(e => e.Element, StringComparer.Ordinal)
            .ThenBy(e => e.Message, StringComparer.Ordinal).ThenBy(e => e.Fingerprint, StringComparer.Ordinal)
            .ToList();

    /// <summary>Splits today's findings by a baseline; a fingerprint recorded n times hides n findings.</summary>
    public static BaselineSplit Split(IReadOnlyList<LocatedFinding> findings, IReadOnlyList<BaselineEntry> baseline)
    {
        var pending = new Dictionary<string, Queue<BaselineEntry>>(StringComparer.Ordinal);
        foreach (var e in baseline)
            (pending.TryGetValue(e.Fingerprint, out var q) ? q : pending[e.Fingerprint] = new Queue<BaselineEntry>()).Enqueue(e);
        var fresh = new List<Diagnostic>();
        var known = new List<Diagnostic>();
        foreach (var f in findings)
        {
            if (Recordable(f.Diagnostic) && pending.TryGetValue(Fingerprint(f.Diagnostic, f.File), out var q) && q.TryDequeue(out _)) known.Add(f.Diagnostic);
            else fresh.Add(f.Diagnostic);
        }
        var absent = baseline.Where(e => pending.TryGetValue(e.Fingerprint, out var q) && q.Contains(e)).ToList();
        return new BaselineSplit(fresh, known, absent);
    }

    /// <summary>The baseline file: <c>{"version": 1, "findings": [{"file", "rule", "element", "message", "fingerprint"}]}</c>, one entry a line.</summary>
    public static string Write(IReadOnlyList<BaselineEntry> entries)
    {
        var sb = new StringBuilder();
        sb.Append("{\n  \"version\": ").Append(Version).Append(",\n  \"findings\": [");
        for (int i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            sb.Append(i == 0 ? "\n" : ",\n").Append("    {\"file\": ").Append(S(e.File)).Append(", \"rule\": ").Append(S(e.Rule))
              .Append(", \"element\": ").Append(S(e.Element)).Append(", \"message\": ").Append(S(e.Message))
              .Append(", \"fingerprint\": ").Append(S(e.Fingerprint)).Append('}');
        }
        sb.Append(entries.Count == 0 ? "]\n}\n" : "\n  ]\n}\n");
        return sb.ToString();
    }

    /// <summary>A JSON string, non-ASCII text kept as it is (the file diffs well in git).</summary>
    private static string S(string value)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            w.WriteStringValue(value);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Reads a baseline file; a text that is not one gives a message with its line and column and how to fix it.</summary>
    public static (IReadOnlyList<BaselineEntry>? Entries, string? Problem) Read(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("findings", out var findings) || findings.ValueKind != JsonValueKind.Array)
                return (null, "not a lint baseline: expected an object with a \"findings\" array; write one with lint --write-baseline FILE");
            if (!root.TryGetProperty("version", out var v) || v.ValueKind != JsonValueKind.Number || v.GetInt32() != Version)
                return (null, $"not a lint baseline of version {Version}; write it again with lint --write-baseline FILE");
            var entries = new List<BaselineEntry>();
            int n = 0;
            foreach (var f in findings.EnumerateArray())
            {
                n++;
                string? Get(string key) => f.ValueKind == JsonValueKind.Object && f.TryGetProperty(key, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
                if (Get("file") is not { } file || Get("rule") is not { } rule || Get("fingerprint") is not { } fp)
                    return (null, $"finding {n} of the baseline lacks \"file\", \"rule\" or \"fingerprint\"; write the baseline again with lint --write-baseline FILE");
                entries.Add(new BaselineEntry(file, rule, Get("element") ?? "", Get("message") ?? "", fp));
            }
            return (entries, null);
        }
        catch (JsonException e)
        {
            string at = e.LineNumber is { } line ? $"{line + 1}:{(e.BytePositionInLine ?? 0) + 1}: " : "";
            return (null, $"{at}not valid JSON ({e.Message.Split(" Path:")[0].Split(" LineNumber:")[0].TrimEnd('.')}); write the baseline again with lint --write-baseline FILE");
        }
    }
}
