using System.Text;
using System.Text.Json.Nodes;
using Blueprint.Cli.Lsp;

namespace Blueprint.Cli.Tests.Lsp;

/// <summary>
/// A scripted client: the messages it sends, framed into an in-memory standard input, and what the server wrote
/// back once that input ended (or <c>exit</c> came), parsed message by message.
/// </summary>
public sealed class LspSession
{
    private readonly MemoryStream input = new();
    private int nextId = 1;

    public LspSession Send(JsonObject message) => Raw(message.ToJsonString());

    /// <summary>A frame with any body, valid JSON or not.</summary>
    public LspSession Raw(string body)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        input.Write(Encoding.ASCII.GetBytes($"Content-Length: {bytes.Length}\r\n\r\n"));
        input.Write(bytes);
        return this;
    }

    /// <summary>A request (with an id) or a notification (without one).</summary>
    public static JsonObject Message(string method, int? id, JsonNode? parameters)
    {
        var message = new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters };
        if (id is { } n) message["id"] = n;
        return message;
    }

    /// <summary>Sends a request and returns its id.</summary>
    public int Request(string method, JsonNode? parameters = null)
    {
        int id = nextId++;
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        return id;
    }

    public LspSession Notify(string method, JsonNode? parameters = null) =>
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    public LspSession Initialize()
    {
        Request("initialize", new JsonObject { ["processId"] = null, ["rootUri"] = null, ["capabilities"] = new JsonObject() });
        return Notify("initialized", new JsonObject());
    }

    public LspSession Open(string uri, string text, int version = 1) => Notify("textDocument/didOpen", new JsonObject
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "yaml", ["version"] = version, ["text"] = text },
    });

    /// <summary>An incremental change: <paramref name="newText"/> in place of the range from (line, character) to (endLine, endCharacter).</summary>
    public LspSession Change(string uri, int version, int line, int character, int endLine, int endCharacter, string newText) =>
        Notify("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version },
            ["contentChanges"] = new JsonArray(new JsonObject
            {
                ["range"] = new JsonObject
                {
                    ["start"] = new JsonObject { ["line"] = line, ["character"] = character },
                    ["end"] = new JsonObject { ["line"] = endLine, ["character"] = endCharacter },
                },
                ["text"] = newText,
            }),
        });

    public LspSession Close(string uri) => Notify("textDocument/didClose", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } });

    public LspSession ShutdownAndExit()
    {
        Request("shutdown");
        return Notify("exit");
    }

    public void CopyInputTo(Stream stream)
    {
        stream.Write(input.ToArray());
        stream.Position = 0;
    }

    /// <summary>Runs the server over what was sent, from a working directory.</summary>
    public Outcome Run(string? workingDirectory = null)
    {
        input.Position = 0;
        var output = new MemoryStream();
        var log = new StringWriter();
        int exitCode = LanguageServer.Run(input, output, log, workingDirectory ?? Directory.GetCurrentDirectory());
        return new Outcome(exitCode, Parse(output.ToArray()), log.ToString());
    }

    /// <summary>The text with a WorkspaceEdit's edits for <paramref name="uri"/> applied, from the last to the first.</summary>
    public static string Applied(string text, string uri, JsonNode? workspaceEdit)
    {
        var edits = workspaceEdit!["changes"]![uri]!.AsArray()
            .Select(e => (Range: LspJson.ReadRange(e!["range"])!.Value, NewText: (string)e["newText"]!))
            .OrderByDescending(e => e.Range.Start.Line).ThenByDescending(e => e.Range.Start.Character);
        foreach (var (range, newText) in edits) text = new LspText(text).Apply(range, newText);
        return text;
    }

    /// <summary>Splits framed output into messages, checking each frame's Content-Length against its body.</summary>
    public static List<JsonObject> Parse(byte[] output)
    {
        var messages = new List<JsonObject>();
        int p = 0;
        while (p < output.Length)
        {
            int headerEnd = IndexOf(output, "\r\n\r\n"u8.ToArray(), p);
            Assert.True(headerEnd > 0, "a frame without the blank line after its headers");
            string header = Encoding.ASCII.GetString(output, p, headerEnd - p);
            Assert.StartsWith("Content-Length: ", header);
            int length = int.Parse(header["Content-Length: ".Length..]);
            messages.Add(JsonNode.Parse(Encoding.UTF8.GetString(output, headerEnd + 4, length))!.AsObject());
            p = headerEnd + 4 + length;
        }
        return messages;
    }

    private static int IndexOf(byte[] haystack, byte[] needle, int from)
    {
        for (int i = from; i <= haystack.Length - needle.Length; i++)
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle)) return i;
        return -1;
    }

    public sealed record Outcome(int ExitCode, List<JsonObject> Messages, string Log)
    {
        public JsonObject Response(int id) => Messages.Single(m => m["id"]?.GetValueKind() == System.Text.Json.JsonValueKind.Number && (int)m["id"]! == id);

        /// <summary>Every diagnostics notification for <paramref name="uri"/>, in the order they were published.</summary>
        public List<JsonArray> Published(string uri) => Messages
            .Where(m => (string?)m["method"] == "textDocument/publishDiagnostics" && (string?)m["params"]!["uri"] == uri)
            .Select(m => m["params"]!["diagnostics"]!.AsArray()).ToList();
    }
}
