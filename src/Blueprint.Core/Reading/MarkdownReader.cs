using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Blueprint.Core.Diagnostics;
using Blueprint.Core.Model;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;

namespace Blueprint.Core.Reading;

/// <summary>
/// Reads <c>*.blueprint.md</c> (SPEC section 3): YAML front matter for the top-level keys, <c>#</c> title, first paragraph
/// as scenario, <c>##</c> scenes, <c>###</c> steps holding <c>- Label: text</c> items or pipe tables for whole scenes.
/// Builds the same model as <see cref="YamlReader"/> and, like it, never throws for a user's mistake.
/// Markdig positions are 0-based offsets; they are turned into 1-based lines and columns in <see cref="Loc"/> only.
/// </summary>
public sealed partial class MarkdownReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePreciseSourceLocation().UsePipeTables().Build();

    /// <summary>Step labels other than lanes, as written in Markdown (the YAML step keys, capitalised; the step name is the heading).</summary>
    private static readonly IReadOnlyList<string> StepLabels = Keys.Step.Where(k => k != "step").Select(Capitalize).ToList();

    /// <summary>Card labels of a nested list (the YAML card keys but `text` and `to`: text and arrows are the item itself).</summary>
    private static readonly IReadOnlyList<string> CardLabels = Keys.Card.Where(k => k is not ("text" or "to")).Select(Capitalize).ToList();

    private const int MaxLabelLength = 40;

    private readonly string file;
    private readonly string text;
    private readonly List<int> lineStarts = [0];
    private readonly List<Diagnostic> diagnostics = [];
    private List<Lane> lanes = [.. Lane.StandardLanes];
    /// <summary>The front matter's <c>lang:</c>: its lane names and key labels are read besides the English ones.</summary>
    private Vocabulary language = Languages.English;

    private string? title;
    private SourceLocation titleLocation;
    private string? scenario;
    private bool scenarioSeen;
    private bool scenarioFromFrontMatter;
    private readonly List<Scene> scenes = [];
    private SceneDraft? scene;
    private StepDraft? step;

    private MarkdownReader(string file, string text)
    {
        this.file = file;
        this.text = text;
        for (int i = 0; i < text.Length; i++)
            if (text[i] == '\n') lineStarts.Add(i + 1);
    }

    public static ReadResult Read(string file, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return new ReadResult(null, [Descriptors.Empty.At(SourceLocation.StartOf(file),
                "the file is empty; start with `# <title>`, a paragraph for the scenario and `## Scene` / `### Step` headings (or run `blueprint init --markdown`)")]) { Format = SourceFormat.Markdown };
        var reader = new MarkdownReader(file, text);
        var document = reader.ReadDocument();
        return new ReadResult(document, reader.diagnostics) { Format = SourceFormat.Markdown };
    }

    // ---- positions ---------------------------------------------------------------------------------------

    /// <summary>The one conversion from a 0-based source offset to a 1-based line and column.</summary>
    private SourceLocation Loc(int offset)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        int index = lineStarts.BinarySearch(offset);
        int line = index >= 0 ? index : ~index - 1;
        return new SourceLocation(file, line + 1, offset - lineStarts[line] + 1);
    }

    private SourceLocation Loc(MarkdownObject node) => Loc(node.Span.Start);

    private void Report(DiagnosticDescriptor descriptor, SourceLocation at, string message, string? suggestion = null) =>
        diagnostics.Add(descriptor.At(at, message) with { Suggestion = suggestion });

    // ---- document ----------------------------------------------------------------------------------------

    private BlueprintDocument? ReadDocument()
    {
        var (meta, body) = SplitFrontMatter();
        if (meta is not null) lanes = [.. meta.Lanes];
        if (meta is not null) language = meta.Vocabulary;

        MarkdownDocument markdown;
        try
        {
            markdown = Markdown.Parse(body, Pipeline);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Markdig refuses input nested beyond its depth limit (and might fail on other pathological input).
            Report(Descriptors.Syntax, SourceLocation.StartOf(file), e.Message.Contains("nested", StringComparison.OrdinalIgnoreCase)
                ? "Markdown nested too deeply (lists, quotes, brackets or emphasis); a blueprint needs at most a list inside a list"
                : $"Markdown: {e.Message}");
            // Like a YAML syntax error: nothing was read, so no check runs on a half model (no BP008, BP107, ...).
            return null;
        }

        foreach (var block in markdown)
        {
            switch (block)
            {
                case HeadingBlock heading: Heading(heading); break;
                case ParagraphBlock paragraph: Paragraph(paragraph); break;
                case ListBlock list: List(list); break;
                case Table table: TableScene(table); break;
                // Prose around the blueprint (quotes, code, rules, HTML) is commentary and not part of the model.
            }
        }
        EndScene();

        var doc = meta ?? new BlueprintDocument { Title = "" };
        if (title is not null && doc.Title.Length > 0)
            Report(Descriptors.BadValue, titleLocation, "the title is given twice, as `blueprint:` in the front matter and as this `#` heading; keep one");
        string finalTitle = title ?? doc.Title;
        if (title is null && doc.Title.Length == 0)
            Report(Descriptors.BadValue, SourceLocation.StartOf(file), "missing title; start the blueprint with a `# <title>` heading");
        return doc with
        {
            Title = finalTitle,
            Scenario = scenario ?? doc.Scenario,
            Scenes = scenes,
            Location = SourceLocation.StartOf(file),
        };
    }

    /// <summary>
    /// Splits off YAML front matter (a first line <c>---</c> up to the next <c>---</c> or <c>...</c> line) and reads it.
    /// The YAML is padded with blank lines and the body has the front matter blanked out, so both keep the file's positions.
    /// </summary>
    private (BlueprintDocument? Meta, string Body) SplitFrontMatter()
    {
        if (lineStarts.Count < 2 || LineText(0).TrimEnd() != "---") return (null, text);
        int close = -1;
        for (int line = 1; line < lineStarts.Count; line++)
        {
            string t = LineText(line).TrimEnd();
            if (t is "---" or "...") { close = line; break; }
        }
        var body = new StringBuilder(text);
        if (close < 0)
        {
            Report(Descriptors.Syntax, SourceLocation.StartOf(file), "front matter opened by `---` on line 1 is never closed; end it with a `---` line before the `#` title");
            Blank(body, 0, LineEnd(0));
            return (null, body.ToString());
        }

        // One blank line stands for the opening `---`, so YAML line numbers are the file's.
        string yaml = "\n" + text[lineStarts[1]..lineStarts[close]];
        var doc = YamlReader.ReadFrontMatter(file, yaml, diagnostics);
        scenarioFromFrontMatter = doc?.Scenario is not null;
        Blank(body, 0, LineEnd(close));
        return (doc, body.ToString());
    }

    private static void Blank(StringBuilder sb, int from, int to)
    {
        for (int i = from; i < to && i < sb.Length; i++)
            if (sb[i] != '\n') sb[i] = ' ';
    }

    private string LineText(int line) => text[lineStarts[line]..LineEnd(line)];

    private int LineEnd(int line)
    {
        int end = line + 1 < lineStarts.Count ? lineStarts[line + 1] - 1 : text.Length;
        return Math.Max(end, lineStarts[line]);
    }

    // ---- headings ----------------------------------------------------------------------------------------

    private void Heading(HeadingBlock heading)
    {
        var inline = InlineText.From(heading.Inline, heading.Span.Start);
        switch (heading.Level)
        {
            case 1:
                if (title is not null)
                {
                    Report(Descriptors.BadValue, Loc(heading),
                        $"a second `#` title (the first is at {titleLocation}); a blueprint has one title: make this a `## Scene` or `### Step`");
                    return;
                }
                title = inline.Text.Trim();
                titleLocation = Loc(heading);
                if (title.Length == 0)
                {
                    Report(Descriptors.BadValue, titleLocation, "the `#` title is empty; write the blueprint's title after `# `");
                    title = null;
                }
                return;
            case 2:
            {
                EndScene();
                var (name, id, idAt, explicitId) = HeadingName(inline, heading, "scene", "## ");
                scene = new SceneDraft(name, id, explicitId, Loc(heading), idAt);
                return;
            }
            case 3:
            {
                EndStep();
                var (name, id, idAt, explicitId) = HeadingName(inline, heading, "step", "### ");
                if (scene is null)
                    Report(Descriptors.BadValue, Loc(heading),
                        $"the step `### {name}` comes before any `## Scene` heading; add a `## <scene>` heading above it (steps belong to scenes)");
                step = new StepDraft(name, Loc(heading)) { Id = id, IdLocation = idAt, IdFromHeading = explicitId, Orphan = scene is null };
                return;
            }
            default:
                Report(Descriptors.BadValue, Loc(heading),
                    $"a level-{heading.Level} heading (`{new string('#', heading.Level)}`) is not part of a blueprint: scenes are `##` and steps `###`; make it a `### Step` or a `- Label: text` item of the step above");
                return;
        }
    }

    /// <summary>A scene or step heading's name and id: a trailing <c>{#id}</c>, else the heading's anchor slug.</summary>
    private (string Name, string Id, SourceLocation IdAt, bool Explicit) HeadingName(InlineText inline, HeadingBlock heading, string what, string marker)
    {
        var (end, id, idAt) = TrailingId(inline, 0, inline.Length);
        string name = inline.Text[..end].Trim();
        if (name.Length == 0)
        {
            Report(Descriptors.BadValue, Loc(heading), $"the {what} heading has no name; write it after `{marker}`");
            name = id ?? "";
        }
        return (name, id ?? Slug.From(name), id is not null ? idAt : Loc(heading), id is not null);
    }

    [GeneratedRegex(@"\{#([^\s{}]+)\}\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingIdPattern();

    /// <summary>A <c>{#id}</c> written plainly at the end of <c>[start, end)</c>: the new end, the id and its position.</summary>
    private (int End, string? Id, SourceLocation At) TrailingId(InlineText inline, int start, int end)
    {
        var m = TrailingIdPattern().Match(inline.Text, start, end - start);
        if (!m.Success || !inline.IsPlain(m.Index) || !inline.IsPlain(m.Index + 1)) return (end, null, default);
        return (m.Index, m.Groups[1].Value, Loc(inline.OffsetOf(m.Index)));
    }

    // ---- paragraphs and lists ----------------------------------------------------------------------------

    [GeneratedRegex(@"^\s*([\p{L}][\p{L} ]{0,39}):", RegexOptions.CultureInvariant)]
    private static partial Regex ItemLikePattern();

    private void Paragraph(ParagraphBlock paragraph)
    {
        if (scene is null && step is null)
        {
            if (scenarioSeen) return;
            scenarioSeen = true;
            var inline = InlineText.From(paragraph.Inline, paragraph.Span.Start);
            string value = inline.Text.Trim();
            if (value.Length == 0) return;
            if (scenarioFromFrontMatter)
            {
                Report(Descriptors.BadValue, Loc(paragraph), "the scenario is given twice, as `scenario:` in the front matter and as this first paragraph; keep one");
                return;
            }
            scenario = value;
            return;
        }
        if (step is null) return;
        var text = InlineText.From(paragraph.Inline, paragraph.Span.Start).Text;
        if (ItemLikePattern().Match(text) is { Success: true } m && ResolveStepLabel(m.Groups[1].Value) is not null)
            Report(Descriptors.BadValue, Loc(paragraph),
                $"`{m.Groups[1].Value.Trim()}:` starts a paragraph, not a list item, so it is not read; start the line with `- ` to make it an item");
    }

    private void List(ListBlock list)
    {
        if (step is null)
        {
            Report(Descriptors.BadValue, Loc(list), scene is null
                ? "a list before the first `## Scene`; items belong to `### Step` headings, and top-level keys such as `goal:` go in the front matter between `---` lines"
                : $"items under the scene `{scene.Name}` but before any `### Step`; add a `### <step>` heading above them");
            return;
        }
        foreach (var item in list.OfType<ListItemBlock>()) StepItem(item, step);
    }

    /// <summary>An item's label (before the first plain colon) and where its value starts, or null with BP003.</summary>
    private (string Label, int ValueStart)? ItemLabel(InlineText inline, SourceLocation at, string example)
    {
        int firstLink = inline.Links.Count > 0 ? inline.Links.Min(l => l.Start) : inline.Length;
        for (int i = 0; i < Math.Min(inline.Length, firstLink); i++)
        {
            if (inline.Text[i] != ':' || !inline.IsPlain(i)) continue;
            string label = inline.Text[..i].Trim();
            if (label.Length is > 0 and <= MaxLabelLength && !label.Contains('\n')) return (label, i + 1);
            break;
        }
        string shown = inline.Text.Length > 40 ? inline.Text[..39].TrimEnd() + "…" : inline.Text;
        Report(Descriptors.BadValue, at, $"the item `{shown}` has no `Label:`; write it as `{example}`");
        return null;
    }

    private void StepItem(ListItemBlock item, StepDraft target)
    {
        var at = Loc(item);
        if (item.FirstOrDefault() is not ParagraphBlock paragraph)
        {
            Report(Descriptors.BadValue, at, "an empty item; write `- Label: text` (e.g. `- Customer: Orders a coffee`) or remove it");
            return;
        }
        var inline = InlineText.From(paragraph.Inline, paragraph.Span.Start);
        if (ItemLabel(inline, at, "- Customer: Orders a coffee") is not var (label, valueStart)) return;

        var nested = item.Skip(1).ToList();
        var resolved = ResolveStepLabel(label);
        if (resolved is null)
        {
            string? near = Suggest.Nearest(label, StepLabelSpellings());
            Report(Descriptors.UnknownKey, at, near is not null
                ? $"unknown label `{label}`; did you mean `{near}`?"
                : $"unknown label `{label}`; a step item is a lane ({string.Join(", ", LaneLabels())}) or a step key ({string.Join(", ", StepLabels)})", near);
            return;
        }

        if (resolved.Value.LaneId is { } laneId)
        {
            // A card is found at its text (after `Label: `), as a YAML card is at its value.
            var card = ReadCard(inline, valueStart, inline.Length, laneId, label, ValueAt(inline, valueStart, at));
            var keys = new CardKeys();
            foreach (var block in nested)
            {
                if (block is ListBlock keyList)
                    foreach (var keyItem in keyList.OfType<ListItemBlock>()) CardKeyItem(keyItem, keys, label);
                else
                    Report(Descriptors.BadValue, Loc(block), $"only a nested list of card keys (`- Owner: ...`, `- Fail: ...`) can follow the `{label}` card's text");
            }
            if (card is not null) target.Cards.Add(keys.ApplyTo(card, this));
            return;
        }

        string key = resolved.Value.StepKey!;
        var values = new List<(string Text, SourceLocation At)>();
        string value = ValueText(inline, valueStart, key == "url");
        if (value.Length > 0) values.Add((value, ValueAt(inline, valueStart, at)));
        foreach (var block in nested)
        {
            if (block is ListBlock metricList && key == "metrics")
            {
                foreach (var metricItem in metricList.OfType<ListItemBlock>())
                {
                    if (metricItem.FirstOrDefault() is ParagraphBlock mp
                        && InlineText.From(mp.Inline, mp.Span.Start).Text.Trim() is { Length: > 0 } metric)
                        values.Add((metric, Loc(metricItem)));
                    else Report(Descriptors.BadValue, Loc(metricItem), "an empty metric; write its text or remove the item");
                }
            }
            else Report(Descriptors.BadValue, Loc(block), $"`{label}` takes its value on the same line, not a nested block" + (key == "metrics" ? "" : "; only `Metrics` and cards have nested lists"));
        }
        if (values.Count == 0)
        {
            Report(Descriptors.BadValue, at, $"`{label}` is empty; write its value after the colon or remove the item");
            return;
        }
        foreach (var (v, vAt) in values) SetStepKey(target, key, label, v, vAt, at);
    }

    /// <summary>Where an item's value starts: its first character after the label's colon, or the item when nothing follows.</summary>
    private SourceLocation ValueAt(InlineText inline, int valueStart, SourceLocation item)
    {
        int i = valueStart;
        while (i < inline.Length && char.IsWhiteSpace(inline.Text[i])) i++;
        return i < inline.Length ? Loc(inline.OffsetOf(i)) : item;
    }

    private void SetStepKey(StepDraft target, string key, string label, string value, SourceLocation valueAt, SourceLocation itemAt)
    {
        if (key == "metrics")
        {
            target.Metrics.Add(value);
            return;
        }
        if (!target.Seen.Add(key) || (key == "id" && target.IdFromHeading))
        {
            Report(Descriptors.BadValue, itemAt, key == "id"
                ? "the step's id is given twice (`{#id}` on the heading and an `Id:` item, or two items); keep one"
                : $"`{label}` is given twice in this step; keep one (only lanes and `Metrics` may repeat)");
            return;
        }
        var s = target.Step;
        switch (key)
        {
            case "id":
                if (value.Any(char.IsWhiteSpace))
                {
                    Report(Descriptors.BadValue, valueAt, $"id `{value}` contains spaces; use letters, digits and dashes, e.g. `{Slug.From(value)}`");
                    return;
                }
                target.Id = value;
                target.IdLocation = valueAt;
                target.IdFromItem = true;
                return;
            case "duration":
                if (Durations.TryParse(value, out var d)) s = s with { Duration = d };
                else Report(Descriptors.BadValue, valueAt, Durations.Problem(value));
                break;
            case "emotion":
                if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int n) && n is >= Keys.MinEmotion and <= Keys.MaxEmotion)
                    s = s with { Emotion = n };
                else Report(Descriptors.BadValue, valueAt, Keys.EmotionProblem($"`{value}`", value));
                break;
            case "fail": s = s with { Fail = value }; break;
            case "wait": s = s with { Wait = value }; break;
            case "pain": s = s with { Pain = value }; break;
            case "policy": s = s with { Policy = value }; break;
            case "note": s = s with { Note = value }; break;
            case "url": s = s with { Url = value }; break;
        }
        target.Step = s;
    }

    /// <summary>A key's value: the plain text after the label; for `Url`, the target of a link when the value is one.</summary>
    private static string ValueText(InlineText inline, int start, bool url)
    {
        if (url && inline.Links.FirstOrDefault(l => l.Start >= start && !l.IsAnchor) is { } link) return link.Url.Trim();
        return inline.Text[start..].Trim();
    }

    private IEnumerable<string> LaneLabels() =>
        Lane.StandardIds.Select(Capitalize).Concat(lanes.Where(l => !l.IsStandard).Select(l => l.Id));

    /// <summary>Every spelling a step label may have, for did-you-mean: step keys, lanes and the standard aliases, in English and the blueprint's language.</summary>
    private IEnumerable<string> StepLabelSpellings() =>
        StepLabels.Concat(LaneLabels()).Concat(Lane.StandardSpellings.Select(Capitalize))
            .Concat(Keys.Step.Where(k => k != "step").Select(k => language.KeyLabels[k]))
            .Concat(Lane.StandardIds.SelectMany(id => Lane.SpellingsIn(language, id)))
            .Distinct(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether a Markdown label names a step or card key: its English name or its name in the blueprint's language.</summary>
    private bool IsKeyLabel(string key, string label)
    {
        string folded = string.Join(' ', label.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return string.Equals(key, folded, StringComparison.OrdinalIgnoreCase)
               || language.KeyLabels.TryGetValue(key, out var own) && string.Equals(own, folded, StringComparison.OrdinalIgnoreCase);
    }

    private static IEnumerable<string> CardLabelsIn(Vocabulary language) =>
        Keys.Card.Where(k => k is not ("text" or "to")).Select(k => language.KeyLabels[k]);

    /// <summary>A step label is a step key (checked first, as in YAML), a custom lane's id, a standard lane or alias, or a custom lane's name.</summary>
    private (string? StepKey, string? LaneId)? ResolveStepLabel(string label)
    {
        string folded = string.Join(' ', label.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (Keys.Step.FirstOrDefault(k => k != "step" && IsKeyLabel(k, folded)) is { } key) return (key, null);
        var custom = lanes.FirstOrDefault(l => !l.IsStandard && string.Equals(l.Id, folded, StringComparison.OrdinalIgnoreCase));
        if (custom is not null) return (null, custom.Id);
        if (Lane.StandardIdFor(folded, language) is { } laneId) return (null, laneId);
        // A custom lane may also be named by its display name, unless that is a standard lane's spelling.
        custom = lanes.FirstOrDefault(l => !l.IsStandard && string.Equals(l.Name, folded, StringComparison.OrdinalIgnoreCase));
        return custom is not null ? (null, custom.Id) : null;
    }

    // ---- cards -------------------------------------------------------------------------------------------

    /// <summary>The keys of a card's nested list, applied after its text so an explicit `Url:` wins over a link in the text.</summary>
    private sealed class CardKeys
    {
        public readonly HashSet<string> Seen = [];
        public string? Id, Fail, Wait, Pain, Note, Owner, Url;
        public SourceLocation IdLocation;

        public Card ApplyTo(Card card, MarkdownReader reader)
        {
            if (Id is not null)
            {
                if (card.Id is not null)
                    reader.Report(Descriptors.BadValue, IdLocation, "the card's id is given twice (`{#id}` in its text and an `Id:` item); keep one");
                else card = card with { Id = Id, IdLocation = IdLocation };
            }
            string? linkUrl = card.Url;
            return card with
            {
                Fail = Fail, Wait = Wait, Pain = Pain, Note = Note, Owner = Owner,
                Url = Url ?? linkUrl,
            };
        }
    }

    private void CardKeyItem(ListItemBlock item, CardKeys keys, string cardLabel)
    {
        var at = Loc(item);
        if (item.FirstOrDefault() is not ParagraphBlock paragraph)
        {
            Report(Descriptors.BadValue, at, "an empty item; write a card key such as `- Owner: Host` or remove it");
            return;
        }
        var inline = InlineText.From(paragraph.Inline, paragraph.Span.Start);
        if (ItemLabel(inline, at, "- Owner: Host") is not var (label, valueStart)) return;
        foreach (var block in item.Skip(1))
            Report(Descriptors.BadValue, Loc(block), $"a card key takes its value on the same line; nothing can be nested under `{label}`");
        string? key = Keys.Card.FirstOrDefault(k => k is not ("text" or "to") && IsKeyLabel(k, label));
        if (key is null)
        {
            bool isLane = ResolveStepLabel(label) is { LaneId: not null };
            string? near = isLane ? null : Suggest.Nearest(label, CardLabels.Concat(CardLabelsIn(language)));
            Report(Descriptors.UnknownKey, at, isLane
                ? $"`{label}` is a lane, not a card key: lanes are items of the step (not nested under the `{cardLabel}` card); card keys are {string.Join(", ", CardLabels)}"
                : near is not null
                    ? $"unknown card key `{label}`; did you mean `{near}`?"
                    : $"unknown card key `{label}`; a card's nested list takes {string.Join(", ", CardLabels)}", near);
            return;
        }
        string value = ValueText(inline, valueStart, key == "url");
        var valueAt = ValueAt(inline, valueStart, at);
        if (value.Length == 0)
        {
            Report(Descriptors.BadValue, at, $"`{label}` is empty; write its value after the colon or remove the item");
            return;
        }
        if (!keys.Seen.Add(key))
        {
            Report(Descriptors.BadValue, at, $"`{label}` is given twice for this card; keep one");
            return;
        }
        switch (key)
        {
            case "id":
                if (value.Any(char.IsWhiteSpace))
                    Report(Descriptors.BadValue, valueAt, $"id `{value}` contains spaces; use letters, digits and dashes, e.g. `{Slug.From(value)}`");
                else { keys.Id = value; keys.IdLocation = valueAt; }
                break;
            case "fail": keys.Fail = value; break;
            case "wait": keys.Wait = value; break;
            case "pain": keys.Pain = value; break;
            case "note": keys.Note = value; break;
            case "owner": keys.Owner = value; break;
            case "url": keys.Url = value; break;
        }
    }

    /// <summary>
    /// A card from inline text <c>[start, end)</c>: a trailing <c>{#id}</c> gives its id; links after a trailing <c>-&gt;</c> are
    /// arrows only; other <c>#</c> links are arrows that keep their text; the first web link is the card's url.
    /// </summary>
    private Card? ReadCard(InlineText inline, int start, int end, string laneId, string label, SourceLocation at)
    {
        var (afterId, id, idAt) = TrailingId(inline, start, end);
        end = afterId;

        var links = inline.Links.Where(l => l.Start >= start && l.End <= end).OrderBy(l => l.Start).ToList();
        var trailing = new List<InlineLink>();
        int pos = end, k = links.Count - 1;
        while (k >= 0 && links[k].IsAnchor && SkipBack(inline, pos, links[k].End, commas: true) == links[k].End)
        {
            trailing.Insert(0, links[k]);
            pos = links[k].Start;
            k--;
        }
        int textEnd = end;
        if (trailing.Count > 0)
        {
            int p = SkipBack(inline, pos, start, commas: false);
            if (p - 2 >= start && inline.Text[p - 2] == '-' && inline.Text[p - 1] == '>' && inline.IsPlain(p - 2) && inline.IsPlain(p - 1))
                textEnd = p - 2;
            else trailing.Clear();
        }

        if (id is null)
        {
            (textEnd, id, idAt) = TrailingId(inline, start, textEnd);
        }
        else if (TrailingId(inline, start, textEnd).Id is not null)
        {
            Report(Descriptors.BadValue, idAt, "the card has two `{#id}` markers; keep one");
        }

        string cardText = inline.Text[start..textEnd].Trim();
        var arrows = new List<Arrow>();
        string? url = null;
        foreach (var link in links)
        {
            if (link.IsAnchor) { if (ToArrow(inline, link) is { } arrow) arrows.Add(arrow); }
            else if (link.Start < textEnd) url ??= link.Url;
        }

        if (cardText.Length == 0)
        {
            Report(Descriptors.BadValue, at, $"the `{label}` card has no text; write what happens after `{label}:`");
            return null;
        }
        return new Card
        {
            LaneId = laneId, Text = cardText, Id = id, Arrows = arrows, Url = url,
            Location = at, IdLocation = id is not null ? idAt : at,
        };
    }

    private static int SkipBack(InlineText inline, int pos, int start, bool commas)
    {
        while (pos > start && (char.IsWhiteSpace(inline.Text[pos - 1]) || (commas && inline.Text[pos - 1] == ',' && inline.IsPlain(pos - 1)))) pos--;
        return pos;
    }

    private Arrow? ToArrow(InlineText inline, InlineLink link)
    {
        var at = Loc(link.SourceOffset);
        string reference = link.Url[1..].Trim();
        if (reference.Length == 0)
        {
            Report(Descriptors.BrokenLink, at, "a link to `#` names no step or card; write `[label](#step-id)`, `(#step.lane)` or `(#card-id)`");
            return null;
        }
        string label = inline.Text[link.Start..link.End].Trim();
        bool loop = false;
        if (link.Title is { } t)
        {
            if (string.Equals(t.Trim(), "loop", StringComparison.OrdinalIgnoreCase)) loop = true;
            else Report(Descriptors.BadValue, at, $"the link title \"{t}\" has no meaning in a blueprint; write \"loop\" to mark an intended back-edge, or remove it");
        }
        // A link whose text is its own target (or empty) is an arrow without a label.
        return new Arrow { Ref = reference, Label = label.Length == 0 || label == reference ? null : label, Loop = loop, Location = at };
    }

    // ---- tables ------------------------------------------------------------------------------------------

    /// <summary>A scene written as a pipe table: header row = step names, first column = lane (or step key) labels, cells = cards.</summary>
    private void TableScene(Table table)
    {
        if (scene is null)
        {
            Report(Descriptors.BadValue, Loc(table), "a table before the first `## Scene`; put it under a `## <scene>` heading (its header row names the steps)");
            return;
        }
        EndStep();
        var rows = table.OfType<TableRow>().ToList();
        if (rows.Count == 0) return;
        var header = Cells(rows[0]);
        if (header.Count < 2)
        {
            Report(Descriptors.BadValue, Loc(table), "a scene table needs a header row naming its steps after the first cell, e.g. `| | Enter | Seat |`");
            return;
        }

        var steps = new List<StepDraft?>();
        for (int j = 1; j < header.Count; j++)
        {
            var cell = header[j];
            var inline = CellText(cell);
            var (end, id, idAt) = TrailingId(inline, 0, inline.Length);
            string name = inline.Text[..end].Trim();
            if (name.Length == 0)
            {
                Report(Descriptors.BadValue, cell.Span.End >= cell.Span.Start ? Loc(cell) : Loc(rows[0]), $"column {j + 1} of the header has no step name; name the step or remove the column");
                steps.Add(null);
                continue;
            }
            steps.Add(new StepDraft(name, Loc(cell)) { Id = id ?? Slug.From(name), IdLocation = id is not null ? idAt : Loc(cell), IdFromHeading = id is not null });
        }

        foreach (var row in rows.Skip(1))
        {
            var cells = Cells(row);
            if (cells.Count == 0) continue;
            if (cells.Count > header.Count)
                Report(Descriptors.BadValue, cells[header.Count].Span.End >= cells[header.Count].Span.Start ? Loc(cells[header.Count]) : Loc(row),
                    $"this row has {cells.Count} cells but the header has {header.Count}; the extra cells would be dropped: add the step to the header row or remove them");
            var labelText = CellText(cells[0]).Text.Trim();
            bool hasContent = cells.Skip(1).Any(c => CellText(c).Text.Trim().Length > 0);
            if (labelText.Length == 0)
            {
                if (hasContent) Report(Descriptors.BadValue, Loc(row), "a table row needs a lane label in its first cell, e.g. `| Customer | ... |`");
                continue;
            }
            string label = labelText.TrimEnd(':').Trim();
            var resolved = ResolveStepLabel(label);
            if (resolved is null)
            {
                string? near = Suggest.Nearest(label, StepLabelSpellings());
                Report(Descriptors.UnknownKey, Loc(cells[0]), near is not null
                    ? $"unknown row label `{label}`; did you mean `{near}`?"
                    : $"unknown row label `{label}`; a row is a lane ({string.Join(", ", LaneLabels())}) or a step key ({string.Join(", ", StepLabels)})", near);
                continue;
            }
            for (int j = 1; j < Math.Min(cells.Count, header.Count); j++)
            {
                if (steps[j - 1] is not { } target) continue;
                var inline = CellText(cells[j]);
                var pieces = new List<(int Start, int End, int Offset)>();
                int from = 0, fromOffset = cells[j].Span.Start;
                foreach (var (position, offset) in inline.Breaks)
                {
                    pieces.Add((from, position, fromOffset));
                    from = position;
                    fromOffset = offset;
                }
                pieces.Add((from, inline.Length, fromOffset));
                foreach (var (ps, pe, offset) in pieces)
                {
                    if (inline.Text[ps..pe].Trim().Length == 0) continue;
                    var at = Loc(ps < pe ? inline.OffsetOf(ps) : offset);
                    if (resolved.Value.LaneId is { } laneId)
                    {
                        if (ReadCard(inline, ps, pe, laneId, label, at) is { } card) target.Cards.Add(card);
                    }
                    else SetStepKey(target, resolved.Value.StepKey!, label, inline.Text[ps..pe].Trim(), at, at);
                }
            }
        }

        foreach (var s in steps)
            if (s is not null) scene.Steps.Add(Build(s));
    }

    /// <summary>
    /// The cells written in a row. Markdig pads every row to the widest one and gives empty cells no position,
    /// so the count comes from the row's source line (cells split at unescaped pipes).
    /// </summary>
    private List<TableCell> Cells(TableRow row)
    {
        var all = row.OfType<TableCell>().ToList();
        if (row.Line < 0 || row.Line >= lineStarts.Count) return all;
        string t = LineText(row.Line).Trim();
        if (t.StartsWith('|')) t = t[1..];
        if (t.EndsWith('|') && !t.EndsWith("\\|", StringComparison.Ordinal)) t = t[..^1];
        int count = 1;
        for (int i = 0; i < t.Length; i++)
        {
            if (t[i] == '\\') i++;
            else if (t[i] == '|') count++;
        }
        return all.Take(count).ToList();
    }

    private static InlineText CellText(TableCell cell) =>
        cell.FirstOrDefault() is ParagraphBlock p ? InlineText.From(p.Inline, p.Span.Start) : InlineText.From(null, cell.Span.Start);

    // ---- building ----------------------------------------------------------------------------------------

    private sealed class SceneDraft(string name, string id, bool explicitId, SourceLocation location, SourceLocation idLocation)
    {
        public string Name => name;
        public readonly List<Step> Steps = [];
        public Scene Build() => new()
        {
            Id = id, Name = name, IdExplicit = explicitId, Steps = Steps,
            Location = location, IdLocation = idLocation,
        };
    }

    private sealed class StepDraft(string name, SourceLocation location)
    {
        public string Name => name;
        public SourceLocation Location => location;
        public string? Id;
        public SourceLocation IdLocation;
        public bool IdFromHeading;
        public bool IdFromItem;
        public bool Orphan;
        public readonly HashSet<string> Seen = [];
        public readonly List<Card> Cards = [];
        public readonly List<string> Metrics = [];
        public Step Step = new() { Id = "", Name = "" };
    }

    private void EndStep()
    {
        if (step is null) return;
        if (!step.Orphan && scene is not null) scene.Steps.Add(Build(step));
        step = null;
    }

    private void EndScene()
    {
        EndStep();
        if (scene is not null) scenes.Add(scene.Build());
        scene = null;
    }

    /// <summary>Cards are grouped by lane in order of first appearance, as a YAML step (one key per lane) has them.</summary>
    private static Step Build(StepDraft draft)
    {
        var order = draft.Cards.Select(c => c.LaneId).Distinct().ToList();
        var cards = draft.Cards.OrderBy(c => order.IndexOf(c.LaneId)).ToList();
        string id = draft.Id ?? Slug.From(draft.Name);
        return draft.Step with
        {
            Id = id, Name = draft.Name, IdExplicit = draft.IdFromHeading || draft.IdFromItem,
            Cards = cards, Metrics = draft.Metrics,
            Location = draft.Location, IdLocation = draft.IdFromHeading || draft.IdFromItem ? draft.IdLocation : draft.Location,
        };
    }

    private static string Capitalize(string key) => key.Length == 0 ? key : char.ToUpperInvariant(key[0]) + key[1..];
}
