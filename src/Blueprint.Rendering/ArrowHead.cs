namespace Blueprint.Rendering;

/// <summary>Arrowhead geometry shared by every canvas, so all outputs draw the same shape.</summary>
internal static class ArrowHead
{
    public static double Length(double strokeWidth) => 5 + (3 * strokeWidth);

    /// <summary>
    /// The triangle (tip first) for a polyline ending at its last point, and the polyline's new last point, pulled
    /// back into the head so a thick line does not poke through the tip. Null when the last segment has no length.
    /// </summary>
    public static ((double X, double Y) LineEnd, (double X, double Y)[] Triangle)? Compute(
        IReadOnlyList<(double X, double Y)> points, double strokeWidth)
    {
        var tip = points[^1];
        // The direction comes from the last point that differs from the tip.
        for (var i = points.Count - 2; i >= 0; i--)
        {
            var from = points[i];
            var dx = tip.X - from.X;
            var dy = tip.Y - from.Y;
            var distance = Math.Sqrt((dx * dx) + (dy * dy));
            if (distance < 1e-9)
            {
                continue;
            }

            var (ux, uy) = (dx / distance, dy / distance);
            var length = Length(strokeWidth);
            var halfWidth = length * 0.4;
            var back = (X: tip.X - (ux * length), Y: tip.Y - (uy * length));
            var left = (X: back.X - (uy * halfWidth), Y: back.Y + (ux * halfWidth));
            var right = (X: back.X + (uy * halfWidth), Y: back.Y - (ux * halfWidth));
            var pullBack = Math.Min(length * 0.8, distance);
            var lineEnd = (X: tip.X - (ux * pullBack), Y: tip.Y - (uy * pullBack));
            return (lineEnd, [tip, left, right]);
        }

        return null;
    }
}
