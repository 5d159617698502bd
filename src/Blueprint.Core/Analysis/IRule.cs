using Blueprint.Core.Diagnostics;
using Blueprint.Core.Model;
using Blueprint.Core.Reading;

namespace Blueprint.Core.Analysis;

/// <summary>
/// What a rule sees: the model, its resolved graph, (when a renderer's measurer is at hand) whether a card's text would
/// be cut, and the format the file was written in, so that a fix hint is worded the way that file is written.
/// </summary>
public sealed record RuleContext(BlueprintDocument Document, BlueprintGraph Graph, Func<Card, bool>? IsTextCut = null, SourceFormat Format = SourceFormat.Yaml)
{
    public bool IsMarkdown => Format == SourceFormat.Markdown;
}

/// <summary>One check: one descriptor, one pure function from the model to findings.</summary>
public interface IRule
{
    DiagnosticDescriptor Descriptor { get; }
    IEnumerable<Diagnostic> Check(RuleContext context);
}
