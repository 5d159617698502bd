using Blueprint.Core.Model;

namespace Blueprint.Layout;

/// <summary>
/// Places the three separator lines. Each separates two groups of standard lanes (custom lanes belong to neither);
/// it goes on the lane boundary that best splits them, whatever the lane order, and is left out when a group has
/// no lane in the diagram.
/// </summary>
public static class Separators
{
    private sealed record Definition(SeparatorKind Kind, Func<Vocabulary, string> Label, string[] Above, string[] Below, bool HugAbove);

    private static readonly Definition[] Definitions =
    [
        // Below the customer: what the customer does against what the organisation does.
        new(SeparatorKind.Interaction, v => v.LineOfInteraction, [Lane.Customer],
            [Lane.Touchpoint, Lane.Frontstage, Lane.Backstage, Lane.Support], HugAbove: true),
        // Between frontstage and backstage: what the customer sees against what it does not.
        new(SeparatorKind.Visibility, v => v.LineOfVisibility, [Lane.Customer, Lane.Touchpoint, Lane.Frontstage],
            [Lane.Backstage, Lane.Support], HugAbove: true),
        // Above support: the people serving against the systems and teams supporting them.
        new(SeparatorKind.InternalInteraction, v => v.LineOfInternalInteraction,
            [Lane.Customer, Lane.Touchpoint, Lane.Frontstage, Lane.Backstage], [Lane.Support], HugAbove: false),
    ];

    /// <summary>
    /// The lines for <paramref name="lanes"/> in order, labelled in <paramref name="words"/> (English when null);
    /// <paramref name="boundaries"/>[k] is the y of the top of lane k (one more entry for the bottom).
    /// </summary>
    public static IReadOnlyList<SeparatorLine> Place(IReadOnlyList<Lane> lanes, IReadOnlyList<double> boundaries, Vocabulary? words = null)
    {
        words ??= Languages.English;
        var result = new List<SeparatorLine>();
        foreach (var def in Definitions)
        {
            if (BoundaryFor(lanes, def) is { } b)
                result.Add(new SeparatorLine(def.Kind, def.Label(words), boundaries[b], b - 1));
        }
        return result;
    }

    /// <summary>The index of the lane under the line (1..lanes-1), or null when the line is not drawn.</summary>
    private static int? BoundaryFor(IReadOnlyList<Lane> lanes, Definition def)
    {
        var above = new List<int>();
        var below = new List<int>();
        for (int i = 0; i < lanes.Count; i++)
        {
            if (def.Above.Contains(lanes[i].Id)) above.Add(i);
            else if (def.Below.Contains(lanes[i].Id)) below.Add(i);
        }
        if (above.Count == 0 || below.Count == 0) return null;

        // Misplaced lanes per boundary, for the usual orientation and for a lane list turned upside down.
        int? best = null;
        int bestCost = int.MaxValue;
        foreach (bool flipped in new[] { false, true })
        {
            bool hugLow = def.HugAbove ^ flipped;   // prefer the boundary with the smaller index
            var candidates = Enumerable.Range(1, lanes.Count - 1);
            if (!hugLow) candidates = candidates.Reverse();
            foreach (int b in candidates)
            {
                int cost = flipped
                    ? above.Count(i => i < b) + below.Count(i => i >= b)
                    : above.Count(i => i >= b) + below.Count(i => i < b);
                if (cost < bestCost) { bestCost = cost; best = b; }
            }
        }
        return best;
    }
}
