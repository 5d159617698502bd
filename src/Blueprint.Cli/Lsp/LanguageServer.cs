using System.Text.Json.Nodes;

namespace Blueprint.Cli.Lsp;

/// <summary>
/// <c>blueprint lsp</c>: a language server (LSP 3.17) for blueprints. One thread reads messages and answers each in
/// turn; a document is read and checked again on every change, and its findings published. Nothing a client sends
/// stops it but <c>exit</c> or the end of its input.
/// </summary>
public sealed class LanguageServer
{
    // JSON-RPC and LSP error codes.
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
    public const int MethodNotFound = -32601;
    public const int InvalidParams = -32602;
    public const int InternalError = -32603;
    public const int ServerNotInitialized = -32002;

    private readonly JsonRpcStream rpc;
    private readonly TextWriter log;
    private readonly string workingDirectory;
    private readonly Dictionary<string, OpenDocument> documents = new(StringComparer.Ordinal);
    private bool initialized, shutDown;

    private LanguageServer(JsonRpcStream rpc, TextWriter log, string workingDirectory)
    {
        this.rpc = rpc;
        this.log = log;
        this.workingDirectory = workingDirectory;
    }

    /// <summary>
    /// Serves until <c>exit</c> (0 after <c>shutdown</c>, else 1, as LSP says) or the end of <paramref name="input"/>
    /// (the client is gone: 0 after <c>shutdown</c>, else 1). <paramref name="log"/> gets one line per fault of the server's own.
    /// </summary>
    public static int Run(Stream input, Stream output, TextWriter log, string workingDirectory)
    {
        var server = new LanguageServer(new JsonRpcStream(input, output), log, workingDirectory);
        while (server.rpc.Read() is { } message)
        {
            if (message.Json is null)
            {
                server.rpc.Write(Error(null, ParseError, $"parse error: {message.ParseError}"));
                continue;
            }
            if (server.Handle(message.Json) is { } exitCode) return exitCode;
        }
        return server.shutDown ? ExitCodes.Ok : ExitCodes.Findings;
    }

    /// <summary>Handles one message; an exit code when it was <c>exit</c>.</summary>
    private int? Handle(JsonNode message)
    {
        if (message is not JsonObject m || LspJson.String(m["method"]) is not { } method)
        {
            // A response to a request of ours (the server sends none) has no method; anything else is not a message.
            if (message is JsonObject { } o && o.ContainsKey("id") && (o.ContainsKey("result") || o.ContainsKey("error"))) return null;
            rpc.Write(Error(message is JsonObject r ? r["id"] : null, InvalidRequest, "not a JSON-RPC request or notification"));
            return null;
        }
        JsonNode? id = m["id"];
        bool isRequest = m.ContainsKey("id");
        if (method == "exit") return shutDown ? ExitCodes.Ok : ExitCodes.Findings;
        if (isRequest && shutDown) { rpc.Write(Error(id, InvalidRequest, $"'{method}' after shutdown")); return null; }
        if (!initialized && method != "initialize")
        {
            if (isRequest) rpc.Write(Error(id, ServerNotInitialized, $"'{method}' before initialize"));
            return null;
        }
        try
        {
            if (isRequest) rpc.Write(Request(id, method, m["params"]));
            else Notification(method, m["params"]);
        }
        catch (Exception e)
        {
            log.WriteLine($"blueprint lsp: internal error in {method}: {e.GetType().Name}: {e.Message}");
            if (isRequest) rpc.Write(Error(id, InternalError, $"internal error: {e.GetType().Name}: {e.Message}"));
        }
        return null;
    }

    private JsonObject Request(JsonNode? id, string method, JsonNode? parameters)
    {
        switch (method)
        {
            case "initialize":
                initialized = true;
                return Result(id, new JsonObject
                {
                    ["capabilities"] = new JsonObject
                    {
                        ["positionEncoding"] = "utf-16",
                        ["textDocumentSync"] = new JsonObject { ["openClose"] = true, ["change"] = 2 }, // 2: incremental
                        ["documentSymbolProvider"] = true,
                        ["definitionProvider"] = true,
                        ["codeActionProvider"] = new JsonObject { ["codeActionKinds"] = new JsonArray(LspCodeActions.QuickFixKind) },
                    },
                    ["serverInfo"] = new JsonObject { ["name"] = "blueprint", ["version"] = Version },
                });
            case "shutdown":
                shutDown = true;
                return Result(id, null);
            case "textDocument/documentSymbol":
                return Document(parameters) is { } forSymbols
                    ? Result(id, LspSymbols.Of(forSymbols))
                    : Error(id, InvalidParams, "no such open document");
            case "textDocument/definition":
                if (Document(parameters) is not { } forDefinition || LspJson.ReadPosition(parameters?["position"]) is not { } at)
                    return Error(id, InvalidParams, "no such open document or no position");
                return Result(id, LspSymbols.Definition(forDefinition, at) is { } target
                    ? new JsonObject { ["uri"] = forDefinition.Uri, ["range"] = LspJson.Range(target) }
                    : null);
            case "textDocument/codeAction":
                if (Document(parameters) is not { } forActions || LspJson.ReadRange(parameters?["range"]) is not { } range)
                    return Error(id, InvalidParams, "no such open document or no range");
                return Result(id, LspCodeActions.Of(forActions, range, parameters?["context"]?["only"]));
            default:
                return Error(id, MethodNotFound, $"method '{method}' is not supported");
        }
    }

    private void Notification(string method, JsonNode? parameters)
    {
        var textDocument = parameters?["textDocument"];
        switch (method)
        {
            case "textDocument/didOpen":
                if (LspJson.String(textDocument?["uri"]) is { } openUri && LspJson.String(textDocument?["text"]) is { } text)
                    Update(openUri, LspJson.Int(textDocument?["version"]) ?? 0, text);
                break;
            case "textDocument/didChange":
                if (LspJson.String(textDocument?["uri"]) is not { } uri || !documents.TryGetValue(uri, out var open)) break;
                var changed = open.Text;
                foreach (var change in parameters?["contentChanges"] as JsonArray ?? [])
                {
                    if (LspJson.String(change?["text"]) is not { } newText) continue;
                    changed = new LspText(changed.Apply(LspJson.ReadRange(change?["range"]), newText));
                }
                Update(uri, LspJson.Int(textDocument?["version"]) ?? open.Version, changed.Text);
                break;
            case "textDocument/didClose":
                if (LspJson.String(textDocument?["uri"]) is { } closed && documents.Remove(closed))
                    rpc.Write(LspDiagnostics.Publish(closed, null, []));
                break;
            // initialized, $/cancelRequest, $/setTrace, workspace/didChangeConfiguration and the rest need nothing.
        }
    }

    /// <summary>Reads and checks the new text of a document, and publishes its findings.</summary>
    private void Update(string uri, int version, string text)
    {
        var document = OpenDocument.Analyze(uri, version, text, workingDirectory);
        documents[uri] = document;
        rpc.Write(LspDiagnostics.Publish(uri, version, document.Findings.Select(f => LspDiagnostics.Of(f, document.Text))));
    }

    private OpenDocument? Document(JsonNode? parameters) =>
        LspJson.String(parameters?["textDocument"]?["uri"]) is { } uri && documents.TryGetValue(uri, out var d) ? d : null;

    private static string Version =>
        typeof(LanguageServer).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "0";

    private static JsonObject Result(JsonNode? id, JsonNode? result) =>
        new() { ["jsonrpc"] = "2.0", ["id"] = id?.DeepClone(), ["result"] = result };

    private static JsonObject Error(JsonNode? id, int code, string message) =>
        new() { ["jsonrpc"] = "2.0", ["id"] = id?.DeepClone(), ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };
}
