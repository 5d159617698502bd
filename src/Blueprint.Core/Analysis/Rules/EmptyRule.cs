using Blueprint.Core.Diagnostics;

namespace Blueprint.Core.Analysis.Rules;

/// <summary>BP008: a blueprint with no scene, or no step in any scene, has nothing to draw.</summary>
public sealed class EmptyRule : IRule
{
    public DiagnosticDescriptor Descriptor => Descriptors.Empty;

    public IEnumerable<Diagnostic> Check(RuleContext context)
    {
        var doc = context.Document;
        bool md = context.IsMarkdown;
        if (doc.Scenes.Count == 0)
            yield return Descriptor.At(doc.Location, md
                ? "the blueprint has no scenes; add a `## <scene>` heading with at least one `### <step>` heading under it"
                : "the blueprint has no scenes; add `scenes:` with at least one `- scene: <name>` and its `steps:`");
        else if (!doc.Steps.Any())
            yield return Descriptor.At(doc.Scenes[0].Location, md
                ? "no scene has a step; add at least one `### <step>` heading under a `## <scene>` heading"
                : "no scene has a step; add `steps:` with at least one `- step: <name>`");
    }
}
