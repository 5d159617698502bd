using System.Text.Json.Nodes;
using Blueprint.Cli.Lsp;
using Blueprint.Cli.Output;

namespace Blueprint.Cli.Tests.Lsp;

/// <summary>The language server driven in-process over in-memory streams, as an editor would drive it.</summary>
public sealed class LanguageServerTests
{
    private const string Uri = "file:///project/coffee.blueprint.yaml";

    /// <summary>A card text with an emoji (two UTF-16 units, one code point) and CJK before a broken reference on the same line.</summary>
    private const string BrokenLink = """
        blueprint: Coffee
        goal: Shorter queue
        scenario: A commuter buys a coffee
        scenes:
          - scene: Order
            steps:
              - step: Queue
                id: queue
                customer: {text: "😀 排队 waits", to: [nope]}
                touchpoint: Menu board
        """;

    private static (int Line, int Character) Find(string text, string word)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        int line = Array.FindIndex(lines, l => l.Contains(word, StringComparison.Ordinal));
        return (line, lines[line].IndexOf(word, StringComparison.Ordinal)); // .NET strings index UTF-16 code units, as LSP counts
    }

    private static JsonObject Document() => new() { ["textDocument"] = new JsonObject { ["uri"] = Uri } };

    private static JsonObject Only(JsonArray diagnostics, string code) =>
        Assert.Single(diagnostics.Select(d => d!.AsObject()), d => (string?)d["code"] == code);

    private static (int, int, int, int) RangeOf(JsonNode diagnostic)
    {
        var r = diagnostic["range"]!;
        return ((int)r["start"]!["line"]!, (int)r["start"]!["character"]!, (int)r["end"]!["line"]!, (int)r["end"]!["character"]!);
    }

    [Fact]
    public void Initialize_announces_incremental_sync_and_only_the_features_that_exist()
    {
        var session = new LspSession();
        int id = session.Request("initialize", new JsonObject { ["capabilities"] = new JsonObject() });
        var caps = session.Run().Response(id)["result"]!["capabilities"]!.AsObject();

        Assert.Equal(2, (int)caps["textDocumentSync"]!["change"]!);
        Assert.True((bool)caps["textDocumentSync"]!["openClose"]!);
        Assert.Equal("utf-16", (string?)caps["positionEncoding"]);
        Assert.Equal(["codeActionProvider", "completionProvider", "definitionProvider", "documentSymbolProvider", "hoverProvider", "positionEncoding", "referencesProvider", "renameProvider", "textDocumentSync"],
            caps.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.True((bool)caps["renameProvider"]!["prepareProvider"]!);
    }

    [Fact]
    public void A_broken_link_after_emoji_and_CJK_is_published_at_its_UTF16_range_with_the_rule_id_and_page()
    {
        var run = new LspSession().Initialize().Open(Uri, BrokenLink).Run();

        var diagnostic = Only(run.Published(Uri).Single(), "BP005");
        var (line, character) = Find(BrokenLink, "nope");
        Assert.Equal((line, character, line, character + "nope".Length), RangeOf(diagnostic));
        Assert.Equal(1, (int)diagnostic["severity"]!);
        Assert.Equal("blueprint", (string?)diagnostic["source"]);
        Assert.Equal(RuleDocs.HelpUri("BP005"), (string?)diagnostic["codeDescription"]!["href"]);
        Assert.EndsWith("/docs/rules/BP005.md", (string?)diagnostic["codeDescription"]!["href"]);
        Assert.Contains("`nope`", (string?)diagnostic["message"]);
    }

    [Fact]
    public void A_Markdown_link_after_emoji_and_CJK_is_published_at_its_UTF16_position()
    {
        const string uri = "file:///project/visit.blueprint.md";
        const string text = "---\ngoal: g\n---\n# Visit\n\nA visit.\n\n## Arrival\n\n### Enter\n\n- Customer: 😀 漢字 walks in -> [x](#nope)\n- Touchpoint: Door\n";
        var run = new LspSession().Initialize().Open(uri, text).Run();

        var (line, character) = Find(text, "[x](#nope)");
        Assert.Equal((line, character, line, character + "[x](#nope)".Length), RangeOf(Only(run.Published(uri).Single(), "BP005")));
    }

    [Fact]
    public void The_findings_are_those_lint_gives_for_the_same_file()
    {
        using var dir = new TempFolder();
        string path = dir.Write("coffee.blueprint.yaml", BrokenLink);
        var lint = CliRun.Run(dir.Path, null, "lint", "--format", "json", "coffee.blueprint.yaml");
        var expected = JsonNode.Parse(lint.Out)!.AsArray().Select(f => ((string)f!["id"]!, (int)f["line"]! - 1, (int)f["column"]! - 1)).ToList();

        string uri = new System.Uri(path).AbsoluteUri;
        var published = new LspSession().Initialize().Open(uri, BrokenLink).Run(dir.Path).Published(uri).Single();
        var actual = published.Select(d => ((string)d!["code"]!, RangeOf(d).Item1, RangeOf(d).Item2)).ToList();

        Assert.True(expected.Count > 1, lint.Out);
        Assert.Equal(expected.Order(), actual.Order());
    }

    [Fact]
    public void The_nearest_blueprintlint_yaml_from_the_documents_folder_sets_severities()
    {
        using var dir = new TempFolder();
        const string noGoal = "blueprint: Coffee\nscenario: s\nscenes:\n  - scene: Order\n    steps:\n      - step: Queue\n        customer: Waits\n        touchpoint: Board\n";
        dir.Write("team/.blueprintlint.yaml", "rules: { no-goal: off, missing-layer: error }\n");
        string configured = new System.Uri(dir.Write("team/sub/a.blueprint.yaml", noGoal)).AbsoluteUri;
        string plain = new System.Uri(dir.Write("other/a.blueprint.yaml", noGoal)).AbsoluteUri;

        var run = new LspSession().Initialize().Open(configured, noGoal).Open(plain, noGoal).Run(dir.Path);

        Assert.DoesNotContain(run.Published(configured).Single(), d => (string?)d!["code"] == "BP107");
        Assert.All(run.Published(configured).Single().Where(d => (string?)d!["code"] == "BP101"), d => Assert.Equal(1, (int)d!["severity"]!));
        Assert.Equal(2, (int)Only(run.Published(plain).Single(), "BP107")["severity"]!);
    }

    [Fact]
    public void The_files_own_lint_disable_applies()
    {
        const string disabled = "blueprint: Coffee\nscenario: s\nlint: { disable: [no-goal] }\nscenes:\n  - scene: Order\n    steps:\n      - step: Queue\n        customer: Waits\n        touchpoint: Board\n";
        var published = new LspSession().Initialize().Open(Uri, disabled).Open("file:///project/other.blueprint.yaml", disabled.Replace("lint: { disable: [no-goal] }\n", "")).Run();

        Assert.DoesNotContain(published.Published(Uri).Single(), d => (string?)d!["code"] == "BP107");
        Assert.Contains(published.Published("file:///project/other.blueprint.yaml").Single(), d => (string?)d!["code"] == "BP107");
    }

    [Fact]
    public void An_incremental_change_is_applied_where_it_says_and_the_findings_follow_it()
    {
        var (line, character) = Find(BrokenLink, "nope");
        // A request about the document makes the server check its text first: one publication after each step.
        var session = new LspSession().Initialize().Open(Uri, BrokenLink);
        session.Request("textDocument/documentSymbol", Document());
        session.Change(Uri, 2, line, character, line, character + "nope".Length, "queue"); // now a valid (self) reference: no BP005
        session.Request("textDocument/documentSymbol", Document());
        session.Change(Uri, 3, line, character, line, character, "x");                      // `xqueue`: broken again, one character longer
        var run = session.Run();

        var published = run.Published(Uri);
        Assert.Equal(3, published.Count);
        Assert.DoesNotContain(published[1], d => (string?)d!["code"] == "BP005");
        Assert.Equal((line, character, line, character + "xqueue".Length), RangeOf(Only(published[2], "BP005")));
        Assert.Contains("`xqueue`", (string?)Only(published[2], "BP005")["message"]);
        Assert.Equal(3, (int)run.Messages.Last(m => (string?)m["method"] == "textDocument/publishDiagnostics")["params"]!["version"]!);
    }

    [Fact]
    public void Edits_that_arrive_together_are_checked_once_for_the_newest_text()
    {
        var (line, character) = Find(BrokenLink, "nope");
        var session = new LspSession().Initialize().Open(Uri, BrokenLink);
        for (int version = 2; version <= 51; version++)
            session.Change(Uri, version, line, character, line, character + (version == 2 ? "nope".Length : 1), version % 2 == 0 ? "q" : "n");
        var run = session.Run();

        // Fifty edits were waiting while the first text was checked: they are taken together, not checked one by one.
        var published = run.Published(Uri);
        Assert.InRange(published.Count, 1, 26);
        var last = run.Messages.Last(m => (string?)m["method"] == "textDocument/publishDiagnostics");
        Assert.Equal(51, (int)last["params"]!["version"]!);
        Assert.Contains("`n`", (string?)Only(published[^1], "BP005")["message"]);
    }

    [Fact]
    public void Closing_a_document_clears_its_diagnostics()
    {
        var session = new LspSession().Initialize().Open(Uri, BrokenLink);
        session.Request("textDocument/documentSymbol", Document());
        var published = session.Close(Uri).Run().Published(Uri);

        Assert.Equal(2, published.Count);
        Assert.NotEmpty(published[0]);
        Assert.Empty(published[1]);
    }

    [Theory]
    [InlineData("blueprint: Coffee\nscenes:\n  - scene: Order\n    steps: [\n")]      // an unclosed bracket
    [InlineData("blueprint: Coffee\nscenes:\n  - scene: Order\n    steps:\n      - ste")] // half a key
    [InlineData("")]
    public void A_half_typed_document_gets_diagnostics_and_the_server_answers_afterwards(string text)
    {
        var session = new LspSession().Initialize().Open(Uri, text);
        int symbols = session.Request("textDocument/documentSymbol", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Uri } });
        session.ShutdownAndExit();
        var run = session.Run();

        var diagnostics = run.Published(Uri).Single();
        Assert.Contains(diagnostics, d => (int)d!["severity"]! == 1 && ((string)d["code"]!).StartsWith("BP00", StringComparison.Ordinal));
        Assert.IsType<JsonArray>(run.Response(symbols)["result"]);
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void An_unknown_request_gets_MethodNotFound_and_an_unknown_notification_nothing()
    {
        var session = new LspSession().Initialize();
        session.Notify("workspace/didChangeWatchedFiles", new JsonObject());
        int id = session.Request("textDocument/inlayHint", new JsonObject());
        var run = session.Run();

        Assert.Equal(-32601, (int)run.Response(id)["error"]!["code"]!);
        Assert.Equal(2, run.Messages.Count); // the initialize response and this error
    }

    [Fact]
    public void Malformed_JSON_gets_a_parse_error_and_the_next_request_is_answered()
    {
        var session = new LspSession().Initialize();
        session.Raw("{\"jsonrpc\": \"2.0\", \"id\": 7, \"method\": ");
        int id = session.Request("shutdown");
        var run = session.Run();

        var parseError = run.Messages.Single(m => m["error"] is not null);
        Assert.Equal(-32700, (int)parseError["error"]!["code"]!);
        Assert.Null(parseError["id"]);
        Assert.True(run.Response(id).ContainsKey("result"));
        Assert.Null(run.Response(id)["result"]);
    }

    [Fact]
    public void A_request_before_initialize_is_refused_as_not_initialized()
    {
        var session = new LspSession();
        int id = session.Request("textDocument/documentSymbol", new JsonObject());

        Assert.Equal(-32002, (int)session.Run().Response(id)["error"]!["code"]!);
    }

    [Fact]
    public void Shutdown_then_exit_through_the_command_line_ends_with_0()
    {
        var session = new LspSession().Initialize();
        session.ShutdownAndExit();
        session.Notify("never-read"); // after exit nothing is read
        var stdin = new MemoryStream();
        var stdout = new MemoryStream();
        session.CopyInputTo(stdin);
        var console = new CliConsole(new StringWriter(), new StringWriter(), () => stdin) { OpenStandardOutput = () => stdout };

        int exitCode = BlueprintCli.Run(["lsp", "--stdio"], console);

        Assert.Equal(0, exitCode);
        Assert.Equal(2, LspSession.Parse(stdout.ToArray()).Count); // the initialize and shutdown responses
    }

    [Fact]
    public void Exit_without_shutdown_ends_with_1()
    {
        Assert.Equal(1, new LspSession().Initialize().Notify("exit").Run().ExitCode);
    }

    [Fact]
    public void The_end_of_standard_input_ends_the_server()
    {
        var session = new LspSession();
        int id = session.Request("initialize", new JsonObject { ["capabilities"] = new JsonObject() });
        var run = session.Run(); // the input ends here: the client is gone

        Assert.Equal(1, run.ExitCode);
        Assert.NotNull(run.Response(id)["result"]);
    }
}
