using Blueprint.Core.Diagnostics;
using Blueprint.Core.Model;

namespace Blueprint.Core.Analysis.Rules;

/// <summary>
/// BP104: an arrow written between a customer card and a backstage or support card, in either direction. The
/// customer meets the organisation through touchpoints and frontstage; a direct arrow skips the line of
/// visibility. Reported at the arrow's <c>to</c> entry. The journey line only joins customer cards, so it never counts.
/// </summary>
public sealed class CrossesVisibilityRule : IRule
{
    public DiagnosticDescriptor Descriptor => Descriptors.CrossesVisibility;

    private static bool Hidden(string laneId) => laneId is Lane.Backstage or Lane.Support;

    public IEnumerable<Diagnostic> Check(RuleContext context)
    {
        foreach (var edge in context.Graph.Arrows)
        {
            string from = edge.From.Card.LaneId, to = edge.To.Card.LaneId;
            bool crosses = (from == Lane.Customer && Hidden(to)) || (Hidden(from) && to == Lane.Customer);
            if (!crosses) continue;
            yield return Descriptor.At(edge.Arrow!.Location,
                $"the arrow from `{edge.From.DisplayName}` ({from}) to `{edge.To.DisplayName}` ({to}) crosses the line of visibility directly; route it through the touchpoint or frontstage card the customer actually meets").About(FindingSubject.Card(edge.From));
        }
    }
}
