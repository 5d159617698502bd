using Blueprint.Core.Diagnostics;
using Blueprint.Core.Model;

namespace Blueprint.Core.Analysis;

/// <summary>What a rule sees: the model, its resolved graph, and (when a renderer's measurer is at hand) whether a card's text would be cut.</summary>
public sealed record RuleContext(BlueprintDocument Document, BlueprintGraph Graph, Func<Card, bool>? IsTextCut = null);

/// <summary>One check: one descriptor, one pure function from the model to findings.</summary>
public interface IRule
{
    DiagnosticDescriptor Descriptor { get; }
    IEnumerable<Diagnostic> Check(RuleContext context);
}
