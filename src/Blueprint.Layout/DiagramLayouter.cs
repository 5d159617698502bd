using Blueprint.Core.Diff;
using Blueprint.Core.Model;

namespace Blueprint.Layout;

/// <summary>
/// Lays a blueprint out as a swimlane diagram: a pure function of the document, the options and the text measurer.
/// Cost is linear in the number of cards and arrows (plus a sort per gutter).
/// </summary>
public static class DiagramLayouter
{
    public static DiagramLayout Layout(BlueprintDocument doc, LayoutOptions options, ITextMeasurer measurer)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(measurer);
        return new LayoutBuilder(doc, options, measurer).Build();
    }

    /// <summary>A diff drawing: the overlay's document with its added, changed and removed elements marked (SPEC section 9).</summary>
    public static DiagramLayout Layout(DiffOverlay overlay, LayoutOptions options, ITextMeasurer measurer)
    {
        ArgumentNullException.ThrowIfNull(overlay);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(measurer);
        return new LayoutBuilder(overlay.Document, options, measurer, overlay).Build();
    }
}

internal sealed partial class LayoutBuilder
{
    // Spacing, in points.
    private const double Margin = 24;
    private const double LabelColumnWidth = 132;
    private const double ColumnGutter = 32;       // least width of the gutter between two step columns
    private const double LaneGutterHalf = 14;     // least space between a lane boundary and the cards
    private const double TrackSpacing = 8;        // between parallel arrow tracks
    private const double InColumnSpacing = 12;    // between parallel vertical arrows inside a column
    private const double StackGap = 12;           // between stacked cards of one cell
    private const double MinCardHeight = 36;
    private const double CornerRadius = 6;
    private const double ArrowHead = 7;
    private const double LabelMaxWidth = 96;
    private const double LabelPad = 3;
    private const double BadgeHeight = 13;
    private const double EmotionRowHeight = 84;
    private const double HeaderMaxWidth = 720;
    private const double HeaderKeyWidth = 70;
    private const int NoteMaxLines = 8;

    private readonly BlueprintDocument doc;
    private readonly LayoutOptions o;
    private readonly ITextMeasurer m;
    private readonly RecordingMeasurer recorder;
    private readonly Theme theme;
    private readonly DiffOverlay? overlay;
    /// <summary>The diagram's own words, in the blueprint's <c>lang:</c>.</summary>
    private readonly Vocabulary words;

    private readonly FontSpec titleFont, keyFont, valueFont, sceneFont, stepFont, smallFont, laneFont, separatorFont,
        ownerFont, labelFont, badgeFont, markFont, noteFont, noteItalicFont;

    public LayoutBuilder(BlueprintDocument doc, LayoutOptions options, ITextMeasurer measurer, DiffOverlay? overlay = null)
    {
        this.doc = doc;
        this.overlay = overlay;
        words = doc.Vocabulary;
        o = options;
        m = recorder = new RecordingMeasurer(measurer);
        theme = options.Theme;
        titleFont = o.Font(18, bold: true);
        keyFont = o.Font(10, bold: true);
        valueFont = o.Font(10);
        sceneFont = o.Font(11, bold: true);
        stepFont = o.Font(10, bold: true);
        smallFont = o.Font(8.5);
        laneFont = o.Font(10, bold: true);
        separatorFont = o.Font(7.5, italic: true);
        ownerFont = o.Font(8, italic: true);
        labelFont = o.Font(8);
        badgeFont = o.Font(7.5, bold: true);
        markFont = o.Font(10, bold: true);
        noteFont = o.Font(8.5);
        noteItalicFont = o.Font(8.5, italic: true);
    }

    // ---- working state -------------------------------------------------------------------------------------

    private sealed class Slot
    {
        public required PlacedCard Placed;
        public int Index;               // in cards
        public int Row, Col, IndexInCell;
        public required WrappedText Text;
        public WrappedText? Owner;
        public double Height;
        public double RelTop;           // y relative to the top of the lane area
        public Rect Rect;               // final
        public readonly List<Attach>[] Sides = [[], []];   // Left, Right
        public readonly List<Badge> Badges = [];
        public Color Fill, Stroke, TextColor;
        public DiffMark? Mark;
    }

    private const int Left = 0, Right = 1;

    private sealed class Attach(Plan plan, Slot other)
    {
        public readonly Plan Plan = plan;
        public readonly Slot Other = other;
        public double Key => Other.RelTop + Other.Height / 2;
        public double RelY;
    }

    private enum Shape { Straight, CShape, Jog, Long, JourneyLong }

    private sealed class VSeg(int gutter, Plan plan)
    {
        public readonly int Gutter = gutter;
        public readonly Plan Plan = plan;
        public double Y0, Y1;   // relative
        public int Track;
        public double X;        // final
    }

    private sealed class Plan
    {
        public required Edge Edge;
        public required EdgeKind Kind;
        public required Slot From, To;
        public int Index;
        public Shape Shape;
        public Attach? A, B;
        public VSeg? V1, V2;
        public int HGutter = -1, HFrom, HTo, HTrack;
        public double ColumnOffset;
        public bool Down;
        public WrappedText? LabelText;
        public double LabelWidth, LabelHeight;
        public DiffMark? Mark;
    }

    private readonly List<Slot> slots = [];
    private List<Slot>[][] cells = [];      // [col][row]
    private readonly List<Plan> plans = [];
    private int rows, cols;

    // ---- entry ---------------------------------------------------------------------------------------------

    public DiagramLayout Build()
    {
        var graph = BlueprintGraph.Build(doc, overlay is null ? null : overlay.IsGhost);
        // A standard lane keeps the name it was given; without one it is named in the blueprint's language.
        var lanes = doc.Lanes.DistinctBy(l => l.Id).Select(l => l with { Name = l.NameIn(words) }).ToList();
        var steps = graph.Steps;
        rows = lanes.Count;
        cols = steps.Count;
        var rowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int r = 0; r < rows; r++) rowOf[lanes[r].Id] = r;

        // Lane colours.
        var laneColor = new Color[rows];
        int custom = 0;
        for (int r = 0; r < rows; r++)
            laneColor[r] = theme.LaneColor(lanes[r], lanes[r].IsStandard ? 0 : custom++);

        // Cards, measured, in cells.
        cells = new List<Slot>[cols][];
        for (int c = 0; c < cols; c++)
        {
            cells[c] = new List<Slot>[rows];
            for (int r = 0; r < rows; r++) cells[c][r] = [];
        }
        var slotOf = new Dictionary<Card, Slot>(ReferenceEqualityComparer.Instance);
        var ordered = graph.Cards.Where(p => rowOf.ContainsKey(p.Card.LaneId))
            .OrderBy(p => p.StepIndex).ThenBy(p => rowOf[p.Card.LaneId]).ThenBy(p => p.IndexInCell);
        foreach (var p in ordered)
        {
            int row = rowOf[p.Card.LaneId];
            var text = CardText.Wrap(p.Card, m, o);
            var owner = string.IsNullOrWhiteSpace(p.Card.Owner) ? null : m.Wrap("— " + p.Card.Owner.Trim(), ownerFont, o.CardTextWidth, 1);
            double h = 2 * o.CardPadding + text.Height + (owner is null ? 0 : 3 + owner.Height);
            var slot = new Slot
            {
                Placed = p, Index = slots.Count, Row = row, Col = p.StepIndex, IndexInCell = cells[p.StepIndex][row].Count,
                Text = text, Owner = owner, Height = Math.Max(MinCardHeight, Math.Ceiling(h)),
            };
            var fill = theme.CardFill ?? laneColor[row];
            slot.Fill = fill;
            slot.Stroke = laneColor[row].Mix(theme.Text, theme.CardStrokeStrength);
            slot.TextColor = ReadableOn(fill);
            if (overlay is not null && overlay.Cards.TryGetValue(p.Card, out var mark))
            {
                slot.Mark = mark;
                if (mark == DiffMark.Removed)
                {
                    slot.Fill = fill.Mix(theme.Background, theme.GhostFade);
                    slot.Stroke = theme.MutedText;
                    slot.TextColor = theme.MutedText;
                }
            }
            slots.Add(slot);
            slotOf[p.Card] = slot;
            cells[p.StepIndex][row].Add(slot);
        }

        var contentHeight = new double[rows];
        for (int r = 0; r < rows; r++)
        {
            double max = MinCardHeight;
            for (int c = 0; c < cols; c++)
            {
                var cell = cells[c][r];
                if (cell.Count == 0) continue;
                double h = cell.Sum(s => s.Height) + StackGap * (cell.Count - 1);
                max = Math.Max(max, h);
            }
            contentHeight[r] = max;
        }

        // Badges, numbered left to right: a step's own marks first, then its cards in lane order.
        var stepBadges = new List<Badge>[cols];
        var notes = new List<NoteEntry>[cols];
        NumberBadges(steps, stepBadges, notes);

        // Routes: topology first, then tracks in the horizontal gutters (they fix lane gutter heights).
        PlanEdges(graph, slotOf);
        var hTracks = AssignHorizontalTracks(out var hCount);
        var upper = new double[rows + 1];
        var lower = new double[rows + 1];
        for (int k = 0; k <= rows; k++)
        {
            int t = hCount[k];
            if (k == 0) lower[k] = t == 0 ? LaneGutterHalf : Math.Max(LaneGutterHalf, TrackSpacing * t + 12);
            else if (k == rows) upper[k] = t == 0 ? LaneGutterHalf : Math.Max(LaneGutterHalf, TrackSpacing * t + 12);
            else upper[k] = lower[k] = t == 0 ? LaneGutterHalf : Math.Max(LaneGutterHalf, TrackSpacing * ((t + 1) / 2) + 12);
        }

        // A straight arrow's label sits where the arrow crosses the lane boundary next to its source; when a separator
        // line is drawn there, the gutter on the source side grows to hold the label clear of the line.
        var separatorAt = new bool[rows + 1];
        foreach (var sep in Separators.Place(lanes, Enumerable.Range(0, rows + 1).Select(k => (double)k).ToArray()))
            separatorAt[(int)sep.Y] = true;
        foreach (var p in plans)
        {
            if (p.Shape != Shape.Straight || p.LabelText is null) continue;
            int k = p.Down ? p.From.Row + 1 : p.From.Row;
            if (k <= 0 || k >= rows || !separatorAt[k]) continue;
            int n = hCount[k], above = (n + 1) / 2;
            double need = p.LabelHeight + 2 * LabelClearance + 2;
            if (p.Down)
            {
                var cell = cells[p.From.Col][p.From.Row];
                double slack = contentHeight[p.From.Row] - (cell.Sum(s => s.Height) + StackGap * (cell.Count - 1));
                upper[k] = Math.Max(upper[k], need + TrackSpacing * above - slack);
            }
            else lower[k] = Math.Max(lower[k], need + TrackSpacing * (n - above));
        }

        // Lane boundaries and card tops, relative to the top of the lane area.
        var boundary = new double[rows + 1];
        double y = 0;
        for (int r = 0; r < rows; r++)
        {
            boundary[r] = y;
            double top = y + lower[r];
            for (int c = 0; c < cols; c++)
            {
                double cy = top;
                foreach (var s in cells[c][r]) { s.RelTop = cy; cy += s.Height + StackGap; }
            }
            y = top + contentHeight[r] + upper[r + 1];
        }
        boundary[rows] = y;
        double laneAreaHeight = rows == 0 ? 0 : y;

        double HTrackY(int k, int t)
        {
            int n = hCount[k];
            if (k == 0) return boundary[0] + TrackSpacing * (t + 1);
            if (k == rows) return boundary[rows] - TrackSpacing * (t + 1);
            int above = (n + 1) / 2;
            return t < above ? boundary[k] - TrackSpacing * (t + 1) : boundary[k] + TrackSpacing * (t - above + 1);
        }

        // Attach points spread along card sides, ordered by where the other end is to limit crossings.
        foreach (var s in slots)
        {
            foreach (var side in s.Sides)
            {
                side.Sort((a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : a.Plan.Index.CompareTo(b.Plan.Index));
                for (int i = 0; i < side.Count; i++) side[i].RelY = s.RelTop + s.Height * (i + 1) / (side.Count + 1);
            }
        }

        LevelSoleStubs();
        SeparateOpposingStubs();

        // Vertical segments: extents now known; tracks per gutter and per column.
        var vGutters = new List<VSeg>[cols + 1];
        for (int g = 0; g <= cols; g++) vGutters[g] = [];
        var vLabelNeed = new double[cols + 1];
        var columnStraight = new List<Plan>[cols];
        for (int c = 0; c < cols; c++) columnStraight[c] = [];
        foreach (var p in plans)
        {
            if (p.HGutter >= 0) p.HTrack = hTracks[p.Index];
            double hy = p.HGutter >= 0 ? HTrackY(p.HGutter, p.HTrack) : 0;
            switch (p.Shape)
            {
                case Shape.Straight:
                    columnStraight[p.From.Col].Add(p);
                    break;
                case Shape.CShape:
                case Shape.Jog:
                case Shape.JourneyLong:
                    SetV(p.V1!, p.A!.RelY, p.B!.RelY);
                    break;
                case Shape.Long:
                    SetV(p.V1!, p.A!.RelY, hy);
                    SetV(p.V2!, hy, p.B!.RelY);
                    break;
            }
            if (p.LabelText is not null && p.Shape is Shape.CShape or Shape.Jog or Shape.JourneyLong)
            {
                int g = p.V1!.Gutter;
                vLabelNeed[g] = Math.Max(vLabelNeed[g], p.LabelWidth + 2 * LabelPad + 8);
            }
        }

        void SetV(VSeg v, double a, double b)
        {
            v.Y0 = a; v.Y1 = b;
            vGutters[v.Gutter].Add(v);
        }

        var gutterWidth = new double[cols + 1];
        var vTrackCount = new int[cols + 1];
        for (int g = 0; g <= cols; g++)
        {
            var segs = vGutters[g];
            var tracks = new int[segs.Count];
            int n = Tracks.Assign(segs.Select(v => (Math.Min(v.Y0, v.Y1), Math.Max(v.Y0, v.Y1))).ToList(), tracks);
            for (int i = 0; i < segs.Count; i++) segs[i].Track = tracks[i];
            vTrackCount[g] = n;
            gutterWidth[g] = Math.Max(ColumnGutter, Math.Max(TrackSpacing * (n + 1), vLabelNeed[g]));
        }
        for (int c = 0; c < cols; c++)
        {
            var list = columnStraight[c];
            var spans = list.Select(p => StraightSpan(p)).ToList();
            var tracks = new int[list.Count];
            int n = Tracks.Assign(spans, tracks);
            double limit = o.CardWidth / 2 - 10;
            for (int i = 0; i < list.Count; i++)
                list[i].ColumnOffset = Math.Clamp((tracks[i] - (n - 1) / 2.0) * InColumnSpacing, -limit, limit);
        }

        // ---- x layout ----
        double labelLeft = Margin, bodyLeft = Margin + LabelColumnWidth;
        var colLeft = new double[cols];
        var gutterLeft = new double[cols + 1];
        double x = bodyLeft;
        for (int c = 0; c < cols; c++)
        {
            gutterLeft[c] = x;
            x += gutterWidth[c];
            colLeft[c] = x;
            x += o.CardWidth;
        }
        gutterLeft[cols] = x;
        x += gutterWidth[cols];
        double bodyRight = cols == 0 ? bodyLeft + 2 * ColumnGutter + o.CardWidth : x;

        // A scene divider runs down the centre of the gutter before a scene's first step: an odd number of tracks
        // would put the middle one on it and hide it, so there the tracks move half a spacing off the centre.
        var dividerGutter = SceneDividerGutters();
        foreach (var list in vGutters)
            foreach (var v in list)
            {
                int n = vTrackCount[v.Gutter];
                double shift = dividerGutter[v.Gutter] && n % 2 == 1 ? TrackSpacing / 2 : 0;
                v.X = gutterLeft[v.Gutter] + gutterWidth[v.Gutter] / 2 + (v.Track - (n - 1) / 2.0) * TrackSpacing + shift;
            }

        // ---- header (title block) ----
        var ops = new List<DrawOp>();
        var headerOps = new List<DrawOp>();
        double headerWidth = Math.Min(Math.Max(bodyRight - Margin, 420), HeaderMaxWidth);
        double hy0 = Margin, hyc = Margin;
        var title = m.Wrap(doc.Title, titleFont, headerWidth, 2);
        hyc = AddLines(headerOps, Region.Header, title, Margin, hyc, headerWidth, TextAlign.Start, titleFont, theme.Text);
        hyc += 6;
        foreach (var (key, value) in new[] { (words.Goal, doc.Goal), (words.Persona, doc.Persona), (words.Scenario, doc.Scenario) })
        {
            if (string.IsNullOrWhiteSpace(value)) continue;
            var k = m.Wrap(key, keyFont, HeaderKeyWidth - 6, 1);
            var v = m.Wrap(value.Trim(), valueFont, headerWidth - HeaderKeyWidth, 3);
            AddLines(headerOps, Region.Header, k, Margin, hyc, HeaderKeyWidth - 6, TextAlign.Start, keyFont, theme.MutedText);
            hyc = Math.Max(hyc + k.Height, AddLines(headerOps, Region.Header, v, Margin + HeaderKeyWidth, hyc, headerWidth - HeaderKeyWidth, TextAlign.Start, valueFont, theme.Text));
            hyc += 2;
        }
        var headerRect = new Rect(Margin, hy0, headerWidth, hyc - hy0);

        // ---- scenes band ----
        double sceneTop = hyc + 14;
        var sceneBoxes = new List<SceneBox>();
        var sceneWraps = new List<WrappedText?>();
        {
            int first = 0;
            double prevRight = bodyLeft;
            for (int si = 0; si < doc.Scenes.Count; si++)
            {
                var scene = doc.Scenes[si];
                int count = scene.Steps.Count;
                double l, r;
                if (count == 0) { l = r = prevRight; }
                else
                {
                    int last = first + count - 1;
                    l = first == 0 ? bodyLeft : colLeft[first] - gutterWidth[first] / 2;
                    r = last == cols - 1 ? bodyRight : colLeft[last] + o.CardWidth + gutterWidth[last + 1] / 2;
                }
                sceneBoxes.Add(new SceneBox(scene.Id, scene.Name, first, count, l, r, default));
                sceneWraps.Add(count == 0 ? null : m.Wrap(scene.Name, sceneFont, Math.Max(1, r - l - 12), 2));
                first += count;
                prevRight = r;
            }
        }
        double sceneLh = LineHeight(sceneFont);
        double sceneH = Math.Max(sceneLh, sceneWraps.Max(w => w?.Height) ?? 0) + 10;
        for (int si = 0; si < sceneBoxes.Count; si++)
        {
            var sb = sceneBoxes[si];
            sceneBoxes[si] = sb with { Band = new Rect(sb.Left + 1, sceneTop, Math.Max(0, sb.Width - 2), sceneH) };
        }

        // ---- step headers ----
        double stepTop = sceneTop + sceneH + 4;
        var stepNameWraps = new WrappedText[cols];
        var durationWraps = new WrappedText?[cols];
        double stepH = 0;
        for (int c = 0; c < cols; c++)
        {
            var st = steps[c];
            stepNameWraps[c] = m.Wrap(st.Name, stepFont, o.CardTextWidth, 3);
            durationWraps[c] = st.Duration is { } d ? m.Wrap(Durations.Format(d), smallFont, o.CardTextWidth, 1) : null;
            double h = 6 + stepNameWraps[c].Height + (durationWraps[c]?.Height ?? 0) + (stepBadges[c].Count > 0 ? 4 + BadgeHeight : 0) + 6;
            stepH = Math.Max(stepH, h);
        }
        stepH = Math.Max(stepH, 6 + LineHeight(stepFont) + 6);

        // ---- emotion row ----
        bool hasEmotion = steps.Any(s => s.Emotion is not null);
        double emotionTop = stepTop + stepH + 6;
        double laneTop = (hasEmotion ? emotionTop + EmotionRowHeight : stepTop + stepH) + 6;
        double laneBottom = laneTop + laneAreaHeight;

        // ---- final card rectangles, their badges (on the top edge, right-aligned) and the separator lines ----
        foreach (var s in slots)
        {
            s.Rect = new Rect(colLeft[s.Col], laneTop + s.RelTop, o.CardWidth, s.Height);
            double bx = s.Rect.Right - 6;
            for (int i = s.Badges.Count - 1; i >= 0; i--)
            {
                var b = s.Badges[i];
                double bw = BadgeWidth(b.Label);
                bx -= bw;
                s.Badges[i] = b with { Rect = new Rect(bx, s.Rect.Y - BadgeHeight / 2, bw, BadgeHeight) };
                bx -= 3;
            }
        }
        var separators = Separators.Place(lanes, boundary.Select(b => laneTop + b).ToArray(), words);

        // ---- routes ----
        var edges = new List<RoutedEdge>(plans.Count);
        var labelRects = new Rect?[plans.Count];
        var points = plans.Select(p => RoutePoints(p, laneTop, HTrackY(p.HGutter < 0 ? 0 : p.HGutter, p.HTrack), colLeft)).ToList();
        // Labels with the least room to slide go first, so the others make way for them.
        var separatorYs = separators.Select(sep => sep.Y).Distinct().ToList();
        var labelSpots = plans.Where(p => p.LabelText is not null)
            .Select(p => LabelSpot(p, points[p.Index], laneTop, boundary, bodyLeft, bodyRight, gutterLeft, gutterWidth, separatorYs))
            .OrderBy(s => s.Hi - s.Lo).ThenBy(s => s.Plan.Index).ToList();
        var blocked = new RectGrid();
        foreach (var s in slots)
        {
            blocked.Add(s.Rect.Inflate(1));
            foreach (var b in s.Badges) blocked.Add(b.Rect);
            if (s.Mark is DiffMark.Added or DiffMark.Changed) blocked.Add(MarkBadgeRect(s.Rect));
        }
        var routeSegments = new SegmentGrid();
        foreach (var p in plans) routeSegments.Add(points[p.Index], p.Index);
        foreach (var sb in sceneBoxes.Skip(1))
            if (sb.StepCount > 0 && sb.Left > bodyLeft) routeSegments.Add([new Point(sb.Left, stepTop), new Point(sb.Left, laneBottom)], -1);
        var obstacles = new LabelObstacles(blocked, separatorYs, routeSegments);
        foreach (var spot in labelSpots) labelRects[spot.Plan.Index] = PlaceLabel(spot, obstacles);
        foreach (var p in plans)
            edges.Add(new RoutedEdge(p.Kind, p.From.Index, p.To.Index, points[p.Index], p.Edge.Label, labelRects[p.Index]) { Mark = p.Mark });

        // ---- notes row ----
        bool hasNotes = notes.Any(n => n.Count > 0);
        double notesTop = laneBottom + 8;
        var noteLayouts = new List<(NoteEntry Entry, WrappedText Text, double Y)>[cols];
        double notesH = 0;
        for (int c = 0; c < cols; c++)
        {
            noteLayouts[c] = [];
            double ny = 8;
            foreach (var n in notes[c])
            {
                double pillW = n.Badge is null ? 0 : BadgeWidth(n.Badge.Label) + 4;
                var font = n.Badge is null ? noteItalicFont : noteFont;
                var w = m.Wrap(n.Text, font, Math.Max(1, o.CardWidth - pillW), NoteMaxLines);
                noteLayouts[c].Add((n, w, ny));
                ny += Math.Max(w.Height, n.Badge is null ? 0 : BadgeHeight) + 6;
            }
            notesH = Math.Max(notesH, ny + 2);
        }
        if (!hasNotes) notesH = 0;

        double contentBottom = hasNotes ? notesTop + notesH : laneBottom;

        // ---- legend ----
        var legendOps = new List<DrawOp>();
        var legendRect = o.Legend ? BuildLegend(legendOps, contentBottom + 16, Math.Max(headerWidth, Math.Min(bodyRight - Margin, HeaderMaxWidth))) : new Rect(Margin, contentBottom, 0, 0);
        double bottom = Math.Max(contentBottom, legendRect.Bottom);

        double width = Math.Ceiling(Math.Max(bodyRight, Math.Max(headerRect.Right, legendRect.Right)) + Margin);
        double height = Math.Ceiling(bottom + Margin);

        // ================= display list =================
        ops.AddRange(headerOps);

        // Scenes.
        for (int si = 0; si < sceneBoxes.Count; si++)
        {
            var sb = sceneBoxes[si];
            if (sb.StepCount == 0 || sceneWraps[si] is not { } sw) continue;
            DiffMark? sceneMark = overlay is not null && overlay.Scenes.TryGetValue(doc.Scenes[si], out var scm) ? scm : null;
            bool ghostScene = sceneMark == DiffMark.Removed;
            int firstOp = ops.Count;
            var bandFill = ghostScene ? theme.SceneFill.Mix(theme.Background, theme.GhostFade) : theme.SceneFill;
            var bandText = ghostScene ? theme.SceneText.Mix(theme.SceneFill, 0.3) : theme.SceneText;
            ops.Add(new RectOp(Region.Body, sb.Band, bandFill, MarkStroke(sceneMark), 4));
            if (sceneMark is { } shownSceneMark) AddMarkBadge(ops, Region.Body, shownSceneMark, sb.Band);
            double ty = sceneTop + (sceneH - sw.Height) / 2;
            AddLines(ops, Region.Body, sw, sb.Left + 6, ty, Math.Max(1, sb.Width - 12), TextAlign.Center, sceneFont, bandText);
            sceneBoxes[si] = sb with
            {
                HeaderOps = ops.GetRange(firstOp, ops.Count - firstOp),
                PartHeader = sb.StepCount > 1 ? PartialSceneHeader(sb, sb.Name, "", bandFill, MarkStroke(sceneMark), bandText, sceneH) : [],
                ContinuedHeader = sb.StepCount > 1 ? PartialSceneHeader(sb, sb.Name, $" ({words.Continued})", bandFill, MarkStroke(sceneMark), bandText, sceneH) : [],
            };
        }

        // Step headers.
        var stepColumns = new List<StepColumn>(cols);
        for (int c = 0; c < cols; c++)
        {
            var st = steps[c];
            var hr = new Rect(colLeft[c], stepTop, o.CardWidth, stepH);
            ops.Add(Group(Region.Body, "step", ("id", st.Id)));
            DiffMark? stepMark = overlay is not null && overlay.Steps.TryGetValue(st, out var sm) ? sm : null;
            bool ghostStep = stepMark == DiffMark.Removed;
            ops.Add(new RectOp(Region.Body, hr, ghostStep ? theme.StepFill.Mix(theme.Background, theme.GhostFade) : theme.StepFill, MarkStroke(stepMark), 4));
            if (stepMark is { } shownMark) AddMarkBadge(ops, Region.Body, shownMark, hr);
            double ty = stepTop + 6;
            ty = AddLines(ops, Region.Body, stepNameWraps[c], colLeft[c] + o.CardPadding, ty, o.CardTextWidth, TextAlign.Center, stepFont, ghostStep ? theme.MutedText : theme.Text);
            if (durationWraps[c] is { } dw)
                ty = AddLines(ops, Region.Body, dw, colLeft[c] + o.CardPadding, ty, o.CardTextWidth, TextAlign.Center, smallFont, theme.MutedText);
            ops.Add(new EndGroupOp(Region.Body));
            if (stepBadges[c].Count > 0)
            {
                double total = stepBadges[c].Sum(b => BadgeWidth(b.Label)) + 3 * (stepBadges[c].Count - 1);
                double bx = hr.CenterX - total / 2;
                for (int i = 0; i < stepBadges[c].Count; i++)
                {
                    var b = stepBadges[c][i];
                    double bw = BadgeWidth(b.Label);
                    stepBadges[c][i] = b with { Rect = new Rect(bx, ty + 4, bw, BadgeHeight) };
                    bx += bw + 3;
                }
            }
            stepColumns.Add(new StepColumn(st.Id, st.Name, SceneOf(sceneBoxes, c), new Rect(colLeft[c], laneTop, o.CardWidth, laneAreaHeight), hr, st.Url) { Mark = stepMark });
        }

        // Emotion row.
        if (hasEmotion) AddEmotionRow(ops, steps, colLeft, emotionTop, labelLeft, bodyLeft, bodyRight);

        // Lanes.
        var laneBands = new List<LaneBand>(rows);
        for (int r = 0; r < rows; r++)
        {
            double top = laneTop + boundary[r], h = boundary[r + 1] - boundary[r];
            var fill = theme.Background.Mix(laneColor[r], theme.BandStrength);
            var labelFill = theme.Background.Mix(laneColor[r], theme.LabelStrength);
            var band = new Rect(bodyLeft, top, bodyRight - bodyLeft, h);
            ops.Add(Group(Region.Labels, "lane-label", ("id", lanes[r].Id)));
            ops.Add(new RectOp(Region.Labels, new Rect(labelLeft, top, LabelColumnWidth, h), labelFill, null));
            var name = m.Wrap(lanes[r].Name, laneFont, LabelColumnWidth - 16, 4);
            AddLines(ops, Region.Labels, name, labelLeft + 8, top + (h - name.Height) / 2, LabelColumnWidth - 16, TextAlign.Start, laneFont, ReadableOn(labelFill));
            ops.Add(new EndGroupOp(Region.Labels));
            ops.Add(Group(Region.Body, "lane", ("id", lanes[r].Id)));
            ops.Add(new RectOp(Region.Body, band, fill, null));
            ops.Add(new EndGroupOp(Region.Body));
            laneBands.Add(new LaneBand(lanes[r].Id, lanes[r].Name, band, fill, theme.CardFill ?? laneColor[r]));
        }
        // Thin rules between lanes, and between scenes.
        var grid = new Stroke(theme.GridLine, 0.6);
        for (int k = 1; k < rows; k++)
            ops.Add(new PolylineOp(Region.Body, [new Point(bodyLeft, laneTop + boundary[k]), new Point(bodyRight, laneTop + boundary[k])], grid));
        for (int si = 1; si < sceneBoxes.Count; si++)
        {
            var sb = sceneBoxes[si];
            if (sb.StepCount == 0 || sb.Left <= bodyLeft) continue;
            ops.Add(new PolylineOp(Region.Body, [new Point(sb.Left, stepTop), new Point(sb.Left, laneBottom)], new Stroke(theme.GridLine, 1)));
        }

        // Separator lines.
        var sepLh = LineHeight(separatorFont);
        foreach (var group in separators.GroupBy(s => s.AboveLane).OrderBy(g => g.Key))
        {
            double sy = group.First().Y;
            ops.Add(new PolylineOp(Region.Labels, [new Point(labelLeft, sy), new Point(bodyLeft, sy)], theme.Separator));
            ops.Add(new PolylineOp(Region.Body, [new Point(bodyLeft, sy), new Point(bodyRight, sy)], theme.Separator));
            int i = 0;
            foreach (var sep in group)
            {
                var w = m.Wrap(sep.Label, separatorFont, LabelColumnWidth - 8, 1);
                AddLines(ops, Region.Labels, w, labelLeft + 4, sy - (i + 1) * sepLh - 1, LabelColumnWidth - 8, TextAlign.Start, separatorFont, theme.MutedText);
                i++;
            }
        }

        // Notes row.
        if (hasNotes)
        {
            var fill = theme.StepFill;
            ops.Add(new RectOp(Region.Labels, new Rect(labelLeft, notesTop, LabelColumnWidth, notesH), fill, null));
            ops.Add(new RectOp(Region.Body, new Rect(bodyLeft, notesTop, bodyRight - bodyLeft, notesH), fill, null));
            var nl = m.Wrap(words.Notes, laneFont, LabelColumnWidth - 16, 1);
            AddLines(ops, Region.Labels, nl, labelLeft + 8, notesTop + 8, LabelColumnWidth - 16, TextAlign.Start, laneFont, theme.Text);
            for (int c = 0; c < cols; c++)
            {
                foreach (var (entry, text, ny) in noteLayouts[c])
                {
                    double tx = colLeft[c];
                    if (entry.Badge is { } b)
                    {
                        double bw = BadgeWidth(b.Label);
                        AddBadge(ops, Region.Body, b with { Rect = new Rect(tx, notesTop + ny, bw, BadgeHeight) });
                        tx += bw + 4;
                    }
                    double lineTop = notesTop + ny + (entry.Badge is null ? 0 : Math.Max(0, (BadgeHeight - text.LineHeight) / 2));
                    AddLines(ops, Region.Body, text, tx, lineTop, Math.Max(1, colLeft[c] + o.CardWidth - tx), TextAlign.Start,
                        entry.Badge is null ? noteItalicFont : noteFont, entry.Badge is null ? theme.MutedText : theme.Text);
                }
            }
        }

        // Cards.
        foreach (var s in slots)
        {
            ops.Add(Group(Region.Body, "card", [("id", s.Placed.DisplayName), ("step", s.Placed.Step.Id), ("lane", s.Placed.Card.LaneId), .. DiffData(s.Mark)]));
            ops.Add(new RectOp(Region.Body, s.Rect, s.Fill, MarkStroke(s.Mark) ?? new Stroke(s.Stroke, 1), CornerRadius));
            double ty = AddLines(ops, Region.Body, s.Text, s.Rect.X + o.CardPadding, s.Rect.Y + o.CardPadding, o.CardTextWidth, TextAlign.Start, o.CardFont, s.TextColor);
            if (s.Owner is { } ow)
            {
                AddLines(ops, Region.Body, ow, s.Rect.X + o.CardPadding, Math.Max(ty + 3, s.Rect.Bottom - o.CardPadding - ow.Height), o.CardTextWidth, TextAlign.Start, ownerFont, s.TextColor);
            }
            ops.Add(new EndGroupOp(Region.Body));
        }

        // Arrows: journey under arrows under loops.
        foreach (var kind in new[] { EdgeKind.Journey, EdgeKind.Arrow, EdgeKind.Loop })
        {
            foreach (var e in edges)
            {
                if (e.Kind != kind) continue;
                var stroke = kind switch { EdgeKind.Journey => theme.Journey, EdgeKind.Loop => theme.LoopArrow, _ => theme.Arrow };
                stroke = e.Mark switch
                {
                    DiffMark.Removed => GhostArrowStroke,
                    DiffMark.Added => stroke with { Color = theme.DiffAdded, Width = stroke.Width + 1 },
                    _ => stroke,
                };
                ops.Add(ArrowGroup("arrow", e));
                ops.Add(new PolylineOp(Region.Body, e.Points, stroke, kind == EdgeKind.Journey ? ArrowHead + 1 : ArrowHead));
                ops.Add(new EndGroupOp(Region.Body));
            }
        }

        // Badges (and links) on cards and step headers, over the lines.
        var cardBoxes = new List<CardBox>(slots.Count);
        foreach (var s in slots)
        {
            bool link = !string.IsNullOrWhiteSpace(s.Placed.Card.Url);
            bool marked = s.Mark is DiffMark.Added or DiffMark.Changed;
            if (s.Badges.Count > 0 || link || marked)
            {
                ops.Add(Group(Region.Body, "card-marks", ("id", s.Placed.DisplayName)));
                foreach (var b in s.Badges) AddBadge(ops, Region.Body, b);
                if (marked) AddMarkBadge(ops, Region.Body, s.Mark!.Value, s.Rect);
                if (link) ops.Add(new LinkOp(Region.Body, s.Rect, s.Placed.Card.Url!.Trim()));
                ops.Add(new EndGroupOp(Region.Body));
            }
            cardBoxes.Add(new CardBox(s.Placed.DisplayName, s.Col, s.Row, s.IndexInCell, s.Rect, s.Text.Lines, s.Text.Truncated, s.Badges.ToList(), s.Placed.Card.Url)
            {
                Mark = s.Mark,
                Changes = overlay is not null && overlay.CardChanges.TryGetValue(s.Placed.Card, out var changes) ? changes : [],
            });
        }
        for (int c = 0; c < cols; c++)
            foreach (var b in stepBadges[c]) AddBadge(ops, Region.Body, b);

        // Arrow labels.
        foreach (var p in plans)
        {
            if (labelRects[p.Index] is not { } lr || p.LabelText is not { } lt) continue;
            ops.Add(ArrowGroup("arrow-label", edges[p.Index]));
            ops.Add(new RectOp(Region.Body, lr, theme.LabelBackground, null, 3));
            var color = p.Kind == EdgeKind.Loop ? theme.LoopArrow.Color : theme.Text;
            AddLines(ops, Region.Body, lt, lr.X + LabelPad, lr.Y + LabelPad, lr.Width - 2 * LabelPad, TextAlign.Center, labelFont, color);
            ops.Add(new EndGroupOp(Region.Body));
        }

        // Step links (the cards' are with their badges).
        for (int c = 0; c < cols; c++)
            if (!string.IsNullOrWhiteSpace(steps[c].Url)) ops.Add(new LinkOp(Region.Body, stepColumns[c].Header, steps[c].Url!.Trim()));

        ops.AddRange(legendOps);

        return new DiagramLayout
        {
            Width = width,
            Height = height,
            ThemeName = theme.Name,
            Language = doc.Lang ?? Languages.Default,
            Words = words,
            Background = theme.Background,
            LabelColumn = new Rect(labelLeft, sceneTop, LabelColumnWidth, contentBottom - sceneTop),
            Header = headerRect,
            Legend = legendRect,
            Scenes = sceneBoxes,
            Steps = stepColumns,
            Lanes = laneBands,
            Separators = separators,
            Cards = cardBoxes,
            Edges = edges,
            Ops = ops,
            CardFontSize = o.CardFontSize,
            MissingGlyphs = recorder.MissingGlyphs,
        };
    }

    /// <summary>
    /// A stub leaving a card into a column gutter and a stub entering the card across the gutter at the same height
    /// would overlap between their tracks; nudge the entering one (within its card) so the two never share a line.
    /// </summary>
    private void SeparateOpposingStubs()
    {
        const double gap = 4;
        for (int g = 1; g < cols; g++)
        {
            var leaving = new List<Attach>();
            var entering = new List<Attach>();
            for (int r = 0; r < rows; r++)
            {
                foreach (var s in cells[g - 1][r]) leaving.AddRange(s.Sides[Right]);
                foreach (var s in cells[g][r]) entering.AddRange(s.Sides[Left]);
            }
            if (leaving.Count == 0 || entering.Count == 0) continue;
            var ys = leaving.Select(a => a.RelY).ToArray();
            var owners = leaving.Select(a => a.Plan).ToArray();
            Array.Sort(ys, owners);
            foreach (var slot in Enumerable.Range(0, rows).SelectMany(r => cells[g][r]))
            {
                var side = slot.Sides[Left];
                for (int i = 0; i < side.Count; i++)
                {
                    var a = side[i];
                    if (!Clashes(a.RelY, a.Plan)) continue;
                    double lo = i == 0 ? slot.RelTop + 3 : side[i - 1].RelY + 2;
                    double hi = i == side.Count - 1 ? slot.RelTop + slot.Height - 3 : side[i + 1].RelY - 2;
                    foreach (double candidate in new[] { a.RelY + gap, a.RelY - gap, a.RelY + 2 * gap, a.RelY - 2 * gap })
                        if (candidate >= lo && candidate <= hi && !Clashes(candidate, a.Plan)) { a.RelY = candidate; break; }
                }
            }

            bool Clashes(double y, Plan plan)
            {
                int i = Array.BinarySearch(ys, y - gap + 0.01);
                if (i < 0) i = ~i;
                for (; i < ys.Length && ys[i] < y + gap - 0.01; i++)
                    if (owners[i] != plan) return true;
                return false;
            }
        }
    }

    /// <summary>
    /// Two facing cards of different heights would join with a jog of a few points at their centres; where a route is
    /// the only one on both card sides and the shorter card's centre lies inside the taller card, it runs level there.
    /// Where it is the only one on just one side, that end moves level with the other when its card reaches.
    /// </summary>
    private void LevelSoleStubs()
    {
        const double margin = 3;
        foreach (var p in plans)
        {
            if (p.Shape is not (Shape.Jog or Shape.JourneyLong)) continue;
            bool soleA = IsSole(p.From, p.A!), soleB = IsSole(p.To, p.B!);
            if (soleA && soleB)
            {
                var (shorter, taller) = p.From.Height <= p.To.Height ? (p.A!, p.B!) : (p.B!, p.A!);
                var tallCard = taller == p.A ? p.From : p.To;
                if (Reaches(tallCard, shorter.RelY)) taller.RelY = shorter.RelY;
            }
            else if (soleA && Reaches(p.From, p.B!.RelY)) p.A!.RelY = p.B.RelY;
            else if (soleB && Reaches(p.To, p.A!.RelY)) p.B!.RelY = p.A.RelY;
        }

        static bool IsSole(Slot slot, Attach attach) => slot.Sides.Any(side => side.Count == 1 && side[0] == attach);
        static bool Reaches(Slot card, double y) => y >= card.RelTop + margin && y <= card.RelTop + card.Height - margin;
    }

    /// <summary>The column gutters down whose centre a scene divider is drawn: before the first step of every scene but the first.</summary>
    private bool[] SceneDividerGutters()
    {
        var result = new bool[cols + 1];
        int first = 0;
        foreach (var scene in doc.Scenes)
        {
            if (scene.Steps.Count > 0 && first > 0 && first < cols) result[first] = true;
            first += scene.Steps.Count;
        }
        return result;
    }

    private static int SceneOf(List<SceneBox> scenes, int step)
    {
        for (int i = 0; i < scenes.Count; i++)
            if (step >= scenes[i].FirstStep && step < scenes[i].FirstStep + scenes[i].StepCount) return i;
        return -1;
    }

    private (double, double) StraightSpan(Plan p)
    {
        double a = p.Down ? p.From.RelTop + p.From.Height : p.From.RelTop;
        double b = p.Down ? p.To.RelTop : p.To.RelTop + p.To.Height;
        return (Math.Min(a, b), Math.Max(a, b));
    }

    private static GroupOp Group(Region region, string kind, params (string Name, string Value)[] data) =>
        new(region, kind, data.Select(d => KeyValuePair.Create(d.Name, d.Value)).ToList());

    /// <summary>An arrow's group, or its label's: named by the cards at its ends as diagnostics name them.
    /// In a diff drawing, a marked one also carries <c>data-diff</c> (added, removed).</summary>
    private GroupOp ArrowGroup(string kind, RoutedEdge e) =>
        Group(Region.Body, kind, [("from", slots[e.FromCard].Placed.DisplayName), ("to", slots[e.ToCard].Placed.DisplayName), .. DiffData(e.Mark)]);

    private static (string Name, string Value)[] DiffData(DiffMark? mark) => mark is { } m ? [("diff", m.ToString().ToLowerInvariant())] : [];

    private Color ReadableOn(Color fill) => fill.Luminance > 0.33 ? theme.TextOnLight : theme.TextOnDark;

    // ---- text helpers ----------------------------------------------------------------------------------------

    private readonly Dictionary<FontSpec, double> lineHeights = [];

    private double LineHeight(FontSpec font)
    {
        if (!lineHeights.TryGetValue(font, out double lh))
            lineHeights[font] = lh = m.Wrap("Ag", font, double.PositiveInfinity, 1).LineHeight;
        return lh;
    }

    private readonly Dictionary<string, double> badgeWidths = new(StringComparer.Ordinal);

    private double BadgeWidth(string label)
    {
        if (!badgeWidths.TryGetValue(label, out double w))
            badgeWidths[label] = w = Math.Max(BadgeHeight + 3, Math.Ceiling(m.Wrap(label, badgeFont, double.PositiveInfinity, 1).Width) + 8);
        return w;
    }

    /// <summary>Adds one text op per line from <paramref name="top"/> and returns the y under the last line.</summary>
    /// <summary>
    /// A scene's header band as a page that shows only some of its steps draws it (<see cref="SceneBox.PartHeader"/>):
    /// the name and <paramref name="suffix"/> on one line where the part is wide enough, else the name cut to fit one
    /// card's width (the narrowest part of a scene a page shows) with the suffix kept whole.
    /// </summary>
    private List<SceneHeaderVariant> PartialSceneHeader(SceneBox sb, string name, string suffix, Color fill, Stroke? stroke, Color color, double bandHeight)
    {
        double narrowest = Math.Max(1, o.CardWidth - 12);
        var whole = m.Wrap(name + suffix, sceneFont, double.PositiveInfinity, 1);
        var suffixWidth = suffix.Length == 0 ? 0 : m.Wrap(suffix, sceneFont, double.PositiveInfinity, 1).Width;
        var cut = m.Wrap(name, sceneFont, Math.Max(1, narrowest - suffixWidth), 1);
        var shortLabel = cut with { Lines = [cut.Lines.Count > 0 ? cut.Lines[0] + suffix : suffix] };
        return [Variant(whole, whole.Width + 12), Variant(shortLabel, 0)];

        SceneHeaderVariant Variant(WrappedText label, double minWidth)
        {
            var ops = new List<DrawOp> { new RectOp(Region.Body, sb.Band, fill, stroke, 4) };
            AddLines(ops, Region.Body, label, sb.Left + 6, sb.Band.Y + (bandHeight - label.Height) / 2, Math.Max(1, sb.Width - 12), TextAlign.Center, sceneFont, color);
            return new SceneHeaderVariant(minWidth, ops);
        }
    }

    private static double AddLines(List<DrawOp> ops, Region region, WrappedText text, double x, double top, double width, TextAlign align, FontSpec font, Color color)
    {
        double y = top;
        // A right-to-left paragraph starts at the right: start and end alignment swap for all its lines, as in CSS.
        if (text.RightToLeft && align != TextAlign.Center) align = align == TextAlign.Start ? TextAlign.End : TextAlign.Start;
        foreach (var line in text.Lines)
        {
            ops.Add(new TextOp(region, line, new Rect(x, y, width, text.LineHeight), align, font, color));
            y += text.LineHeight;
        }
        return y;
    }

    // ---- diff marks ------------------------------------------------------------------------------------------

    private Stroke GhostArrowStroke => new(theme.MutedText.Mix(theme.Background, 0.3), 1.2, [3, 3]);

    /// <summary>The outline of a marked element: thick green or amber, or dashed and muted for a ghost; null when unmarked.</summary>
    private Stroke? MarkStroke(DiffMark? mark) => mark switch
    {
        DiffMark.Added => new Stroke(theme.DiffAdded, 2.2),
        DiffMark.Changed => new Stroke(theme.DiffChanged, 2.2),
        DiffMark.Removed => new Stroke(theme.MutedText, 1, [4, 3]),
        _ => null,
    };

    /// <summary>Where the + or ~ badge of a marked box sits: on its top left corner (fail, wait and pain badges are on the right).</summary>
    private static Rect MarkBadgeRect(Rect box) => new(box.X - 5, box.Y - BadgeHeight / 2, BadgeHeight + 2, BadgeHeight);

    private void AddMarkBadge(List<DrawOp> ops, Region region, DiffMark mark, Rect box) => AddMarkBadgeAt(ops, region, mark, MarkBadgeRect(box));

    private void AddMarkBadgeAt(List<DrawOp> ops, Region region, DiffMark mark, Rect r)
    {
        if (mark == DiffMark.Removed) return;
        var (fill, text, label) = mark == DiffMark.Added ? (theme.DiffAdded, theme.DiffAddedText, "+") : (theme.DiffChanged, theme.DiffChangedText, "~");
        // Where the badge's fill would vanish into the background (print's white ~), its outline shows it.
        var stroke = theme.BadgeStroke ?? (fill.Luminance > 0.8 ? new Stroke(theme.Text, 0.8) : null);
        if (theme.Greyscale && mark == DiffMark.Changed) fill = theme.Background;
        ops.Add(new RectOp(region, r, fill, stroke, BadgeHeight / 2));
        var lh = LineHeight(markFont);
        ops.Add(new TextOp(region, label, new Rect(r.X, r.Y + (BadgeHeight - lh) / 2, r.Width, lh), TextAlign.Center, markFont, text));
    }

    private void AddBadge(List<DrawOp> ops, Region region, Badge b, string? label = null)
    {
        var (fill, text) = b.Kind switch
        {
            BadgeKind.Fail => (theme.Fail, theme.FailText),
            BadgeKind.Wait => (theme.Wait, theme.WaitText),
            _ => (theme.Pain, theme.PainText),
        };
        ops.Add(new RectOp(region, b.Rect, fill, theme.BadgeStroke, BadgeHeight / 2));
        var lh = LineHeight(badgeFont);
        ops.Add(new TextOp(region, label ?? b.Label, new Rect(b.Rect.X, b.Rect.Y + (BadgeHeight - lh) / 2, b.Rect.Width, lh), TextAlign.Center, badgeFont, text));
    }

    /// <summary>Notes every text with characters no installed font can show, once each, in the order met.</summary>
    private sealed class RecordingMeasurer(ITextMeasurer inner) : ITextMeasurer
    {
        private readonly HashSet<string> seen = new(StringComparer.Ordinal);
        public List<string> MissingGlyphs { get; } = [];

        public WrappedText Wrap(string text, FontSpec font, double maxWidth, int maxLines)
        {
            var w = inner.Wrap(text, font, maxWidth, maxLines);
            if (w.MissingGlyphs > 0 && seen.Add(text)) MissingGlyphs.Add(text);
            return w;
        }
    }
}
