using System.Text.Json.Nodes;

namespace Blueprint.Cli.Tests.Lsp;

/// <summary>Completion: keys where a key goes (by the mapping the cursor is in), ids where a reference goes, lanes, <c>lang</c> values.</summary>
public sealed class LspCompletionTests
{
    private const string YamlUri = "file:///project/coffee.blueprint.yaml";
    private const string MarkdownUri = "file:///project/coffee.blueprint.md";

    private const string Coffee = """
        blueprint: Coffee
        goal: Shorter queue
        lanes: [customer, touchpoint, { id: kitchen, name: Kitchen }]
        scenes:
          - scene: Order
            steps:
              - step: Queue
                customer:
                  text: Waits in line
                  to: [pay]
                touchpoint: Board
              - step: Pay
                id: pay
                customer: Pays
                touchpoint:
                  id: till
                  text: Till
        """;

    /// <summary>The labels offered with the text <paramref name="text"/>, the cursor where <c>|</c> is (the bar is taken out).</summary>
    private static List<string> Labels(string text, string uri = YamlUri) => Items(text, uri).Select(i => (string)i["label"]!).ToList();

    private static List<JsonNode> Items(string text, string uri = YamlUri)
    {
        text = text.ReplaceLineEndings("\n");
        int bar = text.IndexOf('|', StringComparison.Ordinal);
        string before = text[..bar];
        int line = before.Count(c => c == '\n'), character = bar - (before.LastIndexOf('\n') + 1);
        var session = new LspSession().Initialize().Open(uri, text.Remove(bar, 1));
        int id = session.Request("textDocument/completion", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri },
            ["position"] = new JsonObject { ["line"] = line, ["character"] = character },
        });
        var result = session.Run().Response(id)["result"]!;
        return [.. result["items"]!.AsArray().Select(i => i!)];
    }

    private static string With(string insertion, string after) => Coffee.Replace(after, after + insertion, StringComparison.Ordinal);

    [Fact]
    public void In_a_to_list_the_ids_of_steps_and_cards_are_offered()
    {
        var labels = Labels(With(", |", "to: [pay"));

        Assert.Equal(["queue", "pay", "till"], labels);
    }

    [Fact]
    public void After_a_step_id_and_a_dot_its_cells_are_offered_and_the_typed_text_is_replaced()
    {
        var items = Items(With(", pay.|", "to: [pay"));

        Assert.Equal(["pay.customer", "pay.touchpoint"], items.Select(i => (string)i["label"]!));
        var edit = items[0]["textEdit"]!;
        var (line, character) = ((int)edit["range"]!["start"]!["line"]!, (int)edit["range"]!["start"]!["character"]!);
        string lineText = Coffee.ReplaceLineEndings("\n").Split('\n')[line];
        Assert.Equal(lineText.IndexOf("pay]", StringComparison.Ordinal) + "pay, ".Length, character); // from the start of `pay.`
        Assert.Equal("pay.customer", (string?)edit["newText"]);
    }

    [Theory]
    [InlineData("customer: { text: Pays, to: [|] }")]
    [InlineData("customer: { text: Pays, to: [{ ref: queue, label: \"back, again\" }, |] }")]
    [InlineData("customer: { text: Pays, to: | }")]
    public void In_a_card_written_as_a_flow_mapping_the_ids_are_offered_in_its_to(string line)
    {
        Assert.Equal(["queue", "pay", "till"], Labels(Coffee.Replace("customer: Pays", line, StringComparison.Ordinal)));
    }

    [Fact]
    public void After_a_to_list_is_closed_nothing_is_offered()
    {
        Assert.Empty(Labels(Coffee.Replace("customer: Pays", "customer: { text: Pays, to: [queue], | }", StringComparison.Ordinal)));
    }

    [Fact]
    public void In_a_block_list_under_to_and_after_ref_the_ids_are_offered()
    {
        string block = Coffee.Replace("to: [pay]", "to:\n            - |", StringComparison.Ordinal);
        string mapping = Coffee.Replace("to: [pay]", "to:\n            - ref: |", StringComparison.Ordinal);

        Assert.Contains("pay", Labels(block));
        Assert.Contains("till", Labels(mapping));
    }

    [Fact]
    public void Where_a_step_key_goes_the_step_keys_and_every_lane_of_the_blueprint_are_offered_but_not_the_keys_it_has()
    {
        var labels = Labels(Coffee.Replace("        touchpoint: Board\n", "        touchpoint: Board\n        |\n", StringComparison.Ordinal));

        Assert.Contains("duration", labels);
        Assert.Contains("emotion", labels);
        Assert.Contains("kitchen", labels);   // the custom lane
        Assert.DoesNotContain("customer", labels);  // the step has it already
        Assert.DoesNotContain("frontstage", labels); // not a lane this blueprint shows
        Assert.DoesNotContain("step", labels);
        Assert.DoesNotContain("touchpoint", labels);
        Assert.DoesNotContain("text", labels);  // a card key
    }

    [Fact]
    public void A_new_step_entry_gets_step_keys_not_the_keys_of_the_step_before()
    {
        var labels = Labels(Coffee.Replace("      - step: Pay", "      - |\n      - step: Pay", StringComparison.Ordinal));

        Assert.Contains("step", labels);
        Assert.Contains("customer", labels);
    }

    [Fact]
    public void Inside_a_card_the_card_keys_are_offered_and_the_insert_text_is_the_key_and_a_colon()
    {
        var items = Items((Coffee + "\n          ow|"));

        var labels = items.Select(i => (string)i["label"]!).ToList();
        Assert.Equal(["to", "fail", "wait", "pain", "note", "owner", "url"], labels); // text and id are written already
        var owner = items.Single(i => (string?)i["label"] == "owner");
        Assert.Equal("owner: ", (string?)owner["textEdit"]!["newText"]);
        Assert.Equal(2, (int)owner["textEdit"]!["range"]!["end"]!["character"]! - (int)owner["textEdit"]!["range"]!["start"]!["character"]!);
        Assert.Contains("role or team", (string?)owner["documentation"]!["value"]);
    }

    [Fact]
    public void At_the_top_the_document_keys_and_in_a_scene_the_scene_keys()
    {
        Assert.Contains("persona", Labels(Coffee.Replace("goal: Shorter queue\n", "goal: Shorter queue\n|\n", StringComparison.Ordinal)));
        Assert.DoesNotContain("goal", Labels(Coffee.Replace("goal: Shorter queue\n", "goal: Shorter queue\n|\n", StringComparison.Ordinal)));
        Assert.Equal(["id"], Labels(Coffee.Replace("  - scene: Order\n", "  - scene: Order\n    |\n", StringComparison.Ordinal)));
    }

    [Fact]
    public void After_lang_the_languages_are_offered()
    {
        var items = Items(Coffee.Replace("goal: Shorter queue\n", "goal: Shorter queue\nlang: |\n", StringComparison.Ordinal));

        Assert.Equal(["en", "nl", "de", "fr", "es"], items.Select(i => (string)i["label"]!));
        Assert.Contains("dutch", (string?)items[1]["detail"]);
    }

    [Fact]
    public void In_a_value_that_takes_text_nothing_is_offered()
    {
        Assert.Empty(Labels(With("|", "goal: Shorter")));
    }

    [Fact]
    public void While_the_file_cannot_be_read_the_ids_of_the_last_version_that_could_are_offered()
    {
        string broken = With(", |", "to: [pay").Replace("blueprint: Coffee", "blueprint: [Coffee", StringComparison.Ordinal);
        var text = broken.ReplaceLineEndings("\n");
        int bar = text.IndexOf('|', StringComparison.Ordinal);
        string before = text[..bar];
        int line = before.Count(c => c == '\n'), character = bar - (before.LastIndexOf('\n') + 1);

        var session = new LspSession().Initialize().Open(YamlUri, Coffee);
        session.Request("textDocument/documentSymbol", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = YamlUri } });
        session.Notify("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = YamlUri, ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = text.Remove(bar, 1) }),
        });
        int id = session.Request("textDocument/completion", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = YamlUri },
            ["position"] = new JsonObject { ["line"] = line, ["character"] = character },
        });
        var run = session.Run();

        Assert.Contains(run.Published(YamlUri)[^1], d => (string?)d!["code"] == "BP001");
        Assert.Contains("till", run.Response(id)["result"]!["items"]!.AsArray().Select(i => (string)i!["label"]!));
    }

    private const string MarkdownCoffee = """
        # Coffee

        ## Order

        ### Queue

        - Customer: Waits in line -> [pay](#pay)
          - Owner: Guest
        - Touchpoint: Board

        ### Pay {#pay}

        - Customer: Pays
        - Touchpoint: Till {#till}
        """;

    [Fact]
    public void In_Markdown_after_a_links_hash_the_ids_are_offered()
    {
        var labels = Labels(MarkdownCoffee.Replace("-> [pay](#pay)", "-> [pay](#pay) [till](#|)", StringComparison.Ordinal), MarkdownUri);

        Assert.Equal(["queue", "pay", "till"], labels);
    }

    [Fact]
    public void In_Markdown_a_step_item_gets_lane_and_step_labels_and_a_nested_item_card_labels()
    {
        var step = Items(MarkdownCoffee.Replace("- Touchpoint: Board\n", "- Touchpoint: Board\n- Du|\n", StringComparison.Ordinal), MarkdownUri);
        var card = Labels(MarkdownCoffee.Replace("  - Owner: Guest\n", "  - Owner: Guest\n  - |\n", StringComparison.Ordinal), MarkdownUri);

        Assert.Contains("Frontstage", step.Select(i => (string)i["label"]!));
        var duration = step.Single(i => (string?)i["label"] == "Duration");
        Assert.Equal("Duration: ", (string?)duration["textEdit"]!["newText"]);
        Assert.Contains("Fail", card);
        Assert.DoesNotContain("Frontstage", card);
    }

    [Fact]
    public void In_a_Dutch_Markdown_blueprint_the_Dutch_labels_are_offered_too()
    {
        string dutch = MarkdownCoffee.Replace("# Coffee\n", "---\nlang: nl\n---\n# Coffee\n", StringComparison.Ordinal)
            .Replace("- Touchpoint: Board\n", "- Touchpoint: Board\n- |\n", StringComparison.Ordinal);

        var labels = Labels(dutch, MarkdownUri);

        Assert.Contains("Duration", labels);
        Assert.Contains("Duur", labels);
    }

    [Fact]
    public void In_Markdown_front_matter_lang_values_and_document_keys_are_offered()
    {
        string front = "---\nlang: |\n---\n" + MarkdownCoffee;
        string key = "---\ngoal: Faster\n|\n---\n" + MarkdownCoffee;

        Assert.Contains("nl", Labels(front, MarkdownUri));
        Assert.Contains("persona", Labels(key, MarkdownUri));
        Assert.DoesNotContain("scenes", Labels(key, MarkdownUri));
    }

    [Fact]
    public void A_position_after_emoji_and_CJK_counts_in_UTF16_units()
    {
        // 🙂 is two UTF-16 units, 咖啡 two: the cursor after `, ` is where the client says it is.
        string text = Coffee.Replace("to: [pay]", "to: [{ ref: pay, label: \"🙂 咖啡\" }, |]", StringComparison.Ordinal);

        Assert.Equal(["queue", "pay", "till"], Labels(text));
    }
}
