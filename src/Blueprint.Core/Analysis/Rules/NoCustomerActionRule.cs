using Blueprint.Core.Diagnostics;
using Blueprint.Core.Model;

namespace Blueprint.Core.Analysis.Rules;

/// <summary>
/// BP102: a step without a customer card. Each step is a moment of the customer's journey, so it says what the
/// customer does. Silent when the diagram does not show the customer lane at all (a purely internal process).
/// </summary>
public sealed class NoCustomerActionRule : IRule
{
    public DiagnosticDescriptor Descriptor => Descriptors.NoCustomerAction;

    public IEnumerable<Diagnostic> Check(RuleContext context)
    {
        if (!context.Document.Lanes.Any(l => l.Id == Lane.Customer)) yield break;
        foreach (var step in context.Graph.Steps)
        {
            if (step.CardsIn(Lane.Customer).Any()) continue;
            yield return Descriptor.At(step.Location,
                $"step `{step.Id}` has no customer card; add {(context.IsMarkdown ? "a `- Customer:` item" : "`customer:`")} saying what the customer does (or waits for) in this step").About(FindingSubject.Step(step));
        }
    }
}
