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
    public const int RequestFailed = -32803;

    private readonly JsonRpcStream rpc;
    private readonly TextWriter log;
    private readonly string workingDirectory;
    private readonly Dictionary<string, OpenDocument> documents = new(StringComparer.Ordinal);
    // Texts changed since they were last checked: checked when no message waits, or when a request needs them.
    private readonly Dictionary<string, (int Version, string Text)> changed = new(StringComparer.Ordinal);
    // The configuration files whose problems were last published, by URI (so they are cleared when fixed).
    private readonly HashSet<string> configsWithProblems = new(StringComparer.Ordinal);
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
        // One thread reads, so that edits that arrive while a document is being checked are taken together: the
        // document is checked once, for its newest text, when no message is waiting.
        // Not disposed: the reader may still be adding when exit returns, and the process ends after it anyway.
        var inbox = new System.Collections.Concurrent.BlockingCollection<IncomingMessage>();
        var reader = new Thread(() =>
        {
            try
            {
                while (server.rpc.Read() is { } read) inbox.Add(read);
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                log.WriteLine($"blueprint lsp: reading stopped: {e.Message}");
            }
            finally
            {
                inbox.CompleteAdding();
            }
        }) { IsBackground = true, Name = "lsp-reader" };
        reader.Start();
        try
        {
            return server.Serve(inbox);
        }
        catch (IOException e)
        {
            // The client closed its end of our output: nobody is listening any more.
            log.WriteLine($"blueprint lsp: the client is gone: {e.Message}");
            return ExitCodes.Findings;
        }
    }

    /// <summary>Answers messages until <c>exit</c> or the end of input; the documents are checked whenever no message waits.</summary>
    private int Serve(System.Collections.Concurrent.BlockingCollection<IncomingMessage> inbox)
    {
        while (true)
        {
            if (!inbox.TryTake(out var message))
            {
                CheckChanged();
                if (!inbox.TryTake(out message, Timeout.Infinite)) break;
            }
            if (message.Json is null)
            {
                rpc.Write(Error(null, ParseError, $"parse error: {message.ParseError}"));
                continue;
            }
            if (Handle(message.Json) is { } exitCode) return exitCode;
        }
        CheckChanged();
        return shutDown ? ExitCodes.Ok : ExitCodes.Findings;
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
                        ["referencesProvider"] = true,
                        ["renameProvider"] = new JsonObject { ["prepareProvider"] = true },
                        ["hoverProvider"] = true,
                        // `#` after `](` in Markdown, `.` between a step and its lane, `[` and `,` in a `to:` list.
                        ["completionProvider"] = new JsonObject { ["triggerCharacters"] = new JsonArray("#", ".", "[", ",") },
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
            case "textDocument/codeAction":
                if (Document(parameters) is not { } forActions || LspJson.ReadRange(parameters?["range"]) is not { } requested)
                    return Error(id, InvalidParams, "no such open document or no range");
                return Result(id, LspCodeActions.Of(forActions, requested, parameters?["context"]?["only"]));
        }
        if (method is "textDocument/definition" or "textDocument/references" or "textDocument/prepareRename" or "textDocument/rename"
            or "textDocument/hover" or "textDocument/completion")
        {
            if (Document(parameters) is not { } document || LspJson.ReadPosition(parameters?["position"]) is not { } at)
                return Error(id, InvalidParams, "no such open document, or no position");
            return At(id, method, document, at, parameters!);
        }
        return Error(id, MethodNotFound, $"method '{method}' is not supported");
    }

    /// <summary>The requests about a position in a document.</summary>
    private static JsonObject At(JsonNode? id, string method, OpenDocument document, LspPosition at, JsonNode parameters)
    {
        switch (method)
        {
            case "textDocument/definition":
                return Result(id, LspNavigation.Definition(document, at) is { } target
                    ? new JsonObject { ["uri"] = document.Uri, ["range"] = LspJson.Range(target) }
                    : null);
            case "textDocument/references":
                bool declaration = parameters["context"]?["includeDeclaration"] is JsonValue v && v.TryGetValue<bool>(out bool b) && b;
                return Result(id, new JsonArray([.. LspNavigation.References(document, at, declaration)
                    .Select(r => (JsonNode)new JsonObject { ["uri"] = document.Uri, ["range"] = LspJson.Range(r) })]));
            case "textDocument/prepareRename":
                return Result(id, LspNavigation.PrepareRename(document, at) is var (range, current)
                    ? new JsonObject { ["range"] = LspJson.Range(range), ["placeholder"] = current }
                    : null);
            case "textDocument/rename":
                if (LspJson.String(parameters["newName"]) is not { } newName) return Error(id, InvalidParams, "rename without a newName");
                try
                {
                    return Result(id, LspNavigation.WorkspaceEdit(document.Uri, LspNavigation.Rename(document, at, newName)));
                }
                catch (RenameRefused refused)
                {
                    return Error(id, RequestFailed, refused.Message);
                }
            case "textDocument/hover":
                return Result(id, LspNavigation.Hover(document, at) is var (markdown, about)
                    ? new JsonObject { ["contents"] = new JsonObject { ["kind"] = "markdown", ["value"] = markdown }, ["range"] = LspJson.Range(about) }
                    : null);
            default:
                return Result(id, LspCompletion.Complete(document, at));
        }
    }

    private void Notification(string method, JsonNode? parameters)
    {
        var textDocument = parameters?["textDocument"];
        switch (method)
        {
            case "textDocument/didOpen":
                if (LspJson.String(textDocument?["uri"]) is { } openUri && LspJson.String(textDocument?["text"]) is { } text)
                    changed[openUri] = (LspJson.Int(textDocument?["version"]) ?? 0, text);
                break;
            case "textDocument/didChange":
                if (LspJson.String(textDocument?["uri"]) is not { } uri || CurrentText(uri) is not var (version, current)) break;
                var edited = new LspText(current);
                foreach (var change in parameters?["contentChanges"] as JsonArray ?? [])
                {
                    if (LspJson.String(change?["text"]) is not { } newText) continue;
                    edited = new LspText(edited.Apply(LspJson.ReadRange(change?["range"]), newText));
                }
                changed[uri] = (LspJson.Int(textDocument?["version"]) ?? version, edited.Text);
                break;
            case "textDocument/didClose":
                if (LspJson.String(textDocument?["uri"]) is { } closed && (documents.Remove(closed) | changed.Remove(closed)))
                    rpc.Write(LspDiagnostics.Publish(closed, null, []));
                break;
            case "workspace/didChangeWatchedFiles":
                // A lint configuration was created, changed or deleted (the client watches the files it was asked
                // to): every open document is checked again with what the configuration says now.
                if ((parameters?["changes"] as JsonArray ?? []).Any(c => LspJson.String(c?["uri"]) is { } changedUri && IsLintConfig(changedUri)))
                    foreach (var (recheck, document) in documents) changed.TryAdd(recheck, (document.Version, document.Text.Text));
                break;
            // initialized, $/cancelRequest, $/setTrace, workspace/didChangeConfiguration and the rest need nothing.
        }
    }

    private static bool IsLintConfig(string uri) =>
        Core.Analysis.LintConfig.FileNames.Any(name => uri.EndsWith("/" + name, StringComparison.Ordinal));

    /// <summary>A document's newest text and version: changed and not yet checked, or as last checked; null when it is not open.</summary>
    private (int Version, string Text)? CurrentText(string uri) =>
        changed.TryGetValue(uri, out var pending) ? pending
        : documents.TryGetValue(uri, out var open) ? (open.Version, open.Text.Text)
        : null;

    /// <summary>Reads and checks every document whose text changed since it was last checked, and publishes its findings.</summary>
    private void CheckChanged()
    {
        foreach (var uri in changed.Keys.ToList()) Check(uri);
    }

    private OpenDocument? Check(string uri)
    {
        if (!changed.Remove(uri, out var pending)) return documents.GetValueOrDefault(uri);
        OpenDocument document;
        try
        {
            document = OpenDocument.Analyze(uri, pending.Version, pending.Text, workingDirectory, documents.GetValueOrDefault(uri));
        }
        catch (Exception e) when (e is not IOException)
        {
            // A fault of the server's own: said in its log, and the document keeps its last findings.
            log.WriteLine($"blueprint lsp: internal error checking {uri}: {e.GetType().Name}: {e.Message}");
            return documents.GetValueOrDefault(uri);
        }
        documents[uri] = document;
        rpc.Write(LspDiagnostics.Publish(uri, pending.Version, LspDiagnostics.For(document)));
        PublishConfigProblems(document);
        return document;
    }

    /// <summary>
    /// The problems of the configuration file a document uses go to that file (an editor lists them with it), and
    /// are cleared there once it reads cleanly.
    /// </summary>
    private void PublishConfigProblems(OpenDocument document)
    {
        if (document.Config is not { } config || config.DisplayPath.Length == 0) return;
        string fullPath = Path.GetFullPath(config.DisplayPath, workingDirectory);
        string uri = new Uri(fullPath).AbsoluteUri;
        var problems = LspDiagnostics.ForConfig(config, fullPath);
        if (problems.Count == 0 && !configsWithProblems.Remove(uri)) return;
        if (problems.Count > 0) configsWithProblems.Add(uri);
        rpc.Write(LspDiagnostics.Publish(uri, null, problems));
    }

    private OpenDocument? Document(JsonNode? parameters) =>
        LspJson.String(parameters?["textDocument"]?["uri"]) is { } uri ? Check(uri) : null;

    private static string Version =>
        typeof(LanguageServer).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "0";

    private static JsonObject Result(JsonNode? id, JsonNode? result) =>
        new() { ["jsonrpc"] = "2.0", ["id"] = id?.DeepClone(), ["result"] = result };

    private static JsonObject Error(JsonNode? id, int code, string message) =>
        new() { ["jsonrpc"] = "2.0", ["id"] = id?.DeepClone(), ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };
}
