using Blueprint.Core.Diagnostics;
using Blueprint.Core.Model;

namespace Blueprint.Core.Analysis.Rules;

/// <summary>
/// BP101: a lane the diagram shows (every lane of <c>lanes:</c>, or the six standard ones) with no card in any step.
/// Reported at the lane's entry in <c>lanes:</c>, or at the top of the file when the lanes are the default ones.
/// Silent on a blueprint without steps (BP008 says that).
/// </summary>
public sealed class MissingLayerRule : IRule
{
    public DiagnosticDescriptor Descriptor => Descriptors.MissingLayer;

    public IEnumerable<Diagnostic> Check(RuleContext context)
    {
        var doc = context.Document;
        if (context.Graph.Steps.Count == 0) yield break;
        var used = context.Graph.Cards.Select(c => c.Card.LaneId).ToHashSet(StringComparer.Ordinal);
        foreach (var lane in doc.Lanes)
        {
            if (used.Contains(lane.Id)) continue;
            bool declared = lane.Location.File is not null;
            string fix = declared
                ? "add a card to it in the steps where it plays a part, or remove it from `lanes:`"
                : context.IsMarkdown
                    ? $"add `- {MarkdownLabel(lane)}:` items to the steps where it plays a part, or list only the lanes you use in `lanes:` in the front matter"
                    : $"add `{lane.Id}:` cards to the steps where it plays a part, or list only the lanes you use in `lanes:`";
            yield return Descriptor.At(declared ? lane.Location : doc.Location,
                $"the {lane.Name} lane (`{lane.Id}`) has no card in any step; {fix}").About(FindingSubject.Lane(lane));
        }
    }

    /// <summary>The item label of a lane in Markdown: a standard lane capitalised (<c>Backstage</c>), a custom one by its id.</summary>
    private static string MarkdownLabel(Lane lane) =>
        lane.IsStandard && lane.Id.Length > 0 ? char.ToUpperInvariant(lane.Id[0]) + lane.Id[1..] : lane.Id;
}
