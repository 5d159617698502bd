using Blueprint.Core.Diff;
using Blueprint.Core.Model;

namespace Blueprint.Layout;

// Arrow routing. Every route is orthogonal and runs only where no card can be: inside a step column between two
// facing cards with nothing between them, in the vertical gutters between columns, or in the horizontal gutters
// between lanes. Parallel segments in one gutter get tracks of their own (interval partitioning), and a gutter grows
// with its track count, so routes never overlap and never cross a card.
internal sealed partial class LayoutBuilder
{
    /// <summary>The arrows to draw: the file's and the journey line, and in a diff drawing the removed ones between the cards (or ghosts) they joined.</summary>
    private IEnumerable<(Edge Edge, DiffMark? Mark)> EdgesToDraw(BlueprintGraph graph)
    {
        if (overlay is null) return graph.Arrows.Concat(graph.JourneyEdges).Select(e => (e, (DiffMark?)null));
        var live = graph.Arrows.Where(e => !overlay.IsGhost(e.From.Card) && !overlay.IsGhost(e.To.Card))
            .Select(e => (e, e.Arrow is { } a && overlay.AddedArrows.Contains(a) ? DiffMark.Added : (DiffMark?)null));
        var ghosts = overlay.RemovedArrows.Select(g => (new Edge(graph.Place(g.From), graph.Place(g.To), g.Arrow), (DiffMark?)DiffMark.Removed));
        return live.Concat(ghosts).Concat(graph.JourneyEdges.Select(e => (e, (DiffMark?)null)));
    }

    /// <summary>True when a removed card (a ghost of a diff drawing) sits in the row between two cards, where a straight journey line would cross it.</summary>
    private bool GhostBetween(Slot from, Slot to)
    {
        if (overlay is null) return false;
        for (int c = from.Col + 1; c < to.Col; c++)
            if (cells[c][from.Row].Count > 0) return true;
        return false;
    }

    private void PlanEdges(BlueprintGraph graph, Dictionary<Card, Slot> slotOf)
    {
        foreach (var (edge, mark) in EdgesToDraw(graph))
        {
            if (!slotOf.TryGetValue(edge.From.Card, out var from) || !slotOf.TryGetValue(edge.To.Card, out var to)) continue;
            var kind = edge.IsJourney ? EdgeKind.Journey : edge.Loop ? EdgeKind.Loop : EdgeKind.Arrow;
            var p = new Plan { Edge = edge, Kind = kind, From = from, To = to, Index = plans.Count, Mark = mark };
            if (!string.IsNullOrWhiteSpace(edge.Label))
            {
                p.LabelText = m.Wrap(edge.Label.Trim(), labelFont, LabelMaxWidth, 2);
                p.LabelWidth = Math.Ceiling(p.LabelText.Width);
                p.LabelHeight = p.LabelText.Height + 2 * LabelPad;
            }
            plans.Add(p);

            if (kind == EdgeKind.Loop && to.Col <= from.Col)
            {
                // A loop goes round: out of the right of its source, back over the lanes between, into the left of its target.
                p.Shape = Shape.Long;
                p.A = AttachTo(from, Right, p, to);
                p.B = AttachTo(to, Left, p, from);
                p.V1 = new VSeg(from.Col + 1, p);
                p.V2 = new VSeg(to.Col, p);
                p.HGutter = Math.Min(from.Row, to.Row);
                p.HFrom = to.Col;
                p.HTo = from.Col + 1;
                continue;
            }

            if (from.Col == to.Col)
            {
                bool sameCell = from.Row == to.Row;
                if (from != to && ClearBetween(from, to) && !(sameCell && p.LabelText is not null))
                {
                    p.Shape = Shape.Straight;
                    p.Down = to.Row > from.Row || (sameCell && to.IndexInCell > from.IndexInCell);
                }
                else
                {
                    p.Shape = Shape.CShape;
                    p.A = AttachTo(from, Right, p, to);
                    p.B = AttachTo(to, Right, p, from);
                    p.V1 = new VSeg(from.Col + 1, p);
                }
                continue;
            }

            bool forward = to.Col > from.Col;
            p.A = AttachTo(from, forward ? Right : Left, p, to);
            p.B = AttachTo(to, forward ? Left : Right, p, from);
            int g1 = forward ? from.Col + 1 : from.Col;
            int g2 = forward ? to.Col : to.Col + 1;
            if (g1 == g2)
            {
                p.Shape = Shape.Jog;
                p.V1 = new VSeg(g1, p);
            }
            else if (kind == EdgeKind.Journey && forward && !GhostBetween(from, to))
            {
                // Consecutive customer cards: the customer cells between them are empty, so the line runs straight through.
                p.Shape = Shape.JourneyLong;
                p.V1 = new VSeg(g2, p);
            }
            else
            {
                p.Shape = Shape.Long;
                p.V1 = new VSeg(g1, p);
                p.V2 = new VSeg(g2, p);
                p.HGutter = kind == EdgeKind.Loop ? Math.Min(from.Row, to.Row)
                    : to.Row > from.Row ? to.Row
                    : to.Row < from.Row ? to.Row + 1
                    : from.Row + 1;
                p.HFrom = Math.Min(g1, g2);
                p.HTo = Math.Max(g1, g2);
            }
        }
    }

    private static Attach AttachTo(Slot slot, int side, Plan plan, Slot other)
    {
        var a = new Attach(plan, other);
        slot.Sides[side].Add(a);
        return a;
    }

    /// <summary>True when no card of the column lies between the two cards, so a straight vertical line can join them.</summary>
    private bool ClearBetween(Slot a, Slot b)
    {
        if (a.Row == b.Row) return Math.Abs(a.IndexInCell - b.IndexInCell) == 1;
        var (upper, lower) = a.Row < b.Row ? (a, b) : (b, a);
        var column = cells[a.Col];
        if (upper.IndexInCell != column[upper.Row].Count - 1 || lower.IndexInCell != 0) return false;
        for (int r = upper.Row + 1; r < lower.Row; r++)
            if (column[r].Count > 0) return false;
        return true;
    }

    private int[] AssignHorizontalTracks(out int[] count)
    {
        count = new int[rows + 1];
        var track = new int[plans.Count];
        var byGutter = new List<Plan>[rows + 1];
        for (int k = 0; k <= rows; k++) byGutter[k] = [];
        foreach (var p in plans)
            if (p.HGutter >= 0) byGutter[p.HGutter].Add(p);
        for (int k = 0; k <= rows; k++)
        {
            var list = byGutter[k];
            var t = new int[list.Count];
            count[k] = Tracks.Assign(list.Select(p => ((double)p.HFrom, (double)p.HTo)).ToList(), t);
            for (int i = 0; i < list.Count; i++) track[list[i].Index] = t[i];
        }
        return track;
    }

    private List<Point> RoutePoints(Plan p, double laneTop, double hTrackRelY, double[] colLeft)
    {
        var pts = new List<Point>(6);
        Slot f = p.From, t = p.To;
        if (p.Shape == Shape.Straight)
        {
            double x = colLeft[f.Col] + o.CardWidth / 2 + p.ColumnOffset;
            if (p.Down) { pts.Add(new(x, f.Rect.Bottom)); pts.Add(new(x, t.Rect.Y)); }
            else { pts.Add(new(x, f.Rect.Y)); pts.Add(new(x, t.Rect.Bottom)); }
            return pts;
        }
        double ya = laneTop + p.A!.RelY, yb = laneTop + p.B!.RelY;
        double xa = f.Sides[Right].Contains(p.A) ? f.Rect.Right : f.Rect.X;
        double xb = t.Sides[Right].Contains(p.B) ? t.Rect.Right : t.Rect.X;
        pts.Add(new(xa, ya));
        switch (p.Shape)
        {
            case Shape.CShape:
            case Shape.Jog:
            case Shape.JourneyLong:
                pts.Add(new(p.V1!.X, ya));
                pts.Add(new(p.V1.X, yb));
                break;
            case Shape.Long:
                double hy = laneTop + hTrackRelY;
                pts.Add(new(p.V1!.X, ya));
                pts.Add(new(p.V1.X, hy));
                pts.Add(new(p.V2!.X, hy));
                pts.Add(new(p.V2.X, yb));
                break;
        }
        pts.Add(new(xb, yb));
        return Simplify(pts);
    }

    /// <summary>Drops repeated points and the middle of three collinear points.</summary>
    private static List<Point> Simplify(List<Point> pts)
    {
        var r = new List<Point>(pts.Count);
        foreach (var pt in pts)
        {
            if (r.Count > 0 && Near(r[^1], pt)) continue;
            if (r.Count >= 2)
            {
                var a = r[^2]; var b = r[^1];
                bool collinear = (Math.Abs(a.X - b.X) < 0.001 && Math.Abs(b.X - pt.X) < 0.001)
                              || (Math.Abs(a.Y - b.Y) < 0.001 && Math.Abs(b.Y - pt.Y) < 0.001);
                if (collinear) r[^1] = pt;
                else r.Add(pt);
            }
            else r.Add(pt);
        }
        return r;
    }

    private static bool Near(Point a, Point b) => Math.Abs(a.X - b.X) < 0.001 && Math.Abs(a.Y - b.Y) < 0.001;

    /// <summary>Rectangles bucketed on a coarse grid, so overlap queries stay local however big the diagram is.</summary>
    private sealed class RectGrid
    {
        private const double Cell = 200;
        private readonly Dictionary<(int, int), List<Rect>> cells = [];

        public void Add(Rect r)
        {
            foreach (var key in Keys(r))
            {
                if (!cells.TryGetValue(key, out var list)) cells[key] = list = [];
                list.Add(r);
            }
        }

        public bool Hits(Rect r)
        {
            foreach (var key in Keys(r))
                if (cells.TryGetValue(key, out var list) && list.Any(o => o.Overlaps(r))) return true;
            return false;
        }

        private static IEnumerable<(int, int)> Keys(Rect r)
        {
            for (int i = (int)Math.Floor(r.X / Cell); i <= (int)Math.Floor(r.Right / Cell); i++)
                for (int j = (int)Math.Floor(r.Y / Cell); j <= (int)Math.Floor(r.Bottom / Cell); j++)
                    yield return (i, j);
        }
    }
}
