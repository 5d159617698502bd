using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Blueprint.Core.Analysis.Rules;
using Blueprint.Core.Diagnostics;
using Blueprint.Core.Model;
using Blueprint.Core.Reading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Blueprint.Cli.Lsp;

/// <summary>An edit of the document: <see cref="NewText"/> in place of the offsets <c>[Start, End)</c>.</summary>
public readonly record struct TextEdit(int Start, int End, string NewText);

/// <summary>A quick fix: what it says it does, the findings it fixes, whether it is the one obvious fix, and its edits.</summary>
public sealed record QuickFix(string Title, IReadOnlyList<Diagnostic> Fixes, bool IsPreferred, IReadOnlyList<TextEdit> Edits);

/// <summary>
/// Quick fixes (LSP code actions of kind <c>quickfix</c>) for what a finding suggests: the did-you-mean key or label
/// (BP002), the nearest id (BP005), an <c>owner</c> for a card with a fail point (BP111), <c>loop: true</c> on an
/// arrow that goes back (BP105) or closes a cycle (BP007). Computed from the document's own text, model and findings,
/// for YAML and Markdown; a fix is offered only where its edit is sure to read back as meant.
/// </summary>
public static partial class LspCodeActions
{
    public const string QuickFixKind = "quickfix";

    /// <summary>The placeholder an added owner gets: plain text the reader takes, and plainly still to be filled in.</summary>
    public const string OwnerPlaceholder = "TODO";

    /// <summary>The code actions for <paramref name="range"/>, as LSP's <c>CodeAction[]</c>; none when <paramref name="only"/> (<c>context.only</c>) leaves out quick fixes.</summary>
    public static JsonArray Of(OpenDocument document, LspRange range, JsonNode? only)
    {
        // A kind asked for covers itself and its sub-kinds (`quickfix` has no parent but the empty kind).
        if (only is JsonArray kinds && !kinds.Any(k => LspJson.String(k) is QuickFixKind or ""))
            return [];
        return new JsonArray([.. Fixes(document, range).Select(fix => Json(document, fix))]);
    }

    /// <summary>
    /// The fixes of the findings on the lines of <paramref name="range"/>, one per distinct edit: a fix counts where its
    /// finding is underlined and where it edits on those lines (a Markdown item's finding underlines its bullet, its
    /// fix the label after it).
    /// </summary>
    public static IReadOnlyList<QuickFix> Fixes(OpenDocument document, LspRange range)
    {
        var text = document.Text;
        int from = text.Offset(range.Start), to = Math.Max(from, text.Offset(range.End));
        int firstLine = text.PositionOf(from).Line, lastLine = text.PositionOf(to).Line;
        bool Touches(int start, int end) => start <= to && end >= from;
        var context = new FixContext(document);
        var fixes = new List<QuickFix>();
        foreach (var finding in document.Findings)
        {
            if (finding.Location.Line - 1 < firstLine || finding.Location.Line - 1 > lastLine) continue;
            var underlined = text.WordAt(finding.Location);
            bool here = Touches(text.Offset(underlined.Start), text.Offset(underlined.End));
            foreach (var fix in context.FixesOf(finding))
            {
                if (!here && !fix.Edits.Any(e => Touches(e.Start, e.End))) continue;
                // The same edit for two findings (BP105 and BP007 on one arrow) is one action that fixes both.
                int same = fixes.FindIndex(f => f.Title == fix.Title && f.Edits.SequenceEqual(fix.Edits));
                if (same < 0) fixes.Add(fix);
                else fixes[same] = fixes[same] with { Fixes = [.. fixes[same].Fixes, finding], IsPreferred = fixes[same].IsPreferred || fix.IsPreferred };
            }
        }
        return fixes;
    }

    /// <summary>A fix as LSP's <c>CodeAction</c>: its edits in <c>edit.changes[uri]</c>, the diagnostics it fixes as they were published.</summary>
    public static JsonObject Json(OpenDocument document, QuickFix fix)
    {
        var text = document.Text;
        var action = new JsonObject
        {
            ["title"] = fix.Title,
            ["kind"] = QuickFixKind,
            ["diagnostics"] = new JsonArray([.. fix.Fixes.Select(f => (JsonNode)LspDiagnostics.Of(f, text))]),
            ["edit"] = LspNavigation.WorkspaceEdit(document.Uri, fix.Edits.Select(e => (new LspRange(text.PositionOf(e.Start), text.PositionOf(e.End)), e.NewText))),
        };
        if (fix.IsPreferred) action["isPreferred"] = true;
        return action;
    }

    /// <summary>What the fixes of one request read: the text, the model and its graph, and (parsed when first needed) the YAML nodes.</summary>
    private sealed class FixContext(OpenDocument document)
    {
        private readonly string text = document.Text.Text;
        private readonly bool markdown = document.IsMarkdown;
        private YamlNodes? yaml;

        private BlueprintGraph? Graph => document.Index.Graph;

        private YamlNodes Yaml => yaml ??= YamlNodes.Parse(text);

        private int Offset(SourceLocation at) => document.Text.Offset(document.Text.PositionOf(at));

        private string LineEnd => text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";

        public IEnumerable<QuickFix> FixesOf(Diagnostic finding)
        {
            if (document.Read.Document is null) return [];
            return finding.Id switch
            {
                "BP002" => Single(finding, ReplaceKey(finding)),
                "BP005" => Single(finding, ReplaceReference(finding)),
                "BP111" => Single(finding, AddOwner(finding)),
                "BP105" => Single(finding, Graph?.Arrows.FirstOrDefault(e => e.Arrow!.Location == finding.Location) is { } edge ? MarkLoop(edge) : null),
                "BP007" => MarkCycle(finding),
                _ => [],
            };
        }

        private static IEnumerable<QuickFix> Single(Diagnostic finding, (string Title, TextEdit Edit)? fix) =>
            fix is { } f ? [new QuickFix(f.Title, [finding], true, [f.Edit])] : [];

        // ---- BP002: the did-you-mean key or label ---------------------------------------------------------

        private (string, TextEdit)? ReplaceKey(Diagnostic finding)
        {
            if (finding.Suggestion is not { } suggestion) return null;
            int at = Offset(finding.Location);
            if (markdown && !document.Text.InFrontMatter(document.Text.PositionOf(at).Line))
            {
                // A step or card item (at its bullet) or a table row (at its first cell): the label before the colon.
                if (MarkdownLabel(at) is not var (start, end)) return null;
                string written = text[start..end];
                string replacement = MatchCase(written, suggestion);
                return ($"Change `{written}` to `{replacement}`", new TextEdit(start, end, replacement));
            }
            if (YamlScalar(at) is not var (from, to, key) || key.Length == 0 || !IsPlainWord(suggestion)) return null;
            return ($"Change `{key}` to `{suggestion}`", new TextEdit(from, to, suggestion));
        }

        /// <summary>The label of a Markdown item (from its bullet) or table row (from its first cell), when written plainly: its offsets.</summary>
        private (int Start, int End)? MarkdownLabel(int at)
        {
            int lineEnd = document.Text.Offset(document.Text.PositionOf(at) with { Character = int.MaxValue });
            var m = LabelPattern().Match(text[at..lineEnd]);
            if (!m.Success) return null;
            var label = m.Groups["label"];
            return (at + label.Index, at + label.Index + label.Length);
        }

        // ---- BP005: the nearest id ------------------------------------------------------------------------

        private (string, TextEdit)? ReplaceReference(Diagnostic finding)
        {
            if (finding.Suggestion is not { } suggestion
                || document.Index.References.FirstOrDefault(r => r.Arrow.Location == finding.Location) is not { } site)
                return null;
            string reference = site.Arrow.Ref;
            string title = $"Change `{reference}` to `{suggestion}`";
            int at = Offset(finding.Location), start = document.Text.Offset(site.Text.Start), end = document.Text.Offset(site.Text.End);
            if (markdown)
            {
                if (suggestion.AsSpan().IndexOfAny(" \t()<>\\") >= 0) return null;
                // A link whose text is its target names the target twice: both change.
                if (MarkdownLink.At(text, at) is { } link && text[link.LabelStart..link.LabelEnd] == reference && link.LabelEnd <= start)
                    return (title, new TextEdit(link.LabelStart, end, suggestion + text[link.LabelEnd..start] + suggestion));
                return (title, new TextEdit(start, end, suggestion));
            }
            // Inside quotes the id is written as it is; a plain reference is quoted only if YAML would misread it.
            bool quoted = start > at;
            if (quoted && suggestion.AsSpan().IndexOfAny("\"'\\") >= 0) return null;
            return (title, new TextEdit(start, end, quoted ? suggestion : YamlWord(suggestion)));
        }

        // ---- BP111: an owner for the card with the fail point -----------------------------------------------

        private (string, TextEdit)? AddOwner(Diagnostic finding)
        {
            if (Graph?.Cards.FirstOrDefault(p => p.Card.Location == finding.Location && p.Card.Fail is not null && p.Card.Owner is null) is not { } placed)
                return null;
            return markdown ? AddOwnerItem(placed, finding.Location) : AddOwnerKey(placed, finding.Location);
        }

        /// <summary>YAML: <c>owner: TODO</c> after the card's <c>fail:</c> entry (a new line in a block mapping, <c>, owner: TODO</c> in a flow one).</summary>
        private (string, TextEdit)? AddOwnerKey(PlacedCard placed, SourceLocation at)
        {
            if (Yaml.MappingAt(at) is not { } card) return null;
            // An owner key that is there but empty is BP003's to fix: a second one would be a duplicate key.
            if (YamlNodes.Entry(card, "owner") is not null || YamlNodes.Entry(card, "fail") is not { } fail) return null;
            string entry = $"owner: {OwnerPlaceholder}";
            return ($"Add `{entry}` to the card `{placed.DisplayName}`", AddEntry(card, fail, entry));
        }

        /// <summary>Markdown: a <c>- Owner: TODO</c> item at the end of the card's nested list, as that list is indented and bulleted.</summary>
        private (string, TextEdit)? AddOwnerItem(PlacedCard placed, SourceLocation at)
        {
            var lines = document.Text;
            int cardLine = lines.PositionOf(Offset(at)).Line;
            int bulletIndent = Indent(document.Text.Line(cardLine));
            int last = cardLine;
            string? nestedBullet = null;
            for (int l = cardLine + 1; l < lines.LineCount; l++)
            {
                string line = document.Text.Line(l);
                if (line.Trim().Length == 0) continue;
                if (Indent(line) <= bulletIndent) break;
                last = l;
                if (nestedBullet is null && BulletPattern().Match(line) is { Success: true } m)
                    nestedBullet = m.Groups["indent"].Value + (m.Groups["marker"].Value is "*" or "+" ? m.Groups["marker"].Value : "-") + " ";
            }
            if (nestedBullet is null) return null;
            string item = $"{document.Read.Document!.Vocabulary.KeyLabels["owner"]}: {OwnerPlaceholder}";
            int end = lines.Offset(new LspPosition(last, int.MaxValue));
            return ($"Add `- {item}` to the card `{placed.DisplayName}`", new TextEdit(end, end, LineEnd + nestedBullet + item));
        }

        private static int Indent(string line) => line.Length - line.TrimStart(' ', '\t').Length;

        // ---- BP105, BP007: loop: true -----------------------------------------------------------------------

        /// <summary>
        /// BP007: the arrows of the reported cycle that go back to an earlier step (as BP105 would say), or, when none
        /// does (a cycle inside one step), the arrow the finding is at. Preferred when there is one.
        /// </summary>
        private IEnumerable<QuickFix> MarkCycle(Diagnostic finding)
        {
            if (Graph is not { } g || CycleRule.Cycles(g).FirstOrDefault(c => c.Location == finding.Location) is not { } cycle) return [];
            var written = cycle.Edges.Where(e => !e.IsJourney).ToList();
            var back = written.Where(e => e.To.StepIndex < e.From.StepIndex).ToList();
            if (back.Count == 0 && cycle.ReportedAt is { } reported) back = [reported];
            var fixes = back.Select(MarkLoop).OfType<(string Title, TextEdit Edit)>().ToList();
            return fixes.Select(f => new QuickFix(f.Title, [finding], fixes.Count == 1, [f.Edit]));
        }

        private (string, TextEdit)? MarkLoop(Edge edge)
        {
            var arrow = edge.Arrow!;
            string reference = arrow.Ref.Trim();
            int at = Offset(arrow.Location);
            if (markdown)
            {
                if (MarkdownLink.At(text, at) is not { } link || link.Reference(text) != reference) return null;
                string title = $"Mark the arrow from `{edge.From.DisplayName}` to `{reference}` as a loop (link title \"loop\")";
                return link.TitleStart is { } ts
                    ? (title, new TextEdit(ts, link.TitleEnd!.Value, "\"loop\""))
                    : (title, new TextEdit(link.DestinationEnd, link.DestinationEnd, " \"loop\""));
            }
            string yamlTitle = $"Mark the arrow from `{edge.From.DisplayName}` to `{reference}` as a loop (`loop: true`)";
            if (Yaml.ScalarAt(arrow.Location) is not var (scalar, parent, key)) return null;
            if (parent is YamlMappingNode mapping && key?.Value == "ref")
            {
                if (YamlNodes.Entry(mapping, "loop") is { } loop)
                {
                    // `loop: false` (or a bad value): made true where it is written.
                    if (loop.Value is not YamlScalarNode value || value.Start.Line != value.End.Line || value.Start.Column == value.End.Column) return null;
                    return (yamlTitle, new TextEdit(OffsetOf(value.Start), OffsetOf(value.End), "true"));
                }
                return (yamlTitle, AddEntry(mapping, YamlNodes.Entry(mapping, "ref")!.Value, "loop: true"));
            }
            // A plain entry (`to: [x]`, `- x`, `to: x`) becomes a mapping with the entry as written as its ref.
            int start = OffsetOf(scalar.Start), end = OffsetOf(scalar.End);
            string source = text[start..end];
            if (source.Contains('\n')) return null;
            return (yamlTitle, new TextEdit(start, end, $"{{ ref: {source}, loop: true }}"));
        }

        // ---- YAML text ----------------------------------------------------------------------------------------

        private int OffsetOf(Mark mark) => Offset(new SourceLocation("", (int)mark.Line, (int)mark.Column));

        /// <summary>
        /// A new <paramref name="entry"/> of <paramref name="mapping"/> after the entry <paramref name="after"/>: in a flow
        /// mapping <c>, entry</c> after its value; in a block mapping a line of its own, at the mapping's indentation,
        /// after the line where the value ends (and its comment, if any).
        /// </summary>
        private TextEdit AddEntry(YamlMappingNode mapping, KeyValuePair<YamlNode, YamlNode> after, string entry)
        {
            int valueEnd = OffsetOf(after.Value.End);
            if (mapping.Style == YamlDotNet.Core.Events.MappingStyle.Flow) return new TextEdit(valueEnd, valueEnd, $", {entry}");
            int last = valueEnd;
            while (last > 0 && char.IsWhiteSpace(text[last - 1])) last--;
            var line = document.Text.PositionOf(Math.Max(0, last - 1));
            int lineEnd = document.Text.Offset(line with { Character = int.MaxValue });
            return new TextEdit(lineEnd, lineEnd, LineEnd + new string(' ', (int)mapping.Start.Column - 1) + entry);
        }

        /// <summary>
        /// The YAML scalar written at an offset (a key or a value on one line): its offsets and its text without quotes.
        /// A plain scalar ends at a line end, a comment, <c>: </c> or a flow indicator.
        /// </summary>
        private (int Start, int End, string Value)? YamlScalar(int at)
        {
            int lineEnd = document.Text.Offset(document.Text.PositionOf(at) with { Character = int.MaxValue });
            if (at >= lineEnd) return null;
            char open = text[at];
            if (open is '"' or '\'')
            {
                for (int i = at + 1; i < lineEnd; i++)
                {
                    if (open == '"' && text[i] == '\\') { i++; continue; }
                    if (text[i] != open) continue;
                    if (open == '\'' && i + 1 < lineEnd && text[i + 1] == '\'') { i++; continue; }
                    return (at, i + 1, text[(at + 1)..i]);
                }
                return null;
            }
            int end = at;
            while (end < lineEnd)
            {
                char c = text[end];
                if (c is ',' or '[' or ']' or '{' or '}') break;
                if (c == ':' && (end + 1 == lineEnd || char.IsWhiteSpace(text[end + 1]) || text[end + 1] is ',' or ']' or '}')) break;
                if (c == '#' && end > at && char.IsWhiteSpace(text[end - 1])) break;
                end++;
            }
            while (end > at && char.IsWhiteSpace(text[end - 1])) end--;
            return (at, end, text[at..end]);
        }
    }

    /// <summary>A Markdown item's bullet (or a table row's first cell), spaces, then a plain label and its colon.</summary>
    [GeneratedRegex(@"^(?:[-*+]|\d{1,9}[.)])?[ \t]*(?<label>\p{L}[\p{L} '’]*?)[ \t]*[:|]", RegexOptions.CultureInvariant)]
    private static partial Regex LabelPattern();

    [GeneratedRegex(@"^(?<indent>[ \t]*)(?<marker>[-*+]|\d{1,9}[.)])[ \t]")]
    private static partial Regex BulletPattern();

    /// <summary>A suggestion in the case its label was written in: <c>FRONTSAGE</c> → <c>FRONTSTAGE</c>, <c>frontsage</c> → <c>frontstage</c>.</summary>
    internal static string MatchCase(string written, string suggestion)
    {
        var letters = written.Where(char.IsLetter).ToList();
        if (letters.Count == 0 || suggestion.Length == 0) return suggestion;
        if (letters.Count > 1 && letters.All(char.IsUpper)) return suggestion.ToUpperInvariant();
        if (char.IsUpper(letters[0])) return char.ToUpperInvariant(suggestion[0]) + suggestion[1..];
        return suggestion.ToLowerInvariant();
    }

    private static bool IsPlainWord(string s) => PlainWordPattern().IsMatch(s);

    [GeneratedRegex(@"^[\p{L}\p{N}_][\p{L}\p{N}_./-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainWordPattern();

    /// <summary>An id as a YAML scalar: plain when it is a plain word YAML reads as text, else double-quoted.</summary>
    private static string YamlWord(string id)
    {
        if (IsPlainWord(id) && !NotText().IsMatch(id)) return id;
        var sb = new StringBuilder("\"");
        foreach (char c in id) sb.Append(c is '"' or '\\' ? "\\" + c : c.ToString());
        return sb.Append('"').ToString();
    }

    [GeneratedRegex(@"^(?:~|null|true|false|yes|no|on|off|[-+]?[0-9][0-9_.]*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotText();
}

/// <summary>A YAML document's nodes by where they start, from YamlDotNet's representation model (which keeps start and end marks).</summary>
internal sealed class YamlNodes
{
    private readonly List<(YamlNode Node, YamlNode? Parent, YamlScalarNode? Key)> nodes = [];

    public static YamlNodes Parse(string text)
    {
        var result = new YamlNodes();
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count > 0) result.Walk(stream.Documents[0].RootNode, null, null, new HashSet<YamlNode>(ReferenceEqualityComparer.Instance));
        }
        catch (YamlException)
        {
            // A file YamlDotNet cannot read has no findings these fixes are for.
        }
        return result;
    }

    private void Walk(YamlNode node, YamlNode? parent, YamlScalarNode? key, HashSet<YamlNode> seen)
    {
        if (!seen.Add(node)) return; // an alias repeats its anchor's node: its place is the anchor's
        nodes.Add((node, parent, key));
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (k, v) in map.Children)
                {
                    Walk(k, map, null, seen);
                    Walk(v, map, k as YamlScalarNode, seen);
                }
                break;
            case YamlSequenceNode seq:
                foreach (var item in seq.Children) Walk(item, seq, null, seen);
                break;
        }
    }

    private static bool StartsAt(YamlNode node, SourceLocation at) => node.Start.Line == at.Line && node.Start.Column == at.Column;

    /// <summary>The scalar value (not a key) that starts at a reader's location, with the collection that holds it and its key there.</summary>
    public (YamlScalarNode Scalar, YamlNode? Parent, YamlScalarNode? Key)? ScalarAt(SourceLocation at)
    {
        foreach (var (node, parent, key) in nodes)
            if (node is YamlScalarNode scalar && StartsAt(node, at) && (parent is not YamlMappingNode || key is not null))
                return (scalar, parent, key);
        return null;
    }

    public YamlMappingNode? MappingAt(SourceLocation at) =>
        nodes.Select(n => n.Node).OfType<YamlMappingNode>().FirstOrDefault(m => StartsAt(m, at));

    public static KeyValuePair<YamlNode, YamlNode>? Entry(YamlMappingNode mapping, string key)
    {
        foreach (var entry in mapping.Children)
            if (entry.Key is YamlScalarNode { Value: { } k } && k == key) return entry;
        return null;
    }
}
