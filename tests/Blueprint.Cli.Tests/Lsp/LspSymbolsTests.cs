using System.Text.Json.Nodes;

namespace Blueprint.Cli.Tests.Lsp;

/// <summary>The outline (documentSymbol) and go to definition on a <c>to:</c> reference.</summary>
public sealed class LspSymbolsTests
{
    private const string Uri = "file:///project/coffee.blueprint.yaml";

    private const string Coffee = """
        blueprint: Coffee
        goal: Shorter queue
        scenario: A commuter buys a coffee
        scenes:
          - scene: Order
            steps:
              - step: Queue
                id: queue
                customer:
                  text: Waits in line
                  to: [pay, pay.touchpoint, till, gone]
                touchpoint: Board
          - scene: Leave
            steps:
              - step: Pay
                id: pay
                customer: Pays
                touchpoint:
                  id: till
                  text: Till
        """;

    private static readonly string[] Lines = Coffee.ReplaceLineEndings("\n").Split('\n');

    private static JsonObject At(int line, int character) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = Uri },
        ["position"] = new JsonObject { ["line"] = line, ["character"] = character },
    };

    /// <summary>The line and character of <paramref name="word"/> in the first line that has <paramref name="lineHas"/>.</summary>
    private static (int Line, int Character) Where(string lineHas, string word)
    {
        int line = Array.FindIndex(Lines, l => l.Contains(lineHas, StringComparison.Ordinal));
        return (line, Lines[line].IndexOf(word, StringComparison.Ordinal));
    }

    private static JsonNode? Definition(int line, int character)
    {
        var session = new LspSession().Initialize().Open(Uri, Coffee);
        int id = session.Request("textDocument/definition", At(line, character));
        return session.Run().Response(id)["result"];
    }

    private static (int, int, int, int) Range(JsonNode? range) =>
        ((int)range!["start"]!["line"]!, (int)range["start"]!["character"]!, (int)range["end"]!["line"]!, (int)range["end"]!["character"]!);

    [Fact]
    public void The_outline_is_scenes_then_steps_then_cards_each_range_holding_its_children()
    {
        var session = new LspSession().Initialize().Open(Uri, Coffee);
        int id = session.Request("textDocument/documentSymbol", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Uri } });
        var scenes = session.Run().Response(id)["result"]!.AsArray();

        string Names(JsonNode? symbol) => $"{symbol!["name"]}({string.Join(",", (symbol["children"]?.AsArray() ?? []).Select(Names))})";
        Assert.Equal(["Order(Queue(Waits in line(),Board()))", "Leave(Pay(Pays(),Till()))"], scenes.Select(Names));

        var order = scenes[0]!;
        var (line, character) = Where("- scene: Order", "scene");
        Assert.Equal((line, character, line, Lines[line].Length), Range(order["selectionRange"])); // from the `scene:` key to the line's end
        var (_, _, orderEnd, _) = Range(order["range"]);
        var (boardLine, _) = Where("touchpoint: Board", "Board");
        Assert.Equal(boardLine, orderEnd); // the scene's range reaches its last card
        Assert.Equal("touchpoint till", (string?)scenes[1]!["children"]![0]!["children"]![1]!["detail"]);
        Assert.Equal("queue.touchpoint", (string?)order["children"]![0]!["children"]![1]!["detail"]);
    }

    [Fact]
    public void Definition_on_a_step_reference_goes_to_the_steps_id()
    {
        var (line, character) = Where("to: [", "pay");
        var target = Definition(line, character + 1)!;

        var (idLine, idCharacter) = Where("id: pay", "pay");
        Assert.Equal(Uri, (string?)target["uri"]);
        Assert.Equal((idLine, idCharacter, idLine, idCharacter + 3), Range(target["range"]));
    }

    [Theory]
    [InlineData("pay.touchpoint")]
    [InlineData("till")]
    public void Definition_on_a_cell_or_card_reference_goes_to_the_card(string reference)
    {
        var (line, character) = Where("to: [", reference);
        var target = Definition(line, character + reference.Length - 1)!;

        var (idLine, idCharacter) = Where("id: till", "till");
        Assert.Equal((idLine, idCharacter, idLine, idCharacter + 4), Range(target["range"]));
    }

    [Fact]
    public void Definition_elsewhere_or_on_a_broken_reference_is_null()
    {
        var (textLine, textCharacter) = Where("text: Waits", "Waits");
        var (goneLine, goneCharacter) = Where("to: [", "gone");

        Assert.Null(Definition(textLine, textCharacter));
        Assert.Null(Definition(goneLine, goneCharacter));
    }
}
