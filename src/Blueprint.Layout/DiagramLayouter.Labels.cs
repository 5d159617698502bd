namespace Blueprint.Layout;

// Arrow labels. Each label has a preferred spot on its own route and a run along which it may slide (and, on a
// horizontal run, a few points across it). It takes the nearest spot that covers no card, badge or label placed
// before it and keeps clear of the separator lines; of those, it takes the first that no other route or scene divider
// passes through, else the one fewest pass through.
internal sealed partial class LayoutBuilder
{
    private const double LabelClearance = 2;    // between a label box and a separator line, or the cards and arrowhead of its straight arrow
    private const double LabelSlideStep = 2;
    private const int LabelMaxCandidates = 400;
    private static readonly double[] OneWay = [1], BothWays = [1, -1];

    /// <summary>
    /// A label's preferred box, how far its centre may slide along its run (x when horizontal, else y), and the
    /// offsets across a horizontal run (in y) to try at each place.
    /// </summary>
    private sealed record LabelSpotInfo(Plan Plan, Rect Rect, double Lo, double Hi, bool Horizontal, double[] Across);

    /// <summary>What a label must not cover (hard) and would rather not cover (soft).</summary>
    private sealed class LabelObstacles(RectGrid blocked, IReadOnlyList<double> separatorYs, SegmentGrid segments)
    {
        public RectGrid Placed { get; } = new();

        public bool Hard(Rect r) =>
            blocked.Hits(r) || Placed.Hits(r) || separatorYs.Any(y => r.Y - LabelClearance < y && r.Bottom + LabelClearance > y);

        public int Soft(Rect r, int edge) => segments.Crossings(r, edge);
    }

    /// <summary>
    /// Where an arrow's label would best go: on its run along a lane gutter, else on its run in a column gutter (widened
    /// to fit it), else, for a straight arrow in a column, where it crosses the lane boundary next to its source.
    /// </summary>
    private LabelSpotInfo LabelSpot(Plan p, List<Point> pts, double laneTop, double[] boundary, double bodyLeft, double bodyRight,
        double[] gutterLeft, double[] gutterWidth, IReadOnlyList<double> separatorYs)
    {
        double w = p.LabelWidth + 2 * LabelPad, h = p.LabelHeight;
        double minX = bodyLeft + w / 2 + 2, maxX = Math.Max(minX, bodyRight - w / 2 - 2);
        double cx, cy, lo, hi;
        bool horizontal;
        double[] across = [0];
        switch (p.Shape)
        {
            case Shape.Long:
            {
                cx = Math.Clamp((p.V1!.X + p.V2!.X) / 2, minX, maxX);
                cy = pts[2].Y;
                lo = Math.Max(minX, Math.Min(p.V1.X, p.V2.X) + w / 2);
                hi = Math.Min(maxX, Math.Max(p.V1.X, p.V2.X) - w / 2);
                horizontal = true;
                // Off-centre across its line (which still passes through the box) when that clears a separator.
                across = [0, .. ShiftsClearOf(cy - h / 2, cy + h / 2, separatorYs, Math.Max(0, h / 2 - 3))];
                break;
            }
            case Shape.Straight:
            {
                cx = Math.Clamp(pts[0].X, minX, maxX);
                // The run between the two cards, keeping off the arrowhead at the target end.
                double start = pts[0].Y, end = pts[^1].Y;
                double top = Math.Min(start, end) + h / 2 + LabelClearance + (p.Down ? 0 : ArrowHead);
                double bottom = Math.Max(start, end) - h / 2 - LabelClearance - (p.Down ? ArrowHead : 0);
                cy = laneTop + boundary[p.Down ? p.From.Row + 1 : p.From.Row];
                if (top <= bottom) cy = Math.Clamp(cy, top, bottom);
                (lo, hi) = top <= bottom ? (top, bottom) : (cy, cy);
                horizontal = false;
                break;
            }
            default:
            {
                int g = p.V1!.Gutter;
                double gl = gutterLeft[g], gr = gutterLeft[g] + gutterWidth[g];
                cx = gr - gl >= w + 2 ? Math.Clamp(p.V1.X, gl + w / 2 + 1, gr - w / 2 - 1) : (gl + gr) / 2;
                double y0 = laneTop + p.V1.Y0, y1 = laneTop + p.V1.Y1;
                if (Math.Abs(y1 - y0) < 0.001)
                {
                    // A level run across the gutter: over the line, else under it.
                    cy = y0 - h / 2 - LabelClearance;
                    lo = hi = cx;
                    horizontal = true;
                    double below = h + 2 * LabelClearance;
                    across = [0, below, .. ShiftsClearOf(cy - h / 2, cy + h / 2, separatorYs, h / 2),
                        .. ShiftsClearOf(cy - h / 2 + below, cy + h / 2 + below, separatorYs, h / 2).Select(d => d + below)];
                }
                else
                {
                    cy = (y0 + y1) / 2;
                    lo = Math.Min(y0, y1) + h / 2;
                    hi = Math.Max(y0, y1) - h / 2;
                    horizontal = false;
                }
                break;
            }
        }
        return new LabelSpotInfo(p, new Rect(cx - w / 2, cy - h / 2, w, h), lo, hi, horizontal, across);
    }

    /// <summary>The shifts (up to <paramref name="limit"/> either way) that move the span top..bottom clear of a separator line it is too close to.</summary>
    private static IEnumerable<double> ShiftsClearOf(double top, double bottom, IReadOnlyList<double> separatorYs, double limit)
    {
        foreach (double y in separatorYs)
        {
            if (!(top - LabelClearance < y && bottom + LabelClearance > y)) continue;
            double up = y - LabelClearance - bottom - 0.01, down = y + LabelClearance - top + 0.01;
            foreach (double d in Math.Abs(up) <= Math.Abs(down) ? new[] { up, down } : [down, up])
                if (Math.Abs(d) <= limit) yield return d;
        }
    }

    /// <summary>The nearest good box for a label along its run; the preferred box when there is none.</summary>
    private static Rect PlaceLabel(LabelSpotInfo spot, LabelObstacles obstacles)
    {
        var preferred = spot.Rect;
        double centre = spot.Horizontal ? preferred.CenterX : preferred.CenterY;
        double reach = Math.Max(centre - spot.Lo, spot.Hi - centre);
        double step = Math.Max(LabelSlideStep, 2 * reach / LabelMaxCandidates);
        Rect? fallback = null;
        int fewest = int.MaxValue;
        for (int k = 0; k == 0 || k * step <= reach + 0.001; k++)
        {
            foreach (double sign in k == 0 ? OneWay : BothWays)
            {
                double c = centre + sign * k * step;
                if (k > 0 && (c < spot.Lo - 0.001 || c > spot.Hi + 0.001)) continue;
                foreach (double a in spot.Across)
                {
                    var r = spot.Horizontal
                        ? preferred with { X = c - preferred.Width / 2, Y = preferred.Y + a }
                        : preferred with { Y = c - preferred.Height / 2 };
                    if (obstacles.Hard(r)) continue;
                    int crossings = obstacles.Soft(r, spot.Plan.Index);
                    if (crossings == 0) return Keep(r);
                    if (crossings < fewest) (fallback, fewest) = (r, crossings);
                }
            }
        }
        return Keep(fallback ?? preferred);

        Rect Keep(Rect r)
        {
            obstacles.Placed.Add(r);
            return r;
        }
    }

    /// <summary>Route segments bucketed on a coarse grid, for asking which routes pass through a box.</summary>
    private sealed class SegmentGrid
    {
        private const double Cell = 200;
        private readonly Dictionary<(int, int), List<(Point A, Point B, int Edge)>> cells = [];

        /// <summary>Adds the segments of a polyline; <paramref name="edge"/> -1 for lines that are no route (scene dividers).</summary>
        public void Add(IReadOnlyList<Point> pts, int edge)
        {
            for (int i = 0; i + 1 < pts.Count; i++)
            {
                var (a, b) = (pts[i], pts[i + 1]);
                var box = new Rect(Math.Min(a.X, b.X), Math.Min(a.Y, b.Y), Math.Abs(a.X - b.X), Math.Abs(a.Y - b.Y));
                foreach (var key in Keys(box))
                {
                    if (!cells.TryGetValue(key, out var list)) cells[key] = list = [];
                    list.Add((a, b, edge));
                }
            }
        }

        /// <summary>How many segments of other routes (or dividers) pass through the inside of <paramref name="r"/>.</summary>
        public int Crossings(Rect r, int edge)
        {
            var seen = new HashSet<(Point, Point, int)>();
            foreach (var key in Keys(r))
                if (cells.TryGetValue(key, out var list))
                    foreach (var s in list)
                        if (s.Edge != edge && r.CrossedBy(s.A, s.B)) seen.Add(s);
            return seen.Count;
        }

        private static IEnumerable<(int, int)> Keys(Rect r)
        {
            for (int i = (int)Math.Floor(r.X / Cell); i <= (int)Math.Floor(r.Right / Cell); i++)
                for (int j = (int)Math.Floor(r.Y / Cell); j <= (int)Math.Floor(r.Bottom / Cell); j++)
                    yield return (i, j);
        }
    }
}
