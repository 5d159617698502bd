using System.Text.Json.Nodes;
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
