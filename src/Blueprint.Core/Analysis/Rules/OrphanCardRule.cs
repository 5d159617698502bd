using Blueprint.Core.Diagnostics;
using Blueprint.Core.Model;

namespace Blueprint.Core.Analysis.Rules;

/// <summary>
/// BP109: a backstage or support card that no arrow reaches or leaves, in a blueprint that draws arrows at all
/// (at least one <c>to</c>). Such a card is work nobody can trace to what the customer sees. A card whose own
/// <c>to</c> points nowhere (BP005) still counts as having an arrow, so one mistake is reported once.
/// </summary>
public sealed class OrphanCardRule : IRule
{
    public DiagnosticDescriptor Descriptor => Descriptors.OrphanCard;

    public IEnumerable<Diagnostic> Check(RuleContext context)
    {
        var graph = context.Graph;
        if (!graph.Cards.Any(c => c.Card.Arrows.Count > 0)) yield break;
        var linked = new HashSet<Card>(ReferenceEqualityComparer.Instance);
        foreach (var edge in graph.Arrows)
        {
            linked.Add(edge.From.Card);
            linked.Add(edge.To.Card);
        }
        foreach (var placed in graph.Cards)
        {
            var card = placed.Card;
            if (card.LaneId is not (Lane.Backstage or Lane.Support)) continue;
            if (card.Arrows.Count > 0 || linked.Contains(card)) continue;
            string connect = context.IsMarkdown
                ? "connect it with an arrow, `-> [](#id)` at the end of its item, to the action it serves or depends on"
                : "connect it with `to:` to the action it serves or depends on";
            yield return Descriptor.At(card.Location,
                $"the {card.LaneId} card `{placed.DisplayName}` has no arrow in or out; {connect}, or remove it").About(FindingSubject.Card(placed));
        }
    }
}
