using System.Globalization;
using Blueprint.Core.Diff;
using Blueprint.Core.Model;

namespace Blueprint.Layout;

// The rows around the lanes: badges and the notes row, the emotion curve, the legend.
internal sealed partial class LayoutBuilder
{
    /// <summary>One entry of a step's notes cell: a badge and its text, or a plain note (policy, metric, note).</summary>
    private sealed record NoteEntry(Badge? Badge, string Text);

    private int failCount, waitCount, painCount;

    private void NumberBadges(IReadOnlyList<Step> steps, List<Badge>[] stepBadges, List<NoteEntry>[] notes)
    {
        for (int c = 0; c < cols; c++)
        {
            var step = steps[c];
            stepBadges[c] = [];
            notes[c] = [];
            foreach (var b in Marks(step.Fail, step.Wait, step.Pain))
            {
                stepBadges[c].Add(b);
                notes[c].Add(new NoteEntry(b, b.Text));
            }
            for (int r = 0; r < rows; r++)
                foreach (var s in cells[c][r])
                    foreach (var b in Marks(s.Placed.Card.Fail, s.Placed.Card.Wait, s.Placed.Card.Pain))
                    {
                        s.Badges.Add(b);
                        notes[c].Add(new NoteEntry(b, b.Text));
                    }
            foreach (var metric in step.Metrics)
                if (!string.IsNullOrWhiteSpace(metric)) notes[c].Add(new NoteEntry(null, words.Labelled(words.Metric, metric.Trim())));
            if (!string.IsNullOrWhiteSpace(step.Policy)) notes[c].Add(new NoteEntry(null, words.Labelled(words.Policy, step.Policy.Trim())));
            if (!string.IsNullOrWhiteSpace(step.Note)) notes[c].Add(new NoteEntry(null, words.Labelled(words.Note, step.Note.Trim())));
            for (int r = 0; r < rows; r++)
                foreach (var s in cells[c][r])
                    if (!string.IsNullOrWhiteSpace(s.Placed.Card.Note)) notes[c].Add(new NoteEntry(null, words.Labelled(words.Note, s.Placed.Card.Note.Trim())));
        }
    }

    private IEnumerable<Badge> Marks(string? fail, string? wait, string? pain)
    {
        if (!string.IsNullOrWhiteSpace(fail)) yield return new Badge(BadgeKind.Fail, ++failCount, fail.Trim(), default);
        if (!string.IsNullOrWhiteSpace(wait)) yield return new Badge(BadgeKind.Wait, ++waitCount, wait.Trim(), default);
        if (!string.IsNullOrWhiteSpace(pain)) yield return new Badge(BadgeKind.Pain, ++painCount, pain.Trim(), default);
    }

    private void AddEmotionRow(List<DrawOp> ops, IReadOnlyList<Step> steps, double[] colLeft, double top,
        double labelLeft, double bodyLeft, double bodyRight)
    {
        const double pad = 14;
        double h = EmotionRowHeight, mid = top + h / 2, unit = (h - 2 * pad) / 4;
        ops.Add(new RectOp(Region.Labels, new Rect(labelLeft, top, LabelColumnWidth, h), theme.StepFill, null));
        ops.Add(new RectOp(Region.Body, new Rect(bodyLeft, top, bodyRight - bodyLeft, h), theme.StepFill, null));
        var title = m.Wrap(words.Emotion, laneFont, LabelColumnWidth - 40, 1);
        AddLines(ops, Region.Labels, title, labelLeft + 8, mid - title.Height / 2, LabelColumnWidth - 40, TextAlign.Start, laneFont, theme.Text);
        double lh = LineHeight(smallFont);
        foreach (int v in new[] { 2, 0, -2 })
            ops.Add(new TextOp(Region.Labels, Signed(v), new Rect(bodyLeft - 28, mid - v * unit - lh / 2, 24, lh), TextAlign.End, smallFont, theme.MutedText));
        var guide = new Stroke(theme.GridLine, 0.8, [2, 3]);
        foreach (int v in new[] { 2, 0, -2 })
            ops.Add(new PolylineOp(Region.Body, [new Point(bodyLeft, mid - v * unit), new Point(bodyRight, mid - v * unit)], v == 0 ? guide with { Width = 1 } : guide));

        var points = new List<(Point At, int Value)>();
        for (int c = 0; c < cols; c++)
            if (steps[c].Emotion is { } e)
            {
                int v = Math.Clamp(e, -2, 2);
                points.Add((new Point(colLeft[c] + o.CardWidth / 2, mid - v * unit), v));
            }
        if (points.Count > 1) ops.Add(new PolylineOp(Region.Body, points.Select(p => p.At).ToList(), theme.EmotionLine));
        foreach (var (at, v) in points)
        {
            var fill = v > 0 ? theme.EmotionPositive : v < 0 ? theme.EmotionNegative : theme.EmotionNeutral;
            ops.Add(new CircleOp(Region.Body, at, 4.5, fill, new Stroke(theme.EmotionLine.Color, 1)));
            // Above the point when the curve is high, below when it is low, away from the line at the extremes.
            double ty = v < 0 ? at.Y + 1 : at.Y - lh - 1;
            ops.Add(new TextOp(Region.Body, Signed(v), new Rect(at.X + 8, ty, 24, lh), TextAlign.Start, smallFont, theme.MutedText));
        }
    }

    /// <summary>"+2", "0", "−1" (with a real minus sign).</summary>
    private static string Signed(int v) => v > 0 ? "+" + v.ToString(CultureInfo.InvariantCulture) : v < 0 ? "\u2212" + (-v).ToString(CultureInfo.InvariantCulture) : "0";

    /// <summary>Lays the legend out from the top left, wrapping at <paramref name="maxWidth"/>; returns its bounds.</summary>
    private Rect BuildLegend(List<DrawOp> ops, double top, double maxWidth)
    {
        var items = new List<(string Text, Action<double, double> Sample, double SampleWidth)>();
        void BadgeItem(BadgeKind kind, string letter, string text) =>
            items.Add((text, (x, cy) => AddBadge(ops, Region.Legend, new Badge(kind, 0, text, new Rect(x, cy - BadgeHeight / 2, BadgeWidth(letter), BadgeHeight)), letter),
                BadgeWidth(letter)));
        void LineItem(Stroke stroke, double head, string text) =>
            items.Add((text, (x, cy) => ops.Add(new PolylineOp(Region.Legend, [new Point(x, cy), new Point(x + 30, cy)], stroke, head)), 30));

        if (failCount > 0) BadgeItem(BadgeKind.Fail, "F", words.FailPoint);
        if (waitCount > 0) BadgeItem(BadgeKind.Wait, "W", words.WaitPoint);
        if (painCount > 0) BadgeItem(BadgeKind.Pain, "P", words.PainPoint);
        if (plans.Any(p => p.Kind == EdgeKind.Arrow)) LineItem(theme.Arrow, ArrowHead, words.Arrow);
        if (plans.Any(p => p.Kind == EdgeKind.Loop)) LineItem(theme.LoopArrow, ArrowHead, words.LoopArrow);
        if (plans.Any(p => p.Kind == EdgeKind.Journey)) LineItem(theme.Journey, ArrowHead + 1, words.Journey);
        if (overlay is not null)
        {
            // One entry for each mark the drawing shows.
            void MarkItem(DiffMark mark, string text) =>
                items.Add((text, (x, cy) => AddMarkBadgeAt(ops, Region.Legend, mark, new Rect(x, cy - BadgeHeight / 2, BadgeHeight + 2, BadgeHeight)), BadgeHeight + 2));
            bool Shows(DiffMark mark) => overlay.Cards.Values.Contains(mark) || overlay.Steps.Values.Contains(mark) || overlay.Scenes.Values.Contains(mark);
            if (Shows(DiffMark.Added)) MarkItem(DiffMark.Added, words.Added);
            if (Shows(DiffMark.Changed)) MarkItem(DiffMark.Changed, words.Changed);
            if (Shows(DiffMark.Removed))
                items.Add((words.RemovedGhost, (x, cy) => ops.Add(new RectOp(Region.Legend, new Rect(x, cy - 6, 24, 12), theme.Background.Mix(theme.MutedText, 0.1), MarkStroke(DiffMark.Removed), 3)), 24));
            if (plans.Any(p => p.Mark == DiffMark.Added)) LineItem(theme.Arrow with { Color = theme.DiffAdded, Width = theme.Arrow.Width + 1 }, ArrowHead, words.AddedArrow);
            if (plans.Any(p => p.Mark == DiffMark.Removed)) LineItem(GhostArrowStroke, ArrowHead, words.RemovedArrow);
        }
        if (items.Count == 0) return new Rect(Margin, top, 0, 0);

        var legendFont = smallFont;
        double lh = Math.Max(LineHeight(legendFont), BadgeHeight), x = Margin, y = top, right = Margin;
        var heading = m.Wrap(words.Legend, keyFont, double.PositiveInfinity, 1);
        AddLines(ops, Region.Legend, heading, x, y + (lh - heading.LineHeight) / 2, Math.Ceiling(heading.Width) + 1, TextAlign.Start, keyFont, theme.Text);
        x += Math.Ceiling(heading.Width) + 14;
        foreach (var (text, sample, sampleWidth) in items)
        {
            var t = m.Wrap(text, legendFont, double.PositiveInfinity, 1);
            double itemWidth = sampleWidth + 5 + Math.Ceiling(t.Width);
            if (x > Margin && x + itemWidth > Margin + maxWidth)
            {
                x = Margin;
                y += lh + 6;
            }
            sample(x, y + lh / 2);
            AddLines(ops, Region.Legend, t, x + sampleWidth + 5, y + (lh - t.LineHeight) / 2, Math.Ceiling(t.Width) + 1, TextAlign.Start, legendFont, theme.Text);
            x += itemWidth;
            right = Math.Max(right, x);
            x += 18;
        }
        return new Rect(Margin, top, right - Margin, y + lh - top);
    }
}
