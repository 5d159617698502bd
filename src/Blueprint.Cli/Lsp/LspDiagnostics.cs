using System.Text.Json.Nodes;
using Blueprint.Cli.Config;
using Blueprint.Cli.Output;
using Blueprint.Core.Diagnostics;

namespace Blueprint.Cli.Lsp;

/// <summary>Findings as LSP <c>Diagnostic</c> objects: the rule id as <c>code</c>, its page as <c>codeDescription.href</c>.</summary>
public static class LspDiagnostics
{
    public const string Source = "blueprint";

    public static JsonObject Publish(string uri, int? version, IEnumerable<JsonObject> diagnostics)
    {
        var parameters = new JsonObject { ["uri"] = uri, ["diagnostics"] = new JsonArray([.. diagnostics]) };
        if (version is { } v) parameters["version"] = v;
        return new JsonObject { ["jsonrpc"] = "2.0", ["method"] = "textDocument/publishDiagnostics", ["params"] = parameters };
    }

    /// <summary>
    /// A document's findings, and, when its lint configuration has problems, one warning at its start that says so
    /// (the rules are then applied as far as the file could be read; the problems themselves go to that file).
    /// </summary>
    public static IEnumerable<JsonObject> For(OpenDocument document)
    {
        var diagnostics = document.Findings.Select(f => Of(f, document.Text));
        if (document.Config is not { } config || (config.Unreadable is null && config.Config.Diagnostics.Count == 0)) return diagnostics;
        string problem = config.Unreadable ?? config.Config.Diagnostics[0].ToString();
        int count = config.Unreadable is null ? config.Config.Diagnostics.Count : 1;
        var start = new LspPosition(0, 0);
        return diagnostics.Prepend(new JsonObject
        {
            ["range"] = LspJson.Range(new LspRange(start, start)),
            ["severity"] = SeverityOf(Severity.Warning),
            ["source"] = Source,
            ["message"] = $"the lint configuration {config.DisplayPath} has {(count == 1 ? "a problem" : $"{count} problems")}, so its rules may not all apply: {problem}",
        });
    }

    /// <summary>A lint configuration's own problems, placed in its text (read again here from <paramref name="fullPath"/>; empty when it cannot be).</summary>
    public static List<JsonObject> ForConfig(LoadedConfig config, string fullPath)
    {
        if (config.Unreadable is not null || config.Config.Diagnostics.Count == 0) return [];
        string text;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
        var lines = new LspText(text);
        return [.. config.Config.Diagnostics.Select(d => Of(d, lines))];
    }

    public static JsonObject Of(Diagnostic finding, LspText text) => new()
    {
        ["range"] = LspJson.Range(text.WordAt(finding.Location)),
        ["severity"] = SeverityOf(finding.Severity),
        ["code"] = finding.Id,
        ["codeDescription"] = new JsonObject { ["href"] = RuleDocs.HelpUri(finding.Id) },
        ["source"] = Source,
        ["message"] = finding.Message,
    };

    /// <summary>LSP's DiagnosticSeverity: 1 error, 2 warning, 3 information.</summary>
    public static int SeverityOf(Severity severity) => severity switch
    {
        Severity.Error => 1,
        Severity.Warning => 2,
        _ => 3,
    };
}

/// <summary>LSP's position and range objects, both ways.</summary>
public static class LspJson
{
    public static JsonObject Position(LspPosition p) => new() { ["line"] = p.Line, ["character"] = p.Character };

    public static JsonObject Range(LspRange r) => new() { ["start"] = Position(r.Start), ["end"] = Position(r.End) };

    public static LspPosition? ReadPosition(JsonNode? node) =>
        node is JsonObject o && Int(o["line"]) is { } line && Int(o["character"]) is { } character ? new LspPosition(line, character) : null;

    public static LspRange? ReadRange(JsonNode? node) =>
        node is JsonObject o && ReadPosition(o["start"]) is { } start && ReadPosition(o["end"]) is { } end ? new LspRange(start, end) : null;

    public static int? Int(JsonNode? node) => node is JsonValue v && v.TryGetValue<int>(out int i) ? i : null;

    public static string? String(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
