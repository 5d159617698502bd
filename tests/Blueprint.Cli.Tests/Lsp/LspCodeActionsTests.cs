using System.Text.Json.Nodes;
using Blueprint.Cli.Lsp;

namespace Blueprint.Cli.Tests.Lsp;

/// <summary>
/// Quick fixes (textDocument/codeAction) for BP002, BP005, BP111, BP105 and BP007, in YAML and Markdown: each is
/// asked for where its finding is, and its edit is applied to the text and the result read and checked again.
/// </summary>
public sealed class LspCodeActionsTests
{
    private const string YamlUri = "file:///project/coffee.blueprint.yaml";
    private const string MarkdownUri = "file:///project/coffee.blueprint.md";

    /// <summary>Two steps, `queue` and `pay`; <c>{0}</c> is more of the queue step, <c>{1}</c> more of the pay step.</summary>
    private static string Yaml(string queue = "", string pay = "") => $"""
        blueprint: Coffee
        goal: Shorter queue
        scenario: A commuter buys a coffee
        scenes:
          - scene: Order
            steps:
              - step: Queue
                id: queue
                customer: Waits in line
                touchpoint: Menu board
        {queue}      - step: Pay
                id: pay
                customer: Pays
                touchpoint: Till
        {pay}
        """.Replace("\r\n", "\n");

    private static string Markdown(string queue = "", string pay = "") => $"""
        ---
        goal: Shorter queue
        ---
        # Coffee

        A commuter buys a coffee.

        ## Order

        ### Queue

        - Customer: Waits in line
        - Touchpoint: Menu board
        {queue}
        ### Pay

        - Customer: Pays
        - Touchpoint: Till
        {pay}
        """.Replace("\r\n", "\n");

    /// <summary>The code actions the server offers at the first occurrence of <paramref name="at"/> (its first character, plus <paramref name="shift"/>).</summary>
    private static JsonArray ActionsAt(string uri, string text, string at, int shift = 0, JsonNode? only = null)
    {
        var (line, character) = Find(text, at);
        var position = new JsonObject { ["line"] = line, ["character"] = character + shift };
        var session = new LspSession().Initialize().Open(uri, text);
        var context = new JsonObject { ["diagnostics"] = new JsonArray() };
        if (only is not null) context["only"] = only;
        int id = session.Request("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri },
            ["range"] = new JsonObject { ["start"] = position.DeepClone(), ["end"] = position.DeepClone() },
            ["context"] = context,
        });
        return session.Run().Response(id)["result"]!.AsArray();
    }

    private static (int Line, int Character) Find(string text, string word)
    {
        var lines = text.Split('\n');
        int line = Array.FindIndex(lines, l => l.Contains(word, StringComparison.Ordinal));
        Assert.True(line >= 0, $"`{word}` is not in the text");
        return (line, lines[line].IndexOf(word, StringComparison.Ordinal));
    }

    /// <summary>The action's edits applied to the text (last first, so earlier offsets hold).</summary>
    private static List<string> Codes(string uri, string text) =>
        OpenDocument.Analyze(uri, 1, text, Directory.GetCurrentDirectory()).Findings.Select(f => f.Id).ToList();

    /// <summary>
    /// The one action offered at <paramref name="at"/>: a preferred quick fix for <paramref name="code"/>; applied, it
    /// leaves a text that reads without that finding and without a new reading error. Returns the fixed text.
    /// </summary>
    private static string FixOnce(string uri, string text, string at, string code, int shift = 0)
    {
        Assert.Contains(code, Codes(uri, text));
        var action = Assert.Single(ActionsAt(uri, text, at, shift))!;
        Assert.Equal("quickfix", (string?)action["kind"]);
        Assert.True((bool?)action["isPreferred"]);
        Assert.Contains(action["diagnostics"]!.AsArray(), d => (string?)d!["code"] == code);

        string fixedText = LspSession.Applied(text, uri, action["edit"]);
        var before = Codes(uri, text);
        var after = Codes(uri, fixedText);
        Assert.DoesNotContain(code, after);
        foreach (var reading in new[] { "BP001", "BP002", "BP003" })
            Assert.True(after.Count(c => c == reading) <= before.Count(c => c == reading) - (reading == code ? 1 : 0), $"{reading} after the fix:\n{fixedText}");
        return fixedText;
    }

    // ---- BP002 -----------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("        frontsage: Barista greets\n", "frontsage", "        frontstage: Barista greets\n")]
    [InlineData("        backstage: { text: Grinds beans, ownr: Barista }\n", "ownr", "        backstage: { text: Grinds beans, owner: Barista }\n")]
    [InlineData("        \"duraton\": 2m\n", "duraton", "        duration: 2m\n")]
    public void Yaml_unknown_key_is_replaced_by_the_suggested_one(string line, string typo, string expected)
    {
        string text = Yaml(queue: line);
        string fixedText = FixOnce(YamlUri, text, typo, "BP002");
        Assert.Equal(Yaml(queue: expected), fixedText);
    }

    [Fact]
    public void Yaml_unknown_top_level_key_and_its_title()
    {
        string text = Yaml().Replace("goal: Shorter queue", "gaol: Shorter queue");
        var action = ActionsAt(YamlUri, text, "gaol").Single()!;
        Assert.Equal("Change `gaol` to `goal`", (string?)action["title"]);
        Assert.Equal(Yaml(), FixOnce(YamlUri, text, "gaol", "BP002"));
    }

    [Fact]
    public void Yaml_unknown_key_without_a_suggestion_gets_no_fix()
    {
        string text = Yaml(queue: "        zzzzzzzzzz: what\n");
        Assert.Contains("BP002", Codes(YamlUri, text));
        Assert.Empty(ActionsAt(YamlUri, text, "zzzzzzzzzz"));
    }

    // ---- BP005 -----------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("to: [pya]", "pya", "to: [pay]")]
    [InlineData("to: [pya.touchpoint]", "pya", "to: [pay.touchpoint]")]                     // the lane part kept
    [InlineData("to: [pay.touchpoint, qeue]", "qeue", "to: [pay.touchpoint, queue]")]
    [InlineData("to: [{ ref: pya, label: next }]", "pya", "to: [{ ref: pay, label: next }]")]
    [InlineData("to: [\"pya\"]", "pya", "to: [\"pay\"]")]                                  // quotes kept
    public void Yaml_broken_reference_is_replaced_by_the_nearest_id(string to, string typo, string expected)
    {
        string card = "        frontstage:\n          text: Calls the next one\n          {0}\n";
        string text = Yaml(queue: string.Format(card, to));
        string fixedText = FixOnce(YamlUri, text, typo, "BP005");
        Assert.Equal(Yaml(queue: string.Format(card, expected)), fixedText);
    }

    [Fact]
    public void Yaml_broken_reference_in_a_block_list()
    {
        string text = Yaml(queue: "        frontstage:\n          text: Calls the next one\n          to:\n            - pya\n");
        Assert.Contains("            - pay\n", FixOnce(YamlUri, text, "pya", "BP005"));
    }

    [Fact]
    public void Yaml_broken_reference_after_emoji_and_CJK_is_replaced_at_its_UTF16_range()
    {
        string text = Yaml(queue: "        frontstage: { text: \"😀 排队 calls\", to: [pya] }\n");
        Assert.Equal(Yaml(queue: "        frontstage: { text: \"😀 排队 calls\", to: [pay] }\n"), FixOnce(YamlUri, text, "pya", "BP005"));
    }

    [Fact]
    public void Yaml_broken_reference_far_from_any_id_gets_no_fix()
    {
        string text = Yaml(queue: "        frontstage: { text: Calls, to: [nothing-like-it] }\n");
        Assert.Contains("BP005", Codes(YamlUri, text));
        Assert.Empty(ActionsAt(YamlUri, text, "nothing-like-it"));
    }

    // ---- BP111 -----------------------------------------------------------------------------------------------

    [Fact]
    public void Yaml_unowned_fail_point_gets_an_owner_line_after_its_fail_line()
    {
        string text = Yaml(queue: "        backstage:\n          text: Grinds beans\n          fail: Grinder jams # often\n          note: Twice a day\n");
        string fixedText = FixOnce(YamlUri, text, "text: Grinds", "BP111");
        Assert.Equal(Yaml(queue: "        backstage:\n          text: Grinds beans\n          fail: Grinder jams # often\n          owner: TODO\n          note: Twice a day\n"), fixedText);
    }

    [Fact]
    public void Yaml_owner_line_goes_after_a_fail_text_of_several_lines()
    {
        string text = Yaml(queue: "        backstage:\n          text: Grinds beans\n          fail: |\n            Grinder jams\n\n            twice a day\n          note: Old grinder\n");
        Assert.Equal(
            Yaml(queue: "        backstage:\n          text: Grinds beans\n          fail: |\n            Grinder jams\n\n            twice a day\n          owner: TODO\n          note: Old grinder\n"),
            FixOnce(YamlUri, text, "text: Grinds", "BP111"));
    }

    [Fact]
    public void Yaml_owner_line_keeps_the_files_CRLF_line_ends()
    {
        string text = Yaml(queue: "        backstage:\n          text: Grinds beans\n          fail: Grinder jams\n").Replace("\n", "\r\n");
        Assert.Contains("          fail: Grinder jams\r\n          owner: TODO\r\n", FixOnce(YamlUri, text, "text: Grinds", "BP111"));
    }

    [Fact]
    public void Yaml_unowned_fail_point_in_a_list_of_cards_and_a_flow_card()
    {
        string listed = Yaml(queue: "        backstage:\n          - text: Grinds beans\n            fail: Grinder jams\n");
        Assert.Contains("            fail: Grinder jams\n            owner: TODO\n", FixOnce(YamlUri, listed, "text: Grinds", "BP111"));

        string flow = Yaml(queue: "        backstage: { text: Grinds beans, fail: Grinder jams }\n");
        Assert.Contains("{ text: Grinds beans, fail: Grinder jams, owner: TODO }", FixOnce(YamlUri, flow, "{ text", "BP111"));
    }

    [Fact]
    public void Yaml_owned_fail_point_or_an_empty_owner_gets_no_owner_fix()
    {
        string owned = Yaml(queue: "        backstage: { text: Grinds beans, fail: Grinder jams, owner: Barista }\n");
        Assert.DoesNotContain("BP111", Codes(YamlUri, owned));
        Assert.Empty(ActionsAt(YamlUri, owned, "{ text"));

        // An empty owner is BP003's to fix: a second `owner:` would be a duplicate key.
        string empty = Yaml(queue: "        backstage: { text: Grinds beans, fail: Grinder jams, owner: \"\" }\n");
        Assert.Contains("BP111", Codes(YamlUri, empty));
        Assert.DoesNotContain(ActionsAt(YamlUri, empty, "{ text"), a => ((string)a!["title"]!).Contains("owner", StringComparison.Ordinal));
    }

    // ---- BP105 -----------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("to: [queue.touchpoint]", "to: [{ ref: queue.touchpoint, loop: true }]")]
    [InlineData("to: queue.touchpoint", "to: { ref: queue.touchpoint, loop: true }")]
    [InlineData("to: [{ ref: queue.touchpoint, label: again }]", "to: [{ ref: queue.touchpoint, loop: true, label: again }]")]
    [InlineData("to: [{ ref: queue.touchpoint, loop: false }]", "to: [{ ref: queue.touchpoint, loop: true }]")]
    public void Yaml_backward_link_is_marked_loop_true(string to, string expected)
    {
        string card = "        frontstage:\n          text: Sends back to the board\n          {0}\n";
        string text = Yaml(pay: string.Format(card, to));
        string fixedText = FixOnce(YamlUri, text, "queue.touchpoint", "BP105");
        Assert.Equal(Yaml(pay: string.Format(card, expected)), fixedText);
    }

    [Fact]
    public void Yaml_backward_link_in_a_block_list_and_a_block_mapping()
    {
        string plain = Yaml(pay: "        frontstage:\n          text: Sends back\n          to:\n            - queue.touchpoint\n");
        Assert.Contains("            - { ref: queue.touchpoint, loop: true }\n", FixOnce(YamlUri, plain, "queue.touchpoint", "BP105"));

        string mapping = Yaml(pay: "        frontstage:\n          text: Sends back\n          to:\n            - ref: queue.touchpoint\n              label: again\n");
        Assert.Contains("            - ref: queue.touchpoint\n              loop: true\n              label: again\n", FixOnce(YamlUri, mapping, "queue.touchpoint", "BP105"));
    }

    [Fact]
    public void A_forward_arrow_gets_no_loop_fix()
    {
        string text = Yaml(queue: "        frontstage: { text: Calls, to: [pay.touchpoint] }\n");
        Assert.Empty(ActionsAt(YamlUri, text, "pay.touchpoint"));
    }

    // ---- BP007 -----------------------------------------------------------------------------------------------

    [Fact]
    public void Yaml_cycle_through_the_journey_line_is_one_fix_with_the_backward_link()
    {
        // pay's customer points back to queue's: with the journey line (queue -> pay) that is a cycle, and a backward link.
        string text = Yaml().Replace("customer: Pays", "customer: { text: Pays, to: [queue] }");
        var codes = Codes(YamlUri, text);
        Assert.Contains("BP007", codes);
        Assert.Contains("BP105", codes);

        var action = Assert.Single(ActionsAt(YamlUri, text, "[queue]", shift: 1))!;
        Assert.Equal(["BP007", "BP105"], action["diagnostics"]!.AsArray().Select(d => (string)d!["code"]!).Order(StringComparer.Ordinal));
        string fixedText = LspSession.Applied(text, YamlUri, action["edit"]);
        Assert.Contains("customer: { text: Pays, to: [{ ref: queue, loop: true }] }", fixedText);
        Assert.DoesNotContain("BP007", Codes(YamlUri, fixedText));
        Assert.DoesNotContain("BP105", Codes(YamlUri, fixedText));
    }

    [Fact]
    public void Yaml_cycle_reported_at_a_forward_arrow_marks_the_arrow_that_goes_back()
    {
        // Reported at the first arrow of the file (queue's, forward); the fix is on pay's arrow, which goes back.
        string text = Yaml(
            queue: "        frontstage: { text: Calls, to: [pay.frontstage] }\n",
            pay: "        frontstage: { text: Hands over, to: [queue.frontstage] }\n");
        var action = Assert.Single(ActionsAt(YamlUri, text, "pay.frontstage"))!;
        Assert.Equal("BP007", (string?)Assert.Single(action["diagnostics"]!.AsArray())!["code"]);
        Assert.Contains("pay.frontstage", (string?)action["title"]);
        Assert.True((bool?)action["isPreferred"]);

        string fixedText = LspSession.Applied(text, YamlUri, action["edit"]);
        Assert.Contains("to: [{ ref: queue.frontstage, loop: true }]", fixedText);
        Assert.Contains("to: [pay.frontstage]", fixedText);
        var after = Codes(YamlUri, fixedText);
        Assert.DoesNotContain("BP007", after);
        Assert.DoesNotContain("BP001", after);
    }

    [Fact]
    public void Yaml_cycle_inside_one_step_marks_the_arrow_it_is_reported_at()
    {
        string text = Yaml(queue: "        frontstage: { text: Calls, to: [queue.backstage] }\n        backstage: { text: Notes, to: [queue.frontstage] }\n");
        Assert.Contains("BP007", Codes(YamlUri, text));
        string fixedText = FixOnce(YamlUri, text, "queue.backstage", "BP007");
        Assert.Contains("to: [{ ref: queue.backstage, loop: true }]", fixedText);
    }

    // ---- requests ----------------------------------------------------------------------------------------------

    [Fact]
    public void Initialize_announces_quick_fixes()
    {
        var session = new LspSession();
        int id = session.Request("initialize", new JsonObject { ["capabilities"] = new JsonObject() });
        var capabilities = session.Run().Response(id)["result"]!["capabilities"]!;
        Assert.Equal(["quickfix"], capabilities["codeActionProvider"]!["codeActionKinds"]!.AsArray().Select(k => (string)k!));
    }

    [Fact]
    public void No_action_where_there_is_no_finding_and_none_when_only_other_kinds_are_asked_for()
    {
        string text = Yaml(queue: "        frontsage: Barista greets\n");
        Assert.Empty(ActionsAt(YamlUri, text, "blueprint: Coffee"));
        Assert.Empty(ActionsAt(YamlUri, text, "frontsage", only: new JsonArray("refactor")));
        Assert.Single(ActionsAt(YamlUri, text, "frontsage", only: new JsonArray("quickfix")));
        // The cursor at the end of the underlined word still counts.
        Assert.Single(ActionsAt(YamlUri, text, "frontsage", shift: "frontsage".Length));
    }

    [Fact]
    public void Two_findings_on_one_line_each_get_their_own_fix_where_they_are()
    {
        string text = Yaml(queue: "        frontstage: { text: Calls, to: [pya, qeue] }\n");
        Assert.Equal("Change `pya` to `pay`", (string?)Assert.Single(ActionsAt(YamlUri, text, "pya"))!["title"]);
        Assert.Equal("Change `qeue` to `queue`", (string?)Assert.Single(ActionsAt(YamlUri, text, "qeue"))!["title"]);
    }

    [Fact]
    public void An_action_names_the_diagnostic_as_it_was_published()
    {
        string text = Yaml(queue: "        frontsage: Barista greets\n");
        var session = new LspSession().Initialize().Open(YamlUri, text);
        var (line, character) = Find(text, "frontsage");
        var position = new JsonObject { ["line"] = line, ["character"] = character };
        int id = session.Request("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = YamlUri },
            ["range"] = new JsonObject { ["start"] = position, ["end"] = position.DeepClone() },
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray() },
        });
        var run = session.Run();
        var published = run.Published(YamlUri).Single().Single(d => (string?)d!["code"] == "BP002")!;
        var named = run.Response(id)["result"]![0]!["diagnostics"]![0]!;
        Assert.True(JsonNode.DeepEquals(published, named));
    }

    [Fact]
    public void A_code_action_request_for_a_document_not_open_is_invalid_params()
    {
        var session = new LspSession().Initialize();
        int id = session.Request("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = YamlUri },
            ["range"] = new JsonObject { ["start"] = new JsonObject { ["line"] = 0, ["character"] = 0 }, ["end"] = new JsonObject { ["line"] = 0, ["character"] = 0 } },
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray() },
        });
        Assert.Equal(-32602, (int)session.Run().Response(id)["error"]!["code"]!);
    }

    // ---- Markdown ----------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("- Frontsage: Barista greets\n", "Frontsage", "- Frontstage: Barista greets\n")]
    [InlineData("- frontsage: Barista greets\n", "frontsage", "- frontstage: Barista greets\n")]
    [InlineData("- FRONTSAGE: Barista greets\n", "FRONTSAGE", "- FRONTSTAGE: Barista greets\n")]
    [InlineData("- Backstage: Grinds beans\n  - Ownr: Barista\n", "Ownr", "- Backstage: Grinds beans\n  - Owner: Barista\n")]
    [InlineData("* Duraton: 2m\n", "Duraton", "* Duration: 2m\n")]
    public void Markdown_unknown_label_is_replaced_in_its_own_case(string item, string typo, string expected)
    {
        string text = Markdown(queue: item);
        Assert.Equal(Markdown(queue: expected), FixOnce(MarkdownUri, text, typo, "BP002"));
        // The finding underlines the item's bullet: the fix is offered there too.
        Assert.Single(ActionsAt(MarkdownUri, text, typo, shift: -2));
    }

    [Fact]
    public void Markdown_unknown_row_label_and_front_matter_key()
    {
        string table = Markdown(pay: "\n## Leave\n\n| | Go |\n|---|---|\n| Custmer | Leaves |\n");
        Assert.Contains("| Customer | Leaves |", FixOnce(MarkdownUri, table, "Custmer", "BP002"));

        string frontMatter = Markdown().Replace("goal: Shorter queue", "gaol: Shorter queue");
        Assert.Equal(Markdown(), FixOnce(MarkdownUri, frontMatter, "gaol", "BP002"));
    }

    [Fact]
    public void Markdown_unknown_label_without_a_suggestion_gets_no_fix()
    {
        string text = Markdown(queue: "- Zzzzzzzzzz: what\n");
        Assert.Contains("BP002", Codes(MarkdownUri, text));
        Assert.Empty(ActionsAt(MarkdownUri, text, "Zzzzzzzzzz"));
    }

    [Theory]
    [InlineData("- Frontstage: Calls -> [next](#pya)\n", "- Frontstage: Calls -> [next](#pay)\n")]
    [InlineData("- Frontstage: Calls -> [next](#pya.touchpoint)\n", "- Frontstage: Calls -> [next](#pay.touchpoint)\n")]
    [InlineData("- Frontstage: Calls -> [pya](#pya)\n", "- Frontstage: Calls -> [pay](#pay)\n")] // the link's text is its target: both change
    [InlineData("- Frontstage: Calls [the till](#pya) now\n", "- Frontstage: Calls [the till](#pay) now\n")]
    public void Markdown_broken_link_is_replaced_by_the_nearest_id(string item, string expected)
    {
        string text = Markdown(queue: item);
        Assert.Equal(Markdown(queue: expected), FixOnce(MarkdownUri, text, "[", "BP005"));
    }

    [Fact]
    public void Markdown_broken_link_far_from_any_id_gets_no_fix()
    {
        string text = Markdown(queue: "- Frontstage: Calls -> [x](#nothing-like-it)\n");
        Assert.Contains("BP005", Codes(MarkdownUri, text));
        Assert.Empty(ActionsAt(MarkdownUri, text, "[x]"));
    }

    [Fact]
    public void Markdown_unowned_fail_point_gets_an_owner_item_in_its_nested_list()
    {
        string text = Markdown(queue: "- Backstage: Grinds beans\n    * Fail: Grinder jams\n    * Note: Twice a day\n");
        string fixedText = FixOnce(MarkdownUri, text, "Grinds beans", "BP111");
        Assert.Equal(Markdown(queue: "- Backstage: Grinds beans\n    * Fail: Grinder jams\n    * Note: Twice a day\n    * Owner: TODO\n"), fixedText);
    }

    [Fact]
    public void Markdown_unowned_fail_point_in_the_blueprints_language_gets_that_languages_label()
    {
        string text = Markdown(queue: "- Backstage: Maalt bonen\n  - Faalpunt: Molen loopt vast\n").Replace("goal: Shorter queue", "goal: Shorter queue\nlang: nl");
        Assert.Contains("  - Faalpunt: Molen loopt vast\n  - Eigenaar: TODO\n", FixOnce(MarkdownUri, text, "Maalt bonen", "BP111"));
    }

    [Theory]
    [InlineData("- Frontstage: Sends back -> [board](#queue.touchpoint)\n", "- Frontstage: Sends back -> [board](#queue.touchpoint \"loop\")\n")]
    [InlineData("- Frontstage: Sends back -> [board](<#queue.touchpoint> \"again\")\n", "- Frontstage: Sends back -> [board](<#queue.touchpoint> \"loop\")\n")]
    public void Markdown_backward_link_gets_the_title_loop(string item, string expected)
    {
        string text = Markdown(pay: item);
        Assert.Equal(Markdown(pay: expected), FixOnce(MarkdownUri, text, "[board]", "BP105"));
    }

    [Fact]
    public void Markdown_cycle_reported_at_a_forward_link_marks_the_link_that_goes_back()
    {
        string text = Markdown(
            queue: "- Frontstage: Calls -> [pay](#pay.frontstage)\n",
            pay: "- Frontstage: Hands over -> [back](#queue.frontstage)\n");
        Assert.Contains("BP007", Codes(MarkdownUri, text));
        var action = Assert.Single(ActionsAt(MarkdownUri, text, "[pay]"))!;
        string fixedText = LspSession.Applied(text, MarkdownUri, action["edit"]);
        Assert.Contains("[back](#queue.frontstage \"loop\")", fixedText);
        var after = Codes(MarkdownUri, fixedText);
        Assert.DoesNotContain("BP007", after);
        Assert.DoesNotContain("BP003", after);
    }
}
