using Blueprint.Core.Diagnostics;

namespace Blueprint.Core.Analysis.Rules;

/// <summary>BP108: a blueprint maps one scenario; without <c>scenario:</c> readers must guess where it starts and ends.</summary>
public sealed class NoScenarioRule : IRule
{
    public DiagnosticDescriptor Descriptor => Descriptors.NoScenario;

    public IEnumerable<Diagnostic> Check(RuleContext context)
    {
        if (context.Document.Scenario is null)
            yield return Descriptor.At(context.Document.Location,
                context.IsMarkdown
                    ? "the blueprint has no scenario; add a first paragraph under the `#` title naming who does what, from start to end, e.g. `A couple books online, dines and pays.`"
                    : "the blueprint has no `scenario:`; add a sentence naming who does what, from start to end, e.g. `scenario: A couple books online, dines and pays.`").About(FindingSubject.Blueprint);
    }
}
