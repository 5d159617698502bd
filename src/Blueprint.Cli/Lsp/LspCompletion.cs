using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Blueprint.Core.Diagnostics;
using Blueprint.Core.Model;

namespace Blueprint.Cli.Lsp;

/// <summary>
/// Completion, and the key under a position (for hover). Both read the text around the cursor rather than the
/// model, because the line being typed seldom parses: in YAML the keys above the cursor with less indentation say
/// which mapping it is in; in Markdown the item's indentation says step or card. The ids, lanes and language come
/// from the last model that could be read.
/// </summary>
public static partial class LspCompletion
{
    // LSP's CompletionItemKind.
    private const int PropertyKind = 10, ValueKind = 12, EnumMemberKind = 20, ReferenceKind = 18;

    /// <summary>A CompletionList for the position: keys where a key goes, ids where a reference goes, lane ids, <c>lang</c> values, check names.</summary>
    public static JsonObject Complete(OpenDocument document, LspPosition at)
    {
        var text = document.Text;
        at = text.PositionOf(text.Offset(at));
        string line = text.Line(at.Line);
        string before = line[..Math.Min(at.Character, line.Length)];
        bool markdown = document.IsMarkdown;
        var items = markdown && !text.InFrontMatter(at.Line) ? MarkdownItems(document, before) : YamlItems(document, at.Line, before, frontMatter: markdown);
        var list = new JsonArray();
        foreach (var (item, index) in items.Select((item, index) => (item, index)))
        {
            var range = new LspRange(at with { Character = at.Character - item.Replaces }, at);
            var json = new JsonObject
            {
                ["label"] = item.Label,
                ["kind"] = item.Kind,
                ["sortText"] = index.ToString("D4", System.Globalization.CultureInfo.InvariantCulture),
                ["filterText"] = item.Label,
                ["textEdit"] = new JsonObject { ["range"] = LspJson.Range(range), ["newText"] = item.Insert },
            };
            if (item.Detail is { } detail) json["detail"] = detail;
            if (item.Documentation is { } doc) json["documentation"] = new JsonObject { ["kind"] = "markdown", ["value"] = doc };
            list.Add((JsonNode)json);
        }
        return new JsonObject { ["isIncomplete"] = false, ["items"] = list };
    }

    /// <summary>The key under a position, what it means there, and its range; null off a key.</summary>
    public static (string Key, string Meaning, LspRange Range)? KeyAt(OpenDocument document, LspPosition at)
    {
        var text = document.Text;
        string line = text.Line(at.Line);
        if (document.IsMarkdown && !text.InFrontMatter(at.Line))
        {
            var m = MarkdownLabel().Match(line);
            if (!m.Success || at.Character < m.Groups[2].Index || at.Character > m.Groups[2].Index + m.Groups[2].Length) return null;
            string label = m.Groups[2].Value.Trim();
            var words = document.LastModel?.Vocabulary ?? Languages.English;
            bool card = m.Groups[1].Length > 0;
            string? key = Keys.At(card ? KeyLevel.Card : KeyLevel.Step).FirstOrDefault(k =>
                string.Equals(k, label, StringComparison.OrdinalIgnoreCase) || (words.KeyLabels.TryGetValue(k, out var own) && string.Equals(own, label, StringComparison.OrdinalIgnoreCase)));
            string? meaning = key is not null ? Keys.Meaning(card ? KeyLevel.Card : KeyLevel.Step, key)
                : !card && Lane.StandardIdFor(label, words) is { } lane ? Keys.Meaning(KeyLevel.Step, lane)
                : !card ? CustomLaneMeaning(document, label) : null;
            return meaning is null ? null : (label, meaning, new LspRange(at with { Character = m.Groups[2].Index }, at with { Character = m.Groups[2].Index + m.Groups[2].Length }));
        }
        var y = YamlLine.Parse(line);
        if (y.Key is not { } yamlKey || at.Character < y.Content || at.Character > y.Content + yamlKey.Length) return null;
        var level = document.IsMarkdown ? KeyLevel.Document : LevelAt(text, at.Line, y.Content, y.Dash ? y.Indent : null, document, out _);
        if (level is not { } known) return null;
        string? what = Keys.Meaning(known, yamlKey) ?? (known == KeyLevel.Step ? CustomLaneMeaning(document, yamlKey) : null);
        return what is null ? null : (yamlKey, what, new LspRange(at with { Character = y.Content }, at with { Character = y.Content + yamlKey.Length }));
    }

    private sealed record Item(string Label, int Kind, string Insert, int Replaces, string? Detail = null, string? Documentation = null);

    private static IEnumerable<Item> YamlItems(OpenDocument document, int lineIndex, string before, bool frontMatter)
    {
        var text = document.Text;
        // A value: after `key:` on this line, the innermost key whose value the cursor is still in.
        if (ValueKey(before) is var (key, valueText))
        {
            int replaces = Prefix(before).Length;
            return key switch
            {
                "to" or "ref" when !frontMatter => Ids(document, Prefix(before), replaces),
                "lang" => LanguageItems(replaces),
                "lanes" when valueText.StartsWith('[') => LaneIds(document, replaces),
                "disable" when valueText.Length > 0 => CheckNames(replaces),
                _ => [],
            };
        }
        // A list entry: `- ` and what is typed, under `to:`, `lanes:` or `disable:`.
        var entry = YamlEntry().Match(before);
        if (entry.Success)
        {
            string? owner = ParentKey(text, lineIndex, entry.Groups[1].Length);
            int replaces = entry.Groups[2].Length;
            switch (owner)
            {
                case "to" when !frontMatter: return Ids(document, entry.Groups[2].Value, replaces);
                case "lanes": return LaneIds(document, replaces);
                case "disable": return CheckNames(replaces);
            }
        }
        // A key.
        var keyPlace = YamlKey().Match(before);
        if (!keyPlace.Success) return [];
        int column = keyPlace.Groups[1].Length;
        int lastDash = keyPlace.Groups[1].Value.LastIndexOf('-');
        HashSet<string> siblings = [];
        var level = frontMatter ? (column == 0 ? KeyLevel.Document : (KeyLevel?)null)
            : LevelAt(text, lineIndex, column, lastDash < 0 ? null : lastDash, document, out siblings);
        if (level is not { } at) return [];
        var keys = Keys.At(at).Where(k => !(frontMatter && k == "scenes"));
        if (at == KeyLevel.Step) keys = keys.Concat(LanesOf(document).Select(l => l.Id));
        int typed = keyPlace.Groups[2].Length;
        return keys.Where(k => !siblings.Contains(k)).Select(k =>
            new Item(k, PropertyKind, k + ": ", typed, Detail(document, at, k), Keys.Meaning(at, k) ?? CustomLaneMeaning(document, k)));
    }

    private static IEnumerable<Item> MarkdownItems(OpenDocument document, string before)
    {
        var reference = MarkdownReference().Match(before);
        if (reference.Success) return Ids(document, reference.Groups[1].Value, reference.Groups[1].Length);
        var item = MarkdownItemStart().Match(before);
        if (!item.Success) return [];
        var words = document.LastModel?.Vocabulary ?? Languages.English;
        int typed = item.Groups[2].Length;
        if (item.Groups[1].Length > 0)
            return Keys.Card.Where(k => k is not ("text" or "to"))
                .SelectMany(k => Labels(words, k).Select(label => new Item(label, PropertyKind, words.Labelled(label, ""), typed, k, Keys.Meaning(KeyLevel.Card, k))));
        var lanes = LanesOf(document).SelectMany(lane => (lane.IsStandard ? LaneLabels(words, lane.Id) : [lane.Id])
            .Select(label => new Item(label, PropertyKind, words.Labelled(label, ""), typed, $"lane {lane.Id}", Keys.Meaning(KeyLevel.Step, lane.Id) ?? CustomLaneMeaning(document, lane.Id))));
        var keys = Keys.Step.Where(k => k != "step")
            .SelectMany(k => Labels(words, k).Select(label => new Item(label, PropertyKind, words.Labelled(label, ""), typed, k, Keys.Meaning(KeyLevel.Step, k))));
        return lanes.Concat(keys);
    }

    /// <summary>A key's Markdown labels: its English one, and the blueprint language's when that differs.</summary>
    private static IEnumerable<string> Labels(Vocabulary words, string key)
    {
        string english = Capitalize(key);
        return words.KeyLabels.TryGetValue(key, out var own) && !string.Equals(own, english, StringComparison.OrdinalIgnoreCase) ? [english, own] : [english];
    }

    private static IEnumerable<string> LaneLabels(Vocabulary words, string laneId)
    {
        string english = Capitalize(laneId);
        return words.LaneLabels.TryGetValue(laneId, out var own) && own.Length > 0 ? [english, own[0]] : [english];
    }

    /// <summary>Step ids, card ids and, once a step id and a dot are typed, that step's cells.</summary>
    private static IEnumerable<Item> Ids(OpenDocument document, string typed, int replaces)
    {
        if (document.LastModel is not { } model) return [];
        int dot = typed.IndexOf('.');
        if (dot >= 0)
        {
            string stepId = typed[..dot];
            var step = model.Steps.FirstOrDefault(s => s.Id == stepId);
            if (step is null) return [];
            return step.Cards.Select(c => c.LaneId).Distinct().Select(lane =>
                new Item($"{stepId}.{lane}", ReferenceKind, $"{stepId}.{lane}", replaces, $"the {lane} card of {step.Name}", step.CardsIn(lane).First().Text));
        }
        var steps = model.Steps.Where(s => s.CopiedByAlias is null).Select(s =>
            new Item(s.Id, ReferenceKind, s.Id, replaces, $"step {s.Name}", StepSummary(s)));
        var cards = model.Steps.Where(s => s.CopiedByAlias is null).SelectMany(s => s.Cards.Where(c => c.Id is not null).Select(c =>
            new Item(c.Id!, ReferenceKind, c.Id!, replaces, $"{c.LaneId} card of {s.Name}", c.Text)));
        return steps.Concat(cards);
    }

    private static string StepSummary(Step step) =>
        string.Join("\n\n", step.Cards.Take(3).Select(c => $"{c.LaneId}: {c.Text.ReplaceLineEndings(" ")}"));

    private static IEnumerable<Item> LanguageItems(int replaces) =>
        Languages.All.Select(v => new Item(v.Code, EnumMemberKind, v.Code, replaces, string.Join(", ", v.Names)));

    private static IEnumerable<Item> LaneIds(OpenDocument document, int replaces) =>
        Lane.StandardLanes.Concat(LanesOf(document).Where(l => !l.IsStandard))
            .Select(l => new Item(l.Id, ValueKind, l.Id, replaces, l.Name));

    private static IEnumerable<Item> CheckNames(int replaces) =>
        Descriptors.All.Where(d => d.IsConfigurable).Select(d => new Item(d.Id, EnumMemberKind, d.Id, replaces, d.Name, d.Title));

    private static IEnumerable<Lane> LanesOf(OpenDocument document) => document.LastModel?.Lanes ?? Lane.StandardLanes;

    private static string? Detail(OpenDocument document, KeyLevel level, string key) =>
        level == KeyLevel.Step && LanesOf(document).FirstOrDefault(l => l.Id == key) is { } lane ? $"lane: {lane.Name}" : null;

    private static string? CustomLaneMeaning(OpenDocument document, string key) =>
        LanesOf(document).FirstOrDefault(l => !l.IsStandard && string.Equals(l.Id, key, StringComparison.OrdinalIgnoreCase)) is { } lane
            ? $"{lane.Name} (a lane of this blueprint's own): a card, or a list of cards" : null;

    /// <summary>
    /// Which mapping a key at <paramref name="column"/> of line <paramref name="lineIndex"/> belongs to, from the keys
    /// above it with less indentation; the keys the mapping already has above the line come out as
    /// <paramref name="siblings"/>. <paramref name="dash"/> is the column of the line's own <c>- </c>, when the key
    /// starts a list entry (the mapping then begins on this line). Null when a key cannot go there.
    /// </summary>
    private static KeyLevel? LevelAt(LspText text, int lineIndex, int column, int? dash, OpenDocument document, out HashSet<string> siblings)
    {
        siblings = [];
        var path = new List<string>();
        // t: the column of the mapping being climbed out of, or of its list's dash when inItem.
        int t = dash ?? column;
        bool inItem = dash is not null;
        for (int l = lineIndex - 1; l >= 0; l--)
        {
            var y = YamlLine.Parse(text.Line(l));
            if (y.Blank || y.Content > t) continue;
            if (y.Content == t && !inItem)
            {
                if (y.Key is { } sibling && path.Count == 0) siblings.Add(sibling);
                if (y.Dash) (t, inItem) = (y.Indent, true);
                continue;
            }
            // A parent: the key whose value holds the mapping (or its list); an indentless list's key sits at the dash's column.
            if (y.Key is not { } parent || y.InlineValue || (y.Content == t && y.Dash)) return null;
            path.Add(parent);
            (t, inItem) = y.Dash ? (y.Indent, true) : (y.Content, false);
        }
        if (inItem || (path.Count == 0 && t != 0)) return null;
        // The mapping's keys below the line, up to its end.
        for (int l = lineIndex + 1; l < text.LineCount; l++)
        {
            var y = YamlLine.Parse(text.Line(l));
            if (y.Blank || y.Content > column) continue;
            if (y.Content < column || y.Dash) break;
            if (y.Key is { } sibling) siblings.Add(sibling);
        }
        return Level(path, document);
    }

    private static KeyLevel? Level(List<string> path, OpenDocument document)
    {
        if (path.Count == 0) return KeyLevel.Document;
        switch (path[0])
        {
            case "scenes": return KeyLevel.Scene;
            case "steps": return KeyLevel.Step;
            case "to": return KeyLevel.Arrow;
            case "lanes": return KeyLevel.LaneEntry;
            case "lint": return KeyLevel.Lint;
        }
        bool lane = Lane.StandardIdFor(path[0]) is not null || LanesOf(document).Any(l => string.Equals(l.Id, path[0], StringComparison.OrdinalIgnoreCase));
        return lane && path.Count >= 2 && path[1] == "steps" ? KeyLevel.Card : null;
    }

    /// <summary>The key that owns a list whose dash is at <paramref name="dashColumn"/>: the nearest key above with no value of its own.</summary>
    private static string? ParentKey(LspText text, int lineIndex, int dashColumn)
    {
        for (int l = lineIndex - 1; l >= 0; l--)
        {
            var y = YamlLine.Parse(text.Line(l));
            if (y.Blank || y.Content > dashColumn || (y.Dash && y.Indent == dashColumn)) continue;
            return y.Key is { } key && !y.InlineValue ? key : null;
        }
        return null;
    }

    /// <summary>
    /// The key whose value the end of <paramref name="before"/> is in, and that value's text so far: the last
    /// <c>key: </c> on the line whose value is not closed by a bracket or ended by a comma (so in
    /// <c>customer: { text: Pays, to: [pay, </c> it is <c>to</c>); null when the cursor is not in a value.
    /// </summary>
    private static (string Key, string Value)? ValueKey(string before)
    {
        var keys = KeyBeforeValue().Matches(before);
        for (int k = keys.Count - 1; k >= 0; k--)
        {
            string value = before[(keys[k].Index + keys[k].Length)..];
            if (StillOpen(value)) return (keys[k].Groups[1].Value, value.TrimStart());
        }
        return null;
    }

    /// <summary>Whether a value's text so far goes on: no bracket it did not open is closed, no comma outside its own brackets.</summary>
    private static bool StillOpen(string value)
    {
        int depth = 0;
        char quote = '\0';
        foreach (char c in value)
        {
            if (quote != '\0') { if (c == quote) quote = '\0'; continue; }
            if (c is '"' or '\'') quote = c;
            else if (c is '[' or '{') depth++;
            else if (c is ']' or '}' && --depth < 0) return false;
            else if (c == ',' && depth == 0) return false;
            else if (c == '#' && depth == 0) return false; // a comment
        }
        return true;
    }

    /// <summary>One line of YAML as the indentation reading needs it.</summary>
    private readonly record struct YamlLine(bool Blank, int Indent, int Content, bool Dash, string? Key, bool InlineValue)
    {
        public static YamlLine Parse(string line)
        {
            int i = 0;
            while (i < line.Length && line[i] == ' ') i++;
            if (i == line.Length || line[i] == '#') return new YamlLine(true, i, i, false, null, false);
            int c = i;
            bool dash = false;
            while (c < line.Length && line[c] == '-' && (c + 1 == line.Length || line[c + 1] == ' '))
            {
                dash = true;
                c++;
                while (c < line.Length && line[c] == ' ') c++;
            }
            var m = KeyPattern().Match(line, c);
            if (!m.Success || m.Index != c) return new YamlLine(false, i, c, dash, null, false);
            string rest = line[(m.Index + m.Length)..].Trim();
            return new YamlLine(false, i, c, dash, m.Groups[1].Value, rest.Length > 0 && !rest.StartsWith('#'));
        }
    }

    /// <summary>The id-like characters just before the cursor.</summary>
    private static string Prefix(string before)
    {
        int i = before.Length;
        while (i > 0 && !char.IsWhiteSpace(before[i - 1]) && before[i - 1] is not ('[' or ',' or '{' or ':' or '"' or '\'')) i--;
        return before[i..];
    }

    private static string Capitalize(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];

    [GeneratedRegex(@"(?<=^|[\s{,\[])([A-Za-z_][\w-]*)\s*:\s")]
    private static partial Regex KeyBeforeValue();

    [GeneratedRegex(@"^(\s*)-\s+([^\s\[\]{},:]*)$")]
    private static partial Regex YamlEntry();

    [GeneratedRegex(@"^(\s*(?:-\s+)*)([A-Za-z_][\w-]*)?$")]
    private static partial Regex YamlKey();

    [GeneratedRegex(@"([^\s:#\[\]{},'""][^:#]*?)\s*:(?=\s|$)")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"\]\(#([^\s)""]*)$")]
    private static partial Regex MarkdownReference();

    [GeneratedRegex(@"^(\s*)[-*+]\s+(\p{L}[\p{L} ']*)?$")]
    private static partial Regex MarkdownItemStart();

    [GeneratedRegex(@"^(\s*)[-*+]\s+([^:\n]+?)\s*:")]
    private static partial Regex MarkdownLabel();
}
