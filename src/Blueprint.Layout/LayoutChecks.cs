namespace Blueprint.Layout;

/// <summary>Self-checks of a layout's promises, for tests and debugging.</summary>
public static class LayoutChecks
{
    /// <summary>
    /// Every place where an edge's route passes through the inside of a card (touching a card's border, as at an
    /// attach point, does not count). Empty for a good layout.
    /// </summary>
    public static IReadOnlyList<string> RouteCrossings(DiagramLayout layout)
    {
        var byColumn = CardsByColumn(layout);
        var found = new List<string>();
        for (int e = 0; e < layout.Edges.Count; e++)
        {
            var pts = layout.Edges[e].Points;
            for (int i = 0; i + 1 < pts.Count; i++)
            {
                var (a, b) = (pts[i], pts[i + 1]);
                foreach (int c in ColumnsOverlapping(layout, Math.Min(a.X, b.X), Math.Max(a.X, b.X)))
                    foreach (int card in byColumn[c])
                        if (layout.Cards[card].Rect.CrossedBy(a, b))
                            found.Add($"edge {e} ({EdgeName(layout, e)}) segment {i} crosses card {layout.Cards[card].Name}");
            }
        }
        return found;
    }

    /// <summary>Every arrow label that covers part of a card. Empty for a good layout.</summary>
    public static IReadOnlyList<string> LabelOverlaps(DiagramLayout layout)
    {
        var byColumn = CardsByColumn(layout);
        var found = new List<string>();
        for (int e = 0; e < layout.Edges.Count; e++)
        {
            if (layout.Edges[e].LabelRect is not { } r) continue;
            foreach (int c in ColumnsOverlapping(layout, r.X, r.Right))
                foreach (int card in byColumn[c])
                    if (layout.Cards[card].Rect.Overlaps(r))
                        found.Add($"label of edge {e} \"{layout.Edges[e].Label}\" covers card {layout.Cards[card].Name}");
        }
        return found;
    }

    /// <summary>
    /// Every vertical route segment that runs along a scene divider (the grey line down the gutter before a scene's
    /// first step), closer than <paramref name="clearance"/>, hiding it. Empty for a good layout.
    /// </summary>
    public static IReadOnlyList<string> SceneDividerOverlaps(DiagramLayout layout, double clearance = 1)
    {
        var found = new List<string>();
        foreach (var divider in SceneDividers(layout))
        {
            for (int e = 0; e < layout.Edges.Count; e++)
            {
                var pts = layout.Edges[e].Points;
                for (int i = 0; i + 1 < pts.Count; i++)
                {
                    var (a, b) = (pts[i], pts[i + 1]);
                    if (Math.Abs(a.X - b.X) < 0.001 && Math.Abs(a.Y - b.Y) > 0.001 && Math.Abs(a.X - divider) < clearance)
                        found.Add($"edge {e} ({EdgeName(layout, e)}) segment {i} runs along the scene divider at x=" + divider.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }
        return found;
    }

    /// <summary>
    /// Every arrow label whose box a separator line (interaction, visibility, internal interaction) passes through or
    /// comes closer to than <paramref name="clearance"/>. Empty for a good layout.
    /// </summary>
    public static IReadOnlyList<string> LabelSeparatorCrossings(DiagramLayout layout, double clearance = 1)
    {
        var found = new List<string>();
        for (int e = 0; e < layout.Edges.Count; e++)
        {
            if (layout.Edges[e].LabelRect is not { } r) continue;
            foreach (var sep in layout.Separators)
                if (r.Y - clearance < sep.Y && r.Bottom + clearance > sep.Y)
                    found.Add($"label of edge {e} \"{layout.Edges[e].Label}\" lies on the {sep.Label.ToLowerInvariant()}");
        }
        return found;
    }

    /// <summary>The x of every scene divider drawn (between consecutive scenes that have steps).</summary>
    public static IEnumerable<double> SceneDividers(DiagramLayout layout) =>
        layout.Scenes.Skip(1).Where(s => s.StepCount > 0 && s.Left > layout.LabelColumn.Right).Select(s => s.Left);

    private static string EdgeName(DiagramLayout layout, int e) =>
        $"{layout.Cards[layout.Edges[e].FromCard].Name} -> {layout.Cards[layout.Edges[e].ToCard].Name}";

    private static List<int>[] CardsByColumn(DiagramLayout layout)
    {
        var byColumn = new List<int>[layout.Steps.Count];
        for (int c = 0; c < byColumn.Length; c++) byColumn[c] = [];
        for (int i = 0; i < layout.Cards.Count; i++) byColumn[layout.Cards[i].StepIndex].Add(i);
        return byColumn;
    }

    /// <summary>Step columns whose x-range meets [x0, x1] (columns are sorted left to right).</summary>
    private static IEnumerable<int> ColumnsOverlapping(DiagramLayout layout, double x0, double x1)
    {
        var steps = layout.Steps;
        int lo = 0, hi = steps.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (steps[mid].Column.Right < x0) lo = mid + 1; else hi = mid;
        }
        for (int c = lo; c < steps.Count && steps[c].Column.X <= x1; c++) yield return c;
    }
}
