using System.Text.Json.Nodes;
using Blueprint.Core.Diagnostics;
using Blueprint.Core.Model;

namespace Blueprint.Cli.Lsp;

/// <summary>The outline of an open document: its scenes, steps and cards.</summary>
public static class LspSymbols
{
    // LSP's SymbolKind.
    private const int SceneKind = 3;  // Namespace
    private const int StepKind = 24;  // Event
    private const int CardKind = 19;  // Object

    /// <summary>The outline: scenes, their steps, the steps' cards (in source order); empty when nothing could be read.</summary>
    public static JsonArray Of(OpenDocument document)
    {
        if (document.Read.Document is not { } model) return [];
        var text = document.Text;
        return new JsonArray([.. model.Scenes.Select(scene => Symbol(text, scene.Name, "scene", SceneKind, scene.Location,
            [.. scene.Steps.Select(step => Symbol(text, step.Name, $"step {step.Id}", StepKind, step.Location,
                [.. step.Cards.Select(card => Symbol(text, Short(card.Text), CardDetail(step, card), CardKind, card.Location, []))]))]))]);
    }

    /// <summary>A symbol whose range is its own line from its start, widened to hold its children.</summary>
    private static JsonObject Symbol(LspText text, string name, string detail, int kind, SourceLocation at, JsonObject[] children)
    {
        var start = text.PositionOf(at);
        var own = new LspRange(start, text.PositionOf(text.Offset(start with { Character = int.MaxValue })));
        var range = children.Select(c => LspJson.ReadRange(c["range"])!.Value).Aggregate(own, Union);
        var symbol = new JsonObject
        {
            ["name"] = name.Length > 0 ? name : detail,
            ["detail"] = detail,
            ["kind"] = kind,
            ["range"] = LspJson.Range(range),
            ["selectionRange"] = LspJson.Range(own),
        };
        if (children.Length > 0) symbol["children"] = new JsonArray(children);
        return symbol;
    }

    private static string CardDetail(Step step, Card card) => card.Id is { } id ? $"{card.LaneId} {id}" : $"{step.Id}.{card.LaneId}";

    private static LspRange Union(LspRange a, LspRange b) => new(Min(a.Start, b.Start), Max(a.End, b.End));

    private static LspPosition Min(LspPosition a, LspPosition b) => Before(a, b) ? a : b;

    private static LspPosition Max(LspPosition a, LspPosition b) => Before(a, b) ? b : a;

    private static bool Before(LspPosition a, LspPosition b) => a.Line < b.Line || (a.Line == b.Line && a.Character < b.Character);

    private static string Short(string text)
    {
        string line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= 60 ? line : line[..59] + "…";
    }
}
