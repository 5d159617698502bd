using Blueprint.Core.Diagnostics;
using Blueprint.Core.Model;

namespace Blueprint.Core.Analysis.Rules;

/// <summary>
/// BP103: a step where the customer acts but meets neither a touchpoint nor anyone frontstage. Silent when the
/// diagram shows neither lane.
/// </summary>
public sealed class NoInteractionRule : IRule
{
    public DiagnosticDescriptor Descriptor => Descriptors.NoInteraction;

    public IEnumerable<Diagnostic> Check(RuleContext context)
    {
        if (!context.Document.Lanes.Any(l => l.Id is Lane.Touchpoint or Lane.Frontstage)) yield break;
        foreach (var step in context.Graph.Steps)
        {
            if (!step.CardsIn(Lane.Customer).Any()) continue;
            if (step.CardsIn(Lane.Touchpoint).Any() || step.CardsIn(Lane.Frontstage).Any()) continue;
            yield return Descriptor.At(step.Location,
                $"step `{step.Id}` has a customer action but neither a touchpoint nor a frontstage card; add {(context.IsMarkdown ? "a `- Touchpoint:` item" : "`touchpoint:`")} (the channel: app, desk, phone...) or {(context.IsMarkdown ? "a `- Frontstage:` item" : "`frontstage:`")} (what staff do in view)").About(FindingSubject.Step(step));
        }
    }
}
