using Blueprint.Core.Diagnostics;

namespace Blueprint.Core.Analysis.Rules;

/// <summary>BP107: a blueprint is made to reach a goal; without <c>goal:</c> nobody can tell what it is for.</summary>
public sealed class NoGoalRule : IRule
{
    public DiagnosticDescriptor Descriptor => Descriptors.NoGoal;

    public IEnumerable<Diagnostic> Check(RuleContext context)
    {
        if (context.Document.Goal is null)
            yield return Descriptor.At(context.Document.Location,
                context.IsMarkdown
                    ? "the blueprint has no `goal:`; add one line to the front matter (between `---` lines at the top) saying what it is made to change, e.g. `goal: Cut the wait between seating and ordering`"
                    : "the blueprint has no `goal:`; add one line saying what it is made to change, e.g. `goal: Cut the wait between seating and ordering`").About(FindingSubject.Blueprint);
    }
}
