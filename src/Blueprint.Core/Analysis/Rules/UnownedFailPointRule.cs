using Blueprint.Core.Diagnostics;

namespace Blueprint.Core.Analysis.Rules;

/// <summary>
/// BP111: a card marked with <c>fail:</c> that has no <c>owner:</c>. A fail point nobody owns is a fail point
/// nobody fixes. Only cards count: a step-level <c>fail:</c> marks a moment, not an action, and a step has no
/// <c>owner</c> key to give it; the blueprint's own <c>owner:</c> is who keeps the document, not who performs a card.
/// </summary>
public sealed class UnownedFailPointRule : IRule
{
    public DiagnosticDescriptor Descriptor => Descriptors.UnownedFailPoint;

    public IEnumerable<Diagnostic> Check(RuleContext context)
    {
        foreach (var placed in context.Graph.Cards)
        {
            var card = placed.Card;
            if (card.Fail is null || card.Owner is not null) continue;
            yield return Descriptor.At(card.Location,
                $"the {card.LaneId} card `{placed.DisplayName}` has a fail point but no {(context.IsMarkdown ? "`- Owner:` item" : "`owner:`")}; name the role or team that performs it and would fix the failure").About(FindingSubject.Card(placed));
        }
    }
}
