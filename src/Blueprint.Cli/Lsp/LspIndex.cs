using Blueprint.Core.Diagnostics;
using Blueprint.Core.Model;

namespace Blueprint.Cli.Lsp;

/// <summary>What an id names: a scene, a step or a card with an <c>id</c>.</summary>
public enum IdKind { Scene, Step, Card }

/// <summary>
/// An id the file defines. <see cref="Written"/> is the id's own text when the file writes it (<c>id: x</c>,
/// <c>{#x}</c>, <c>- Id: x</c>); a derived id (the slug of a name) has none, and <see cref="Target"/>, where a jump to
/// it lands, is then the name.
/// </summary>
public sealed record IdSite(string Id, IdKind Kind, LspRange Target, LspRange? Written, SourceLocation Location, Scene? Scene, Step? Step, Card? Card);

/// <summary>
/// A reference as written: the arrow, the text of its reference (<see cref="Text"/>, exactly the characters of
/// <c>Arrow.Ref</c>), where a cursor counts as on it (<see cref="Hit"/>: the YAML entry, or the whole Markdown link
/// <c>[label](#ref)</c>), and what it resolved to (null when it is broken).
/// </summary>
public sealed record RefSite(Arrow Arrow, LspRange Text, LspRange Hit, Edge? Edge)
{
    /// <summary>The step part of a <c>step.lane</c> reference, else the whole reference.</summary>
    public string Head => Arrow.Ref.Split('.', 2)[0];

    /// <summary>The characters of <see cref="Head"/>.</summary>
    public LspRange HeadText => Text with { End = Text.Start with { Character = Text.Start.Character + Head.Length } };
}

/// <summary>
/// The places of an open document's ids and references, found once per version of its text: what go to
/// definition, find references, rename and hover look up. Positions are the text's own (LSP's UTF-16).
/// </summary>
public sealed class LspIndex
{
    public IReadOnlyList<IdSite> Ids { get; }
    public IReadOnlyList<RefSite> References { get; }
    public BlueprintGraph? Graph { get; }

    private LspIndex(IReadOnlyList<IdSite> ids, IReadOnlyList<RefSite> references, BlueprintGraph? graph)
    {
        Ids = ids;
        References = references;
        Graph = graph;
    }

    public static readonly LspIndex Empty = new([], [], null);

    public static LspIndex Of(BlueprintDocument? model, LspText text)
    {
        if (model is null) return Empty;
        var graph = BlueprintGraph.Build(model);
        var ids = new List<IdSite>();
        var references = new List<RefSite>();
        var edges = new Dictionary<Arrow, Edge>(ReferenceEqualityComparer.Instance);
        foreach (var edge in graph.Arrows)
            if (edge.Arrow is { } written) edges.TryAdd(written, edge);
        var seen = new HashSet<(int, int)>();
        foreach (var scene in model.Scenes)
        {
            ids.Add(Site(text, scene.Id, IdKind.Scene, scene.IdExplicit, scene.IdLocation, scene.Location) with { Scene = scene });
            foreach (var step in scene.Steps)
            {
                // A step a YAML alias repeats is the same text as the one it copies: its places are that one's.
                if (step.CopiedByAlias is not null) continue;
                ids.Add(Site(text, step.Id, IdKind.Step, step.IdExplicit, step.IdLocation, step.Location) with { Scene = scene, Step = step });
                foreach (var card in step.Cards)
                {
                    if (card.Id is { } cardId)
                        ids.Add(Site(text, cardId, IdKind.Card, true, card.IdLocation, card.Location) with { Scene = scene, Step = step, Card = card });
                    foreach (var arrow in card.Arrows)
                        if (arrow.Location.Line > 0 && seen.Add((arrow.Location.Line, arrow.Location.Column)) && Reference(text, arrow) is var (written, hit))
                            references.Add(new RefSite(arrow, written, hit, edges.GetValueOrDefault(arrow)));
                }
            }
        }
        return new LspIndex(ids, references, graph);
    }

    /// <summary>The reference under a position, if any.</summary>
    public RefSite? ReferenceAt(LspText text, LspPosition at) => References.FirstOrDefault(r => Contains(text, r.Hit, at));

    /// <summary>The id whose definition (its written id, or the name it comes from) is under a position, if any.</summary>
    public IdSite? DefinitionAt(LspText text, LspPosition at) =>
        Ids.FirstOrDefault(i => i.Written is { } w && Contains(text, w, at)) ?? Ids.FirstOrDefault(i => Contains(text, i.Target, at));

    /// <summary>The id a reference means: the step of a <c>step.lane</c> reference, else the step or card it names.</summary>
    public IdSite? Named(RefSite reference) =>
        Ids.FirstOrDefault(i => i.Kind == IdKind.Step && i.Id == reference.Head)
        ?? (reference.Arrow.Ref.Contains('.') ? null : Ids.FirstOrDefault(i => i.Kind == IdKind.Card && i.Id == reference.Arrow.Ref));

    /// <summary>The id under a position: one a reference there names, or one defined there.</summary>
    public IdSite? IdAt(LspText text, LspPosition at) => ReferenceAt(text, at) is { } r ? Named(r) : DefinitionAt(text, at);

    /// <summary>Every reference to <paramref name="id"/>: for a step its id and its cells (<c>step.lane</c>), for a card its id.</summary>
    public IEnumerable<RefSite> ReferencesTo(IdSite id) => id.Kind switch
    {
        IdKind.Step => References.Where(r => r.Head == id.Id),
        IdKind.Card => References.Where(r => r.Arrow.Ref == id.Id),
        _ => [],
    };

    public static bool Contains(LspText text, LspRange range, LspPosition at)
    {
        int offset = text.Offset(at);
        return offset >= text.Offset(range.Start) && offset <= text.Offset(range.End);
    }

    private static IdSite Site(LspText text, string id, IdKind kind, bool explicitId, SourceLocation idLocation, SourceLocation location)
    {
        var at = idLocation.Line > 0 ? idLocation : location;
        LspRange? written = explicitId ? Find(text, at, id) : null;
        return new IdSite(id, kind, written ?? RestOfLine(text, at), written, location, null, null, null);
    }

    /// <summary>From a location to the end of its line, without trailing spaces: a name, or a heading.</summary>
    private static LspRange RestOfLine(LspText text, SourceLocation from)
    {
        var start = text.PositionOf(from);
        int offset = text.Offset(start), end = text.Offset(start with { Character = int.MaxValue });
        while (end > offset && char.IsWhiteSpace(text.Text[end - 1])) end--;
        return new LspRange(start, text.PositionOf(end));
    }

    /// <summary>The first occurrence of <paramref name="word"/> on the line of <paramref name="from"/>, at or after it.</summary>
    private static LspRange? Find(LspText text, SourceLocation from, string word)
    {
        if (word.Length == 0) return null;
        var start = text.PositionOf(from);
        int offset = text.Offset(start), lineEnd = text.Offset(start with { Character = int.MaxValue });
        int index = text.Text.IndexOf(word, offset, lineEnd - offset, StringComparison.Ordinal);
        return index < 0 ? null : new LspRange(text.PositionOf(index), text.PositionOf(index + word.Length));
    }

    /// <summary>
    /// Where a reference is written. YAML gives the reference's own scalar (perhaps quoted); Markdown the link's
    /// <c>[</c>, and the reference follows the <c>#</c> of its destination.
    /// </summary>
    private static (LspRange Written, LspRange Hit)? Reference(LspText text, Arrow arrow)
    {
        var start = text.PositionOf(arrow.Location);
        int offset = text.Offset(start), lineEnd = text.Offset(start with { Character = int.MaxValue });
        string s = text.Text;
        if (offset < s.Length && s[offset] == '[')
        {
            if (MarkdownLink.At(s, offset) is not { } link) return null;
            return Ranged(text, link.ReferenceSpan(s).Start, arrow.Ref, new LspRange(start, text.PositionOf(link.End)));
        }
        if (offset < s.Length && s[offset] is '"' or '\'')
        {
            int quoteEnd = s.IndexOf(s[offset], offset + 1, lineEnd - offset - 1);
            return Ranged(text, offset + 1, arrow.Ref, new LspRange(start, text.PositionOf(quoteEnd < 0 ? lineEnd : quoteEnd + 1)));
        }
        return Ranged(text, offset, arrow.Ref, null);
    }

    /// <summary>The reference's characters at <paramref name="from"/>, when the text there is the reference (not escaped or folded).</summary>
    private static (LspRange, LspRange)? Ranged(LspText text, int from, string reference, LspRange? hit)
    {
        if (reference.Length == 0 || string.CompareOrdinal(text.Text, from, reference, 0, reference.Length) != 0) return null;
        var written = new LspRange(text.PositionOf(from), text.PositionOf(from + reference.Length));
        return (written, hit ?? written);
    }
}
