using Blueprint.Core.Diagnostics;

namespace Blueprint.Core.Analysis.Rules;

/// <summary>
/// BP105: an arrow to a card of an earlier step (a lower step column) that is not marked <c>loop: true</c>.
/// Time runs left to right, so a backward arrow is either a mistake or a retry that should say so.
/// Reported at the arrow's <c>to</c> entry.
/// </summary>
public sealed class BackwardLinkRule : IRule
{
    public DiagnosticDescriptor Descriptor => Descriptors.BackwardLink;

    public IEnumerable<Diagnostic> Check(RuleContext context)
    {
        foreach (var edge in context.Graph.Arrows)
        {
            if (edge.Loop || edge.To.StepIndex >= edge.From.StepIndex) continue;
            yield return Descriptor.At(edge.Arrow!.Location,
                $"the arrow from `{edge.From.DisplayName}` in step `{edge.From.Step.Id}` points back to `{edge.To.DisplayName}` in the earlier step `{edge.To.Step.Id}`; if it is a retry or a return visit {(context.IsMarkdown ? $"give the link the title `loop`: `[](#{edge.Arrow.Ref} \"loop\")`" : $"write `{{ ref: {edge.Arrow.Ref}, loop: true }}`")}, else point it forward").About(FindingSubject.Card(edge.From));
        }
    }
}
