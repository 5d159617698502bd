using Blueprint.Core.Diagnostics;

namespace Blueprint.Core.Analysis.Rules;

/// <summary>BP106: a scene with no steps draws an empty header. Silent when no scene has a step (BP008 says that).</summary>
public sealed class EmptySceneRule : IRule
{
    public DiagnosticDescriptor Descriptor => Descriptors.EmptyScene;

    public IEnumerable<Diagnostic> Check(RuleContext context)
    {
        if (context.Graph.Steps.Count == 0) yield break;
        foreach (var scene in context.Document.Scenes)
        {
            if (scene.Steps.Count > 0) continue;
            yield return Descriptor.At(scene.Location,
                context.IsMarkdown
                    ? $"scene `{scene.Id}` has no steps; add at least one `### <step>` heading under it, or remove the scene"
                    : $"scene `{scene.Id}` has no steps; add `steps:` with at least one `- step: <name>`, or remove the scene").About(FindingSubject.Scene(scene));
        }
    }
}
