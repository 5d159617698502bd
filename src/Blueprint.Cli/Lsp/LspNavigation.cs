using System.Text;
using System.Text.Json.Nodes;
using Blueprint.Core.Model;

namespace Blueprint.Cli.Lsp;

/// <summary>A rename the server refuses, with the reason the editor shows.</summary>
public sealed class RenameRefused(string message) : Exception(message);

/// <summary>
/// Go to definition, find references, rename and hover: each a pure function of an open document and a position,
/// over the document's <see cref="LspIndex"/>.
/// </summary>
public static class LspNavigation
{
    /// <summary>
    /// Where the reference under <paramref name="at"/> leads: the step it names (its id, or its name when the id is
    /// derived), or the card (its id, or its text); null off a reference or on a broken one.
    /// </summary>
    public static LspRange? Definition(OpenDocument document, LspPosition at)
    {
        var index = document.Index;
        if (index.ReferenceAt(document.Text, at) is not { } reference) return null;
        if (!reference.Arrow.Ref.Contains('.') && index.Named(reference) is { } named) return named.Target;
        if (reference.Edge?.To.Card is not { } card) return null;
        return index.Ids.FirstOrDefault(i => ReferenceEquals(i.Card, card))?.Target ?? document.Text.WordAt(card.Location);
    }

    /// <summary>Every reference to the id under <paramref name="at"/> (on a reference or on the id itself), and the id's own place if asked.</summary>
    public static IReadOnlyList<LspRange> References(OpenDocument document, LspPosition at, bool includeDeclaration)
    {
        var index = document.Index;
        if (index.IdAt(document.Text, at) is not { } id) return [];
        var ranges = new List<LspRange>();
        if (includeDeclaration) ranges.Add(id.Written ?? id.Target);
        ranges.AddRange(index.ReferencesTo(id).Select(r => r.Text));
        return ranges;
    }

    /// <summary>The id under <paramref name="at"/> that a rename would change (its characters there) and its text; null when there is none.</summary>
    public static (LspRange Range, string Id)? PrepareRename(OpenDocument document, LspPosition at)
    {
        var index = document.Index;
        if (index.ReferenceAt(document.Text, at) is { } reference)
            return index.Named(reference) is { } named ? (reference.Arrow.Ref.Contains('.') ? reference.HeadText : reference.Text, named.Id) : null;
        return index.DefinitionAt(document.Text, at) is { } id ? (id.Written ?? id.Target, id.Id) : null;
    }

    /// <summary>
    /// The edits that rename the id under <paramref name="at"/> to <paramref name="newId"/>: the id where it is
    /// written (a derived id gains an explicit one, since the name stays) and every reference to it. Throws
    /// <see cref="RenameRefused"/> when there is no id there or the new one cannot be.
    /// </summary>
    public static IReadOnlyList<(LspRange Range, string NewText)> Rename(OpenDocument document, LspPosition at, string newId)
    {
        var index = document.Index;
        var id = index.IdAt(document.Text, at)
            ?? throw new RenameRefused("there is no id here to rename: put the cursor on a scene, step or card id, or on a reference to one");
        newId = newId.Trim();
        if (IdProblem(newId) is { } problem) throw new RenameRefused(problem);
        if (newId == id.Id) return [];
        if (index.Ids.FirstOrDefault(i => i.Id == newId) is { } taken)
            throw new RenameRefused($"the id `{newId}` is already the id of a {taken.Kind.ToString().ToLowerInvariant()} (line {taken.Target.Start.Line + 1}); ids are one namespace per file: choose another");
        var edits = new List<(LspRange, string)>();
        edits.Add(id.Written is { } written ? (written, newId) : Explicit(document.Text, id, newId));
        edits.AddRange(index.ReferencesTo(id).Select(r => (r.HeadText, newId)));
        return edits;
    }

    /// <summary>Why a new id cannot be, or null: ids are words (letters, digits, <c>-</c>, <c>_</c>), and a dot would read as <c>step.lane</c>.</summary>
    public static string? IdProblem(string id) =>
        id.Length == 0 ? "the new id is empty"
        : id.All(c => char.IsLetterOrDigit(c) || c is '-' or '_') ? null
        : $"`{id}` is not an id: use letters, digits, `-` and `_` (e.g. `{Slug.From(id.Replace('.', ' '))}`)";

    /// <summary>
    /// The edit that writes a derived id out: <c>id: x</c> as the next key of the YAML mapping (or first of a flow
    /// mapping), <c>{#x}</c> at the end of a Markdown heading or table cell.
    /// </summary>
    private static (LspRange, string) Explicit(LspText text, IdSite id, string newId)
    {
        var at = text.PositionOf(id.Location);
        int lineStart = text.Offset(at with { Character = 0 }), lineEnd = text.Offset(at with { Character = int.MaxValue });
        string line = text.Text[lineStart..lineEnd];
        if (line.TrimStart().StartsWith('#'))
        {
            int end = line.TrimEnd().Length;
            var point = text.PositionOf(lineStart + end);
            return (new LspRange(point, point), $" {{#{newId}}}");
        }
        if (line.TrimStart().StartsWith('|'))
        {
            // A table's header cell: the id goes after the name, before the cell's end.
            int from = text.Offset(at), cellEnd = line.IndexOf('|', from - lineStart);
            int end = cellEnd < 0 ? line.TrimEnd().Length : cellEnd;
            while (end > from - lineStart && char.IsWhiteSpace(line[end - 1])) end--;
            var point = text.PositionOf(lineStart + end);
            return (new LspRange(point, point), $" {{#{newId}}}");
        }
        // YAML: the location is the mapping's first key (`step:` or `scene:`, perhaps after `- `). The id goes on the
        // next line when that key's value is all on its line, else before the key, where it cannot split a value.
        int key = text.Offset(at) - lineStart;
        if (line[..key].Contains('{'))
        {
            var point = text.PositionOf(lineStart + key);
            return (new LspRange(point, point), $"id: {newId}, ");
        }
        string newline = lineEnd < text.Text.Length && text.Text[lineEnd] == '\r' ? "\r\n" : "\n";
        string indent = new(' ', key);
        int colon = line.IndexOf(": ", key, StringComparison.Ordinal);
        string value = colon < 0 ? "" : line[(colon + 2)..].Trim();
        bool wholeLine = value.Length > 0 && value[0] is not ('|' or '>' or '&' or '*' or '[' or '{' or '"' or '\'') && !Continues(text, at.Line, key);
        if (!wholeLine)
        {
            var before = text.PositionOf(lineStart + key);
            return (new LspRange(before, before), $"id: {newId}{newline}{indent}");
        }
        var after = text.PositionOf(lineEnd);
        return (new LspRange(after, after), $"{newline}{indent}id: {newId}");
    }

    /// <summary>Whether the next line that has text is indented deeper than <paramref name="column"/> (it continues the value).</summary>
    private static bool Continues(LspText text, int line, int column)
    {
        for (int next = line + 1; next < text.LineCount; next++)
        {
            string content = text.Line(next);
            if (content.Trim().Length == 0) continue;
            return content.Length - content.TrimStart().Length > column;
        }
        return false;
    }

    /// <summary>Markdown for the reference or key under <paramref name="at"/>, and the range it is about; null elsewhere.</summary>
    public static (string Markdown, LspRange Range)? Hover(OpenDocument document, LspPosition at)
    {
        var index = document.Index;
        if (index.ReferenceAt(document.Text, at) is { } reference)
            return reference.Edge?.To is { } card ? (CardMarkdown(document, card), reference.Hit) : null;
        if (index.DefinitionAt(document.Text, at) is { Kind: IdKind.Card, Card: { } defined } site)
            return (CardMarkdown(document, index.Graph!.Cards.First(c => ReferenceEquals(c.Card, defined))), site.Written ?? site.Target);
        return LspCompletion.KeyAt(document, at) is var (key, meaning, range) ? ($"**{key}**: {meaning}", range) : null;
    }

    /// <summary>A card as hover shows it: its text, where it is (lane, step, scene), who performs it and its marks.</summary>
    public static string CardMarkdown(OpenDocument document, PlacedCard placed)
    {
        var model = document.Model!;
        var card = placed.Card;
        var lane = model.Lanes.FirstOrDefault(l => l.Id == card.LaneId);
        var scene = model.Scenes[placed.SceneIndex];
        var sb = new StringBuilder();
        sb.Append(Escape(card.Text.ReplaceLineEndings(" ").Trim())).Append("\n\n");
        sb.Append($"`{placed.DisplayName}` · {Escape(lane?.NameIn(model.Vocabulary).Replace("\u00AD", "") ?? card.LaneId)} · step {Escape(placed.Step.Name)} · scene {Escape(scene.Name)}");
        if (card.Owner is { } owner) sb.Append($"\n\nOwner: {Escape(owner)}");
        foreach (var (label, mark) in new[] { ("Fail point", card.Fail), ("Wait", card.Wait), ("Pain", card.Pain), ("Note", card.Note) })
            if (mark is not null) sb.Append($"\n\n{label}: {Escape(mark)}");
        if (card.Arrows.Count > 0) sb.Append("\n\nArrows to: ").Append(string.Join(", ", card.Arrows.Select(a => $"`{a.Ref}`")));
        return sb.ToString();
    }

    /// <summary>Text shown as Markdown with its own characters, not read as Markdown.</summary>
    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|') sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }

    public static JsonObject WorkspaceEdit(string uri, IEnumerable<(LspRange Range, string NewText)> edits) => new()
    {
        ["changes"] = new JsonObject
        {
            [uri] = new JsonArray([.. edits.Select(e => (JsonNode)new JsonObject { ["range"] = LspJson.Range(e.Range), ["newText"] = e.NewText })]),
        },
    };
}
