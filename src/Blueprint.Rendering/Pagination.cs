using System.Runtime.CompilerServices;
using Blueprint.Layout;

namespace Blueprint.Rendering;

/// <summary>A paper size in points, portrait; diagrams are printed landscape.</summary>
public sealed record PageSize(string Name, double Width, double Height)
{
    public static readonly IReadOnlyList<PageSize> Known =
    [
        new("a4", 595.28, 841.89), new("a3", 841.89, 1190.55), new("a2", 1190.55, 1683.78),
        new("a1", 1683.78, 2383.94), new("a0", 2383.94, 3370.39), new("letter", 612, 792),
        new("legal", 612, 1008), new("tabloid", 792, 1224),
    ];

    public static PageSize? Find(string name) =>
        Known.FirstOrDefault(p => string.Equals(p.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    public PageSize Landscape => Width >= Height ? this : this with { Width = Height, Height = Width };
}

/// <summary>
/// One PDF page: its size in points, the scale from diagram units, and the diagram's x-range
/// [<see cref="BodyLeft"/>, <see cref="BodyRight"/>) shown beside the repeated lane labels: the steps
/// [<see cref="FirstStep"/>, <see cref="FirstStep"/> + <see cref="StepCount"/>) of the scenes
/// [<see cref="FirstScene"/>, <see cref="FirstScene"/> + <see cref="SceneCount"/>), whole scenes unless one is wider than a page.
/// </summary>
public sealed record PagePlan(double Width, double Height, double Scale, double BodyLeft, double BodyRight, int FirstScene, int SceneCount, int FirstStep = 0, int StepCount = 0);

/// <summary>A scene that a paged PDF split because it is wider than a page: it starts on <see cref="FirstPage"/> and continues to <see cref="LastPage"/> (1-based).</summary>
public sealed record SplitScene(int Scene, string Name, int FirstPage, int LastPage);

/// <summary>
/// Splits a diagram into pages of whole scenes that repeat the lane labels (SPEC section 6); a scene wider than a page
/// continues on the next page with its header repeated and marked as continued, so card text is never set below
/// <see cref="MinCardTextSize"/>.
/// </summary>
public static class Pagination
{
    /// <summary>The widest PDF page many viewers accept: 200 inches.</summary>
    public const double MaxPdfPageSide = 14_400;

    /// <summary>The smallest size in points that a page sets card text at: below it, printed text is hard to read.</summary>
    public const double MinCardTextSize = 6;

    /// <summary>
    /// One page when the diagram fits in <see cref="MaxPdfPageSide"/> and no paper size is asked for; otherwise
    /// pages that each hold whole scenes, scaled down where a page needs it but never so far that card text is
    /// smaller than <see cref="MinCardTextSize"/>: a scene wider than that continues on the next page, and a diagram
    /// taller than the paper at that size gets pages as tall as it needs.
    /// </summary>
    public static IReadOnlyList<PagePlan> Plan(DiagramLayout layout, PageSize? paper)
    {
        double bodyStart = layout.LabelColumn.Right;
        double rightMargin = layout.Scenes.Count > 0 ? Math.Max(0, layout.Width - layout.Scenes[^1].Right) : 0;
        if (paper is null && layout.Width <= MaxPdfPageSide && layout.Height <= MaxPdfPageSide || layout.Steps.Count == 0)
            return [new PagePlan(layout.Width, layout.Height, 1, bodyStart, layout.Width, 0, layout.Scenes.Count, 0, layout.Steps.Count)];

        double floor = layout.CardFontSize > 0 ? Math.Min(1, MinCardTextSize / layout.CardFontSize) : 0;
        double pageWidth, scale;
        double? paperHeight = null;
        if (paper is not null)
        {
            var landscape = paper.Landscape;
            double widestScene = layout.Scenes.Max(s => s.Width);
            scale = Math.Min(1, Math.Min(landscape.Height / layout.Height, landscape.Width / (bodyStart + widestScene + rightMargin)));
            (pageWidth, paperHeight) = (landscape.Width, landscape.Height);
        }
        else
        {
            scale = Math.Min(1, MaxPdfPageSide / layout.Height);
            pageWidth = MaxPdfPageSide;
        }
        scale = Math.Max(scale, floor);
        double pageHeight = Math.Max(paperHeight ?? 0, layout.Height * scale);

        double room = pageWidth / scale - bodyStart - rightMargin;
        var pages = new List<PagePlan>();
        int step = 0;
        while (step < layout.Steps.Count)
        {
            // Whole scenes while they fit; a scene that does not fit on an empty page is cut after the last step that does.
            int first = step, firstScene = layout.Steps[step].SceneIndex;
            double left = StepLeft(layout, step);
            while (step < layout.Steps.Count)
            {
                var scene = layout.Scenes[layout.Steps[step].SceneIndex];
                int sceneEnd = scene.FirstStep + scene.StepCount;
                if (scene.Right - left <= room) { step = sceneEnd; continue; }
                if (step > first) break;
                do step++; while (step < sceneEnd && StepRight(layout, step) - left <= room);
                break;
            }
            double right = StepRight(layout, step - 1);
            double pageScale = Math.Max(floor, Math.Min(scale, pageWidth / (bodyStart + (right - left) + rightMargin)));
            double width = paper is null ? (bodyStart + (right - left) + rightMargin) * pageScale : pageWidth;
            int lastScene = layout.Steps[step - 1].SceneIndex;
            pages.Add(new PagePlan(width, paper is null ? layout.Height * pageScale : pageHeight, pageScale, left, right,
                firstScene, lastScene - firstScene + 1, first, step - first));
        }
        return pages;
    }

    /// <summary>The scenes that <paramref name="pages"/> split over more than one page, in order.</summary>
    public static IReadOnlyList<SplitScene> SplitScenes(DiagramLayout layout, IReadOnlyList<PagePlan> pages)
    {
        var split = new List<SplitScene>();
        for (int p = 0; p < pages.Count; p++)
        {
            int scene = pages[p].FirstScene;
            if (pages[p].SceneCount == 0 || (split.Count > 0 && split[^1].Scene == scene)) continue;
            int last = p;
            while (last + 1 < pages.Count && pages[last + 1].FirstScene == scene && pages[last + 1].FirstStep > layout.Scenes[scene].FirstStep) last++;
            if (last > p) split.Add(new SplitScene(scene, layout.Scenes[scene].Name, p + 1, last + 1));
        }
        return split;
    }

    /// <summary>Where a step's part of the body starts: its scene's left edge for a first step, else the middle of the gutter before it.</summary>
    private static double StepLeft(DiagramLayout layout, int step)
    {
        var scene = layout.Scenes[layout.Steps[step].SceneIndex];
        return step == scene.FirstStep ? scene.Left : (layout.Steps[step - 1].Column.Right + layout.Steps[step].Column.X) / 2;
    }

    /// <summary>Where a step's part of the body ends: its scene's right edge for a last step, else the middle of the gutter after it.</summary>
    private static double StepRight(DiagramLayout layout, int step)
    {
        var scene = layout.Scenes[layout.Steps[step].SceneIndex];
        return step == scene.FirstStep + scene.StepCount - 1 ? scene.Right : (layout.Steps[step].Column.Right + layout.Steps[step + 1].Column.X) / 2;
    }

    /// <summary>
    /// Draws one page: header, lane labels and legend as they are, the body shifted to the page's steps and clipped; the
    /// header band of a scene the page shows only part of is drawn over that part (marked as continued after its first page).
    /// </summary>
    public static void PaintPage(DiagramLayout layout, PagePlan page, IDiagramCanvas canvas)
    {
        canvas.BeginPage(page.Width, page.Height);
        canvas.DrawRectangle(0, 0, page.Width, page.Height, layout.Background);
        bool whole = page.BodyLeft <= layout.LabelColumn.Right && page.BodyRight >= layout.Width && page.Scale == 1;
        if (whole)
        {
            DiagramPainter.Paint(layout.Ops, canvas);
            return;
        }

        var body = s_bodies.GetValue(layout, static l => new BodyOps(l));
        double bodyStart = layout.LabelColumn.Right;
        canvas.BeginView(0, 0, page.Width, page.Height, 0, 0, page.Scale);
        DiagramPainter.Paint(body.Frozen, canvas);
        canvas.EndView();
        double clipLeft = bodyStart * page.Scale;
        double clipWidth = Math.Min(page.Width - clipLeft, (page.BodyRight - page.BodyLeft) * page.Scale);
        canvas.BeginView(clipLeft, 0, clipWidth, page.Height, bodyStart - page.BodyLeft, 0, page.Scale);
        // Only what reaches into the page's range: a page of a long diagram must not carry (clipped away) every other page's drawing.
        double left = page.BodyLeft - CullSlack, right = page.BodyRight + CullSlack;
        var partial = PartialScenes(layout, page);
        var ops = body.Reaching(left, right).Select(o => o is PolylineOp p ? Trim(p, left, right) : o);
        if (partial.Count > 0)
        {
            var replaced = new HashSet<DrawOp>(partial.SelectMany(s => layout.Scenes[s.Scene].HeaderOps), ReferenceEqualityComparer.Instance);
            ops = ops.Where(o => !replaced.Contains(o)).Concat(partial.SelectMany(s =>
            {
                var variants = s.Continued ? layout.Scenes[s.Scene].ContinuedHeader : layout.Scenes[s.Scene].PartHeader;
                var variant = variants.FirstOrDefault(v => v.MinWidth <= s.Right - s.Left) ?? variants[^1];
                return PlaceHeader(variant.Ops, s.Left, s.Right);
            }));
        }
        DiagramPainter.Paint(ops, canvas);
        canvas.EndView();
    }

    /// <summary>The scenes a page shows only part of: where that part is, and whether it continues the scene from an earlier page.</summary>
    private static List<(int Scene, double Left, double Right, bool Continued)> PartialScenes(DiagramLayout layout, PagePlan page)
    {
        var partial = new List<(int, double, double, bool)>();
        for (int s = page.FirstScene; s < page.FirstScene + page.SceneCount && s < layout.Scenes.Count; s++)
        {
            var scene = layout.Scenes[s];
            bool continued = page.FirstStep > scene.FirstStep;
            bool continues = page.FirstStep + page.StepCount < scene.FirstStep + scene.StepCount;
            if ((continued || continues) && scene.PartHeader.Count > 0)
                partial.Add((s, Math.Max(scene.Left, page.BodyLeft), Math.Min(scene.Right, page.BodyRight), continued));
        }
        return partial;
    }

    /// <summary>A scene header band drawn over [<paramref name="left"/>, <paramref name="right"/>): its rectangles span it, its text is centred in it.</summary>
    internal static IEnumerable<DrawOp> PlaceHeader(IReadOnlyList<DrawOp> header, double left, double right) => header.Select(op => op switch
    {
        RectOp r => r with { Rect = r.Rect with { X = left + 1, Width = Math.Max(0, right - left - 2) } },
        TextOp t => t with { Box = t.Box with { X = left + 6, Width = Math.Max(1, right - left - 12) } },
        _ => op,
    });

    /// <summary>How far past its box or points an operation may still draw (half the widest stroke, antialiasing), in points.</summary>
    private const double CullSlack = 4;

    /// <summary>How much of a line is kept beyond the page's range when it is cut: more than any miter join reaches.</summary>
    private const double TrimMargin = 50;

    /// <summary>
    /// The part of a long polyline that can reach [<paramref name="left"/>, <paramref name="right"/>], with
    /// <see cref="TrimMargin"/> of its length to spare on both sides; the line itself when nothing would be cut.
    /// A lane rule runs the whole diagram: drawn whole on each page, a dashed one costs the PDF writer every dash
    /// of every page. A dashed line is cut where its pattern starts over, so what the page shows is unchanged.
    /// Arrows (short, and ending in a head) are left alone.
    /// </summary>
    internal static PolylineOp Trim(PolylineOp line, double left, double right)
    {
        var points = line.Points;
        if (line.ArrowHead > 0 || points.Count < 2) return line;

        // Arc length at each point, and where the line first enters and last leaves the range.
        var along = new double[points.Count];
        double enter = double.NaN, leave = double.NaN;
        for (int i = 0; i < points.Count; i++)
        {
            if (i > 0)
            {
                var (a, b) = (points[i - 1], points[i]);
                double length = Math.Sqrt((b.X - a.X) * (b.X - a.X) + (b.Y - a.Y) * (b.Y - a.Y));
                along[i] = along[i - 1] + length;
                if (Math.Max(a.X, b.X) >= left && Math.Min(a.X, b.X) <= right)
                {
                    if (double.IsNaN(enter)) enter = along[i - 1] + length * EntryFraction(a.X, b.X, left, right);
                    leave = along[i] - length * EntryFraction(b.X, a.X, left, right);
                }
            }
        }
        if (double.IsNaN(enter)) return line;

        double total = along[^1];
        double from = Math.Max(0, enter - TrimMargin), to = Math.Min(total, leave + TrimMargin);
        // An odd number of lengths repeats with on and off swapped, so its pattern starts over every two rounds.
        double period = line.Stroke.Dash.Sum() * (line.Stroke.Dash.Count % 2 == 1 ? 2 : 1);
        if (line.Stroke.IsDashed && !(period > 0 && double.IsFinite(period) && line.Stroke.Dash.All(d => d >= 0))) return line;
        if (line.Stroke.IsDashed) from = Math.Floor(from / period) * period;
        if (from <= 0 && to >= total) return line;

        var kept = new List<Point> { PointAt(points, along, from) };
        for (int i = 0; i < points.Count; i++)
            if (along[i] > from && along[i] < to) kept.Add(points[i]);
        kept.Add(PointAt(points, along, to));
        return line with { Points = kept };
    }

    /// <summary>How far along the segment from x <paramref name="a"/> to x <paramref name="b"/> it first is inside [left, right] (0 to 1).</summary>
    private static double EntryFraction(double a, double b, double left, double right)
    {
        if (a >= left && a <= right) return 0;
        double edge = a < left ? left : right;
        return Math.Clamp((edge - a) / (b - a), 0, 1);
    }

    /// <summary>The point at arc length <paramref name="distance"/> along the polyline.</summary>
    private static Point PointAt(IReadOnlyList<Point> points, double[] along, double distance)
    {
        int i = 1;
        while (i < points.Count - 1 && along[i] < distance) i++;
        double length = along[i] - along[i - 1];
        double t = length > 0 ? Math.Clamp((distance - along[i - 1]) / length, 0, 1) : 1;
        var (a, b) = (points[i - 1], points[i]);
        return new Point(a.X + (b.X - a.X) * t, a.Y + (b.Y - a.Y) * t);
    }

    /// <summary>True when the operation's horizontal extent meets [<paramref name="left"/>, <paramref name="right"/>].</summary>
    internal static bool Reaches(DrawOp op, double left, double right)
    {
        var (min, max) = Extent(op);
        return max >= left && min <= right;
    }

    private static (double Min, double Max) Extent(DrawOp op) => op switch
    {
        RectOp r => (r.Rect.X, r.Rect.Right),
        TextOp t => (t.Box.X, t.Box.Right),
        LinkOp l => (l.Rect.X, l.Rect.Right),
        CircleOp c => (c.Center.X - c.Radius, c.Center.X + c.Radius),
        PolylineOp p when p.Points.Count > 0 => (p.Points.Min(pt => pt.X), p.Points.Max(pt => pt.X)),
        _ => (double.NegativeInfinity, double.PositiveInfinity),
    };

    private static readonly ConditionalWeakTable<DiagramLayout, BodyOps> s_bodies = new();

    /// <summary>
    /// A layout's body operations in drawing order with their horizontal extents, found once for all its pages: each
    /// page of a long diagram draws only what reaches it, and asking every operation again on each of the 1,000-step
    /// PDF's 15 pages cost it about 7 ms.
    /// </summary>
    private sealed class BodyOps
    {
        private readonly DrawOp[] _ops;
        private readonly (double Min, double Max)[] _extents;

        /// <summary>The operations every page draws as they are: header, lane labels and legend.</summary>
        public DrawOp[] Frozen { get; }

        public BodyOps(DiagramLayout layout)
        {
            _ops = layout.Ops.Where(o => o.Region == Region.Body).ToArray();
            _extents = Array.ConvertAll(_ops, Extent);
            GroupsReachWhatTheirMembersReach();
            Frozen = layout.Ops.Where(o => o.Region != Region.Body).ToArray();
        }

        /// <summary>
        /// A group's start and end reach as far as its members together (nothing when it has none), so a page keeps the
        /// groups of what it draws and no other: the markers of every card and arrow on every page cost a 10,000-step PDF
        /// more than its drawing.
        /// </summary>
        private void GroupsReachWhatTheirMembersReach()
        {
            for (int start = 0; start < _ops.Length; start++)
            {
                if (_ops[start] is not GroupOp) continue;
                int end = start + 1;
                (double Min, double Max) reach = (double.PositiveInfinity, double.NegativeInfinity);
                for (; end < _ops.Length && _ops[end] is not EndGroupOp; end++)
                    reach = (Math.Min(reach.Min, _extents[end].Min), Math.Max(reach.Max, _extents[end].Max));
                _extents[start] = reach;
                if (end < _ops.Length) _extents[end] = reach;
                start = end;
            }
        }

        /// <summary>The operations whose extent meets [<paramref name="left"/>, <paramref name="right"/>], in drawing order.</summary>
        public IEnumerable<DrawOp> Reaching(double left, double right)
        {
            for (int i = 0; i < _ops.Length; i++)
                if (_extents[i].Max >= left && _extents[i].Min <= right) yield return _ops[i];
        }
    }
}
