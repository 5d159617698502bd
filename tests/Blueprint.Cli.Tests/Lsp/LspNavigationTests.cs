using System.Text.Json.Nodes;
using Blueprint.Cli.Lsp;
using Blueprint.Core.Reading;

namespace Blueprint.Cli.Tests.Lsp;

/// <summary>Go to definition, find references, rename and hover, in YAML and in Markdown.</summary>
public sealed class LspNavigationTests
{
    private const string YamlUri = "file:///project/coffee.blueprint.yaml";
    private const string MarkdownUri = "file:///project/coffee.blueprint.md";

    private const string Yaml = """
        blueprint: Coffee
        goal: Shorter queue
        scenario: A commuter buys a coffee
        scenes:
          - scene: Order
            steps:
              - step: Queue
                customer:
                  text: Waits in line
                  to: [pay, pay.touchpoint, { ref: till, label: "🙂 咖啡 pays" }]
                touchpoint: Board
              - step: Pay
                customer: Pays
                touchpoint:
                  id: till
                  text: Till
                  owner: Barista
                  fail: Card reader down
                  to:
                    - queue
        """;

    private const string Markdown = """
        # Coffee

        ## Order

        ### Queue

        - Customer: Waits in line -> [to the till](#till) [pay](#pay-now.touchpoint)
        - Touchpoint: Board

        ### Pay now

        - Customer: Pays [back to the queue](#queue "loop")
        - Touchpoint: Till {#till}
          - Owner: Barista
        """;

    private static string[] Lines(string text) => text.ReplaceLineEndings("\n").Split('\n');

    /// <summary>The position of the <paramref name="nth"/> occurrence of <paramref name="word"/> (plus <paramref name="into"/> characters).</summary>
    private static (int Line, int Character) Where(string text, string word, int nth = 0, int into = 1)
    {
        var lines = Lines(text);
        for (int line = 0; line < lines.Length; line++)
        for (int at = lines[line].IndexOf(word, StringComparison.Ordinal); at >= 0; at = lines[line].IndexOf(word, at + 1, StringComparison.Ordinal))
            if (nth-- == 0) return (line, at + into);
        throw new InvalidOperationException($"`{word}` not found");
    }

    private static JsonObject At(string uri, (int Line, int Character) p, JsonObject? extra = null)
    {
        var parameters = new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri },
            ["position"] = new JsonObject { ["line"] = p.Line, ["character"] = p.Character },
        };
        foreach (var (key, value) in extra ?? []) parameters[key] = value?.DeepClone();
        return parameters;
    }

    private static JsonObject Ask(string uri, string text, string method, JsonObject parameters)
    {
        var session = new LspSession().Initialize().Open(uri, text);
        int id = session.Request(method, parameters);
        return session.Run().Response(id);
    }

    private static string Covered(string text, JsonNode? range)
    {
        var lines = Lines(text);
        int line = (int)range!["start"]!["line"]!, from = (int)range["start"]!["character"]!, to = (int)range["end"]!["character"]!;
        Assert.Equal(line, (int)range["end"]!["line"]!);
        return lines[line][from..to];
    }

    // ---- definition ------------------------------------------------------------------------------------

    [Fact]
    public void Definition_on_a_derived_step_id_goes_to_the_steps_name_and_on_a_card_id_to_the_id()
    {
        var toQueue = Ask(YamlUri, Yaml, "textDocument/definition", At(YamlUri, Where(Yaml, "- queue", into: 3)))["result"]!;
        var toTill = Ask(YamlUri, Yaml, "textDocument/definition", At(YamlUri, Where(Yaml, "till, label")))["result"]!;

        Assert.Equal("Queue", Covered(Yaml, toQueue["range"]));
        Assert.Equal(Where(Yaml, "step: Queue", into: 6).Line, (int)toQueue["range"]!["start"]!["line"]!);
        Assert.Equal("till", Covered(Yaml, toTill["range"]));
        Assert.Equal(Where(Yaml, "id: till").Line, (int)toTill["range"]!["start"]!["line"]!);
    }

    [Fact]
    public void Definition_on_a_Markdown_link_anywhere_in_it_goes_to_the_card_or_step()
    {
        var onLabel = Ask(MarkdownUri, Markdown, "textDocument/definition", At(MarkdownUri, Where(Markdown, "to the till", into: 4)))["result"]!;
        var onCell = Ask(MarkdownUri, Markdown, "textDocument/definition", At(MarkdownUri, Where(Markdown, "#pay-now.touchpoint", into: 3)))["result"]!;
        var onStep = Ask(MarkdownUri, Markdown, "textDocument/definition", At(MarkdownUri, Where(Markdown, "(#queue", into: 3)))["result"]!;

        Assert.Equal("till", Covered(Markdown, onLabel["range"]));
        Assert.Equal("till", Covered(Markdown, onCell["range"]));  // the cell's first card is the till
        Assert.Equal("### Queue", Covered(Markdown, onStep["range"]));
    }

    // ---- references ------------------------------------------------------------------------------------

    [Fact]
    public void References_of_a_step_are_every_arrow_to_it_or_to_its_cells_and_the_declaration_when_asked()
    {
        var context = new JsonObject { ["context"] = new JsonObject { ["includeDeclaration"] = true } };
        var result = Ask(YamlUri, Yaml, "textDocument/references", At(YamlUri, Where(Yaml, "[pay", into: 2), context))["result"]!.AsArray();

        Assert.Equal(["Pay", "pay", "pay.touchpoint"], result.Select(r => Covered(Yaml, r!["range"])));
        Assert.All(result, r => Assert.Equal(YamlUri, (string?)r!["uri"]));
    }

    [Fact]
    public void References_of_a_card_id_from_its_definition_and_none_off_an_id()
    {
        var context = new JsonObject { ["context"] = new JsonObject { ["includeDeclaration"] = false } };
        var fromId = Ask(YamlUri, Yaml, "textDocument/references", At(YamlUri, Where(Yaml, "id: till", into: 5), context))["result"]!.AsArray();
        var offId = Ask(YamlUri, Yaml, "textDocument/references", At(YamlUri, Where(Yaml, "Waits"), context))["result"]!.AsArray();

        Assert.Equal([Where(Yaml, "till, label", into: 0)], fromId.Select(r => ((int)r!["range"]!["start"]!["line"]!, (int)r["range"]!["start"]!["character"]!)));
        Assert.Empty(offId);
    }

    // ---- rename ----------------------------------------------------------------------------------------

    private static JsonObject Rename(string uri, string text, (int, int) at, string newName) =>
        Ask(uri, text, "textDocument/rename", At(uri, at, new JsonObject { ["newName"] = newName }));

    [Fact]
    public void Renaming_a_derived_step_id_writes_the_id_out_and_rewrites_every_reference_and_cell_reference()
    {
        var response = Rename(YamlUri, Yaml, Where(Yaml, "[pay", into: 2), "checkout");
        string renamed = LspSession.Applied(Yaml, YamlUri, response["result"]);

        Assert.Contains("to: [checkout, checkout.touchpoint, { ref: till", renamed);
        Assert.Contains("      - step: Pay\n        id: checkout\n        customer: Pays", renamed);
        var read = BlueprintReader.ReadText("coffee.blueprint.yaml", renamed);
        Assert.Empty(read.Diagnostics);
        Assert.Contains(read.Document!.Steps, s => s.Id == "checkout" && s.Name == "Pay");
    }

    [Fact]
    public void Renaming_a_card_id_from_its_definition_rewrites_it_and_its_references()
    {
        string renamed = LspSession.Applied(Yaml, YamlUri, Rename(YamlUri, Yaml, Where(Yaml, "id: till", into: 6), "register")["result"]);

        Assert.Contains("{ ref: register, label:", renamed);
        Assert.Contains("id: register", renamed);
        Assert.DoesNotContain("till", renamed.Replace("Till", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Renaming_in_Markdown_gives_a_derived_heading_id_and_rewrites_the_links()
    {
        string renamed = LspSession.Applied(Markdown, MarkdownUri, Rename(MarkdownUri, Markdown, Where(Markdown, "(#queue", into: 3), "line")["result"]);
        string cell = LspSession.Applied(Markdown, MarkdownUri, Rename(MarkdownUri, Markdown, Where(Markdown, "#pay-now.touchpoint", into: 2), "pay")["result"]);

        Assert.Contains("### Queue {#line}", renamed);
        Assert.Contains("(#line \"loop\")", renamed);
        Assert.Contains("### Pay now {#pay}", cell);
        Assert.Contains("(#pay.touchpoint)", cell);
        foreach (var text in new[] { renamed, cell })
            Assert.Empty(BlueprintReader.ReadText("coffee.blueprint.md", text).Diagnostics);
    }

    [Theory]
    [InlineData("till", "already the id of a card")]
    [InlineData("pay now", "not an id")]
    [InlineData("pay.x", "not an id")]
    public void A_rename_to_a_taken_or_impossible_id_is_refused_with_the_reason(string newName, string reason)
    {
        var response = Rename(YamlUri, Yaml, Where(Yaml, "[pay", into: 2), newName);

        Assert.Equal(LanguageServer.RequestFailed, (int)response["error"]!["code"]!);
        Assert.Contains(reason, (string?)response["error"]!["message"]);
    }

    [Fact]
    public void Rename_off_an_id_is_refused_and_prepareRename_says_what_would_be_renamed()
    {
        var off = Rename(YamlUri, Yaml, Where(Yaml, "Waits"), "x");
        var prepare = Ask(YamlUri, Yaml, "textDocument/prepareRename", At(YamlUri, Where(Yaml, "pay.touchpoint", into: 6)))["result"]!;
        var prepareOff = Ask(YamlUri, Yaml, "textDocument/prepareRename", At(YamlUri, Where(Yaml, "Waits")));

        Assert.Contains("no id here", (string?)off["error"]!["message"]);
        Assert.Equal("pay", (string?)prepare["placeholder"]);
        Assert.Equal("pay", Covered(Yaml, prepare["range"])); // the step part of `pay.touchpoint`
        Assert.Null(prepareOff["result"]);
    }

    // ---- hover -----------------------------------------------------------------------------------------

    [Fact]
    public void Hover_on_a_reference_shows_the_card_it_names_with_lane_step_owner_and_marks()
    {
        var hover = Ask(YamlUri, Yaml, "textDocument/hover", At(YamlUri, Where(Yaml, "till, label")))["result"]!;
        string value = (string)hover["contents"]!["value"]!;

        Assert.Equal("markdown", (string?)hover["contents"]!["kind"]);
        Assert.StartsWith("Till\n\n`till` · Touchpoints · step Pay · scene Order", value);
        Assert.Contains("Owner: Barista", value);
        Assert.Contains("Fail point: Card reader down", value);
    }

    [Fact]
    public void Hover_on_a_key_says_what_it_means_there()
    {
        var owner = Ask(YamlUri, Yaml, "textDocument/hover", At(YamlUri, Where(Yaml, "owner: Barista")))["result"]!;
        var goal = Ask(YamlUri, Yaml, "textDocument/hover", At(YamlUri, Where(Yaml, "goal:")))["result"]!;
        var markdownOwner = Ask(MarkdownUri, Markdown, "textDocument/hover", At(MarkdownUri, Where(Markdown, "Owner:")))["result"]!;
        var nothing = Ask(YamlUri, Yaml, "textDocument/hover", At(YamlUri, Where(Yaml, "Shorter")));

        Assert.Contains("Who performs it", (string?)owner["contents"]!["value"]);
        Assert.Equal("owner", Covered(Yaml, owner["range"]));
        Assert.Contains("What the blueprint is made to change", (string?)goal["contents"]!["value"]);
        Assert.Contains("Who performs it", (string?)markdownOwner["contents"]!["value"]);
        Assert.Null(nothing["result"]);
    }

    // ---- configuration ---------------------------------------------------------------------------------

    [Fact]
    public void A_broken_lint_configuration_is_reported_on_the_document_and_in_the_configuration_file()
    {
        string folder = Directory.CreateTempSubdirectory("bp-lsp-config-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, ".blueprintlint.yaml"), "rules:\n  BP109: of\n");
            string uri = new Uri(Path.Combine(folder, "coffee.blueprint.yaml")).AbsoluteUri;
            string configUri = new Uri(Path.Combine(folder, ".blueprintlint.yaml")).AbsoluteUri;
            var run = new LspSession().Initialize().Open(uri, Yaml).Run(folder);

            var onDocument = run.Published(uri).Single();
            Assert.Contains(onDocument, d => ((string?)d!["message"])!.Contains("lint configuration", StringComparison.Ordinal));
            var inConfig = run.Published(configUri).Single();
            var problem = Assert.Single(inConfig);
            Assert.Equal(1, (int)problem!["range"]!["start"]!["line"]!);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // ---- Markdown: outline and findings ------------------------------------------------------------------

    [Fact]
    public void A_Markdown_blueprint_has_its_outline_and_a_broken_link_in_it_is_underlined_at_the_link()
    {
        string broken = Markdown.Replace("(#till)", "(#tills)", StringComparison.Ordinal);
        var session = new LspSession().Initialize().Open(MarkdownUri, broken);
        int symbols = session.Request("textDocument/documentSymbol", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = MarkdownUri } });
        var run = session.Run();

        string Names(JsonNode? symbol) => $"{symbol!["name"]}({string.Join(",", (symbol["children"]?.AsArray() ?? []).Select(Names))})";
        Assert.Equal(["Order(Queue(Waits in line(),Board()),Pay now(Pays back to the queue(),Till()))"], run.Response(symbols)["result"]!.AsArray().Select(Names));
        var finding = run.Published(MarkdownUri).Single().Single(d => (string?)d!["code"] == "BP005")!;
        Assert.Equal("[to the till](#tills)", Covered(broken, finding["range"]));
        Assert.Contains("did you mean `till`", (string?)finding["message"]);
    }

    [Fact]
    public void A_lint_configuration_created_while_a_document_is_open_applies_to_it_when_the_client_says_so()
    {
        string folder = Directory.CreateTempSubdirectory("bp-lsp-watch-").FullName;
        try
        {
            string uri = new Uri(Path.Combine(folder, "coffee.blueprint.yaml")).AbsoluteUri;
            string noGoal = Yaml.Replace("goal: Shorter queue\n", "", StringComparison.Ordinal);
            using var server = new LiveServer(folder);
            server.Send(LspSession.Message("initialize", 1, new JsonObject { ["capabilities"] = new JsonObject() }));
            server.Send(LspSession.Message("textDocument/didOpen", null, new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "yaml", ["version"] = 1, ["text"] = noGoal },
            }));
            Assert.Contains(server.NextDiagnostics(uri), d => (string?)d!["code"] == "BP107");

            string config = Path.Combine(folder, ".blueprintlint.yaml");
            File.WriteAllText(config, "rules:\n  no-goal: off\n");
            server.Send(LspSession.Message("workspace/didChangeWatchedFiles", null, new JsonObject
            {
                ["changes"] = new JsonArray(new JsonObject { ["uri"] = new Uri(config).AbsoluteUri, ["type"] = 1 }),
            }));

            Assert.DoesNotContain(server.NextDiagnostics(uri), d => (string?)d!["code"] == "BP107");
            Assert.Equal(0, server.ShutDown());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// The server on a thread of its own, over pipes, answering each message as it is sent; a thread of the test reads
    /// what it writes. Disposing ends the server (exit, then the end of its input) and then the reading.
    /// </summary>
    private sealed class LiveServer : IDisposable
    {
        private readonly System.IO.Pipes.AnonymousPipeServerStream input = new(System.IO.Pipes.PipeDirection.Out);
        private readonly System.IO.Pipes.AnonymousPipeServerStream output = new(System.IO.Pipes.PipeDirection.In);
        private readonly System.IO.Pipes.AnonymousPipeClientStream serverIn, serverOut;
        private readonly System.Collections.Concurrent.BlockingCollection<JsonObject> replies = [];
        private readonly Thread reader;
        private readonly Task<int> running;

        public LiveServer(string folder)
        {
            serverIn = new(System.IO.Pipes.PipeDirection.In, input.ClientSafePipeHandle);
            serverOut = new(System.IO.Pipes.PipeDirection.Out, output.ClientSafePipeHandle);
            running = Task.Run(() => LanguageServer.Run(serverIn, serverOut, TextWriter.Null, folder));
            var rpc = new JsonRpcStream(output, Stream.Null);
            reader = new Thread(() =>
            {
                while (rpc.Read() is { Json: JsonObject m }) replies.Add(m);
                replies.CompleteAdding();
            }) { IsBackground = true };
            reader.Start();
        }

        public void Send(JsonObject message)
        {
            byte[] body = System.Text.Encoding.UTF8.GetBytes(message.ToJsonString());
            input.Write(System.Text.Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"));
            input.Write(body);
            input.Flush();
        }

        /// <summary>The diagnostics of the next publication for <paramref name="uri"/> (within 30 s).</summary>
        public JsonArray NextDiagnostics(string uri)
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (replies.TryTake(out var m, Math.Max(0, (int)(deadline - DateTime.UtcNow).TotalMilliseconds)))
                if ((string?)m["method"] == "textDocument/publishDiagnostics" && (string?)m["params"]!["uri"] == uri) return m["params"]!["diagnostics"]!.AsArray();
            throw new Xunit.Sdk.XunitException($"no diagnostics for {uri} within 30 s");
        }

        public int ShutDown()
        {
            Send(LspSession.Message("shutdown", 99, null));
            Send(LspSession.Message("exit", null, null));
            Assert.True(running.Wait(TimeSpan.FromSeconds(30)), "the server did not end after exit");
            return running.Result;
        }

        public void Dispose()
        {
            input.Dispose();                        // the server's input ends, so it does too
            running.Wait(TimeSpan.FromSeconds(10));
            serverOut.Dispose();                    // and so does what the reading thread reads
            reader.Join(TimeSpan.FromSeconds(10));
            output.Dispose();
            serverIn.Dispose();
        }
    }
}
