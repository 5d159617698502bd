using Blueprint.Core.Diagnostics;

namespace Blueprint.Core.Analysis.Rules;

/// <summary>
/// BP110: card text that the diagram would cut with an ellipsis. Whether text fits is the layout's measurement,
/// handed in as <see cref="RuleContext.IsTextCut"/>; without one (no measurer at hand) the rule is silent rather
/// than guess from character counts.
/// </summary>
public sealed class LongTextRule : IRule
{
    public DiagnosticDescriptor Descriptor => Descriptors.LongText;

    public IEnumerable<Diagnostic> Check(RuleContext context)
    {
        if (context.IsTextCut is not { } isCut) yield break;
        foreach (var placed in context.Graph.Cards)
        {
            if (!isCut(placed.Card)) continue;
            yield return Descriptor.At(placed.Card.Location,
                $"the text of `{placed.DisplayName}` ({placed.Card.Text.Length} characters) is too long for its card and would be cut; shorten it and move the detail to {(context.IsMarkdown ? "a nested `- Note:` item" : "`note:`")}").About(FindingSubject.Card(placed));
        }
    }
}
