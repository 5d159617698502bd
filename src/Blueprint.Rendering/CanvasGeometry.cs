using Blueprint.Layout;
using Blueprint.Rendering.Text;
using SkiaSharp;

namespace Blueprint.Rendering;

/// <summary>
/// Where the canvases that draw shapes and glyphs themselves (Skia's and our PDF writer) put them, kept in one place so
/// that a PDF looks like the PNG: coordinates on a 1/8 pt grid, quarter circles as one cubic Bézier, a shaped line's
/// left edge and baseline, and the box drawn for a character no font has.
/// </summary>
internal static class CanvasGeometry
{
    /// <summary>A cubic Bézier approximates a quarter circle with control points this far along the tangents (of the radius).</summary>
    public const float Kappa = 0.5522848f;

    /// <summary>
    /// A coordinate on a grid of 1/8 pt (0.04 mm): invisible in any output, and a PDF writes it in a few digits
    /// instead of nine; a large diagram's PDF is mostly coordinates.
    /// </summary>
    public static float Snap(double value) => (float)(Math.Round(value * 8) / 8);

    /// <summary>
    /// The on/off lengths a stroke is dashed with, an even number of them (an odd list is repeated, as SVG and PDF read
    /// it); null for a solid line or a pattern that draws nothing sensible (negative, infinite or all zero).
    /// </summary>
    public static float[]? DashIntervals(Stroke stroke)
    {
        var dash = stroke.Dash;
        if (dash is not { Count: > 0 } || !dash.All(d => d >= 0 && double.IsFinite(d)) || !dash.Any(d => d > 0)) return null;
        return (dash.Count % 2 == 0 ? dash : dash.Concat(dash)).Select(d => (float)d).ToArray();
    }

    /// <summary>The corner radius drawn for a rectangle: at most half its shorter side, on the grid.</summary>
    public static float CornerRadius(double width, double height, double cornerRadius) =>
        Snap(Math.Min(Math.Max(cornerRadius, 0), Math.Min(width, height) / 2));

    /// <summary>Where a shaped line starts: its left edge for <paramref name="x"/> per alignment, and its baseline below <paramref name="top"/>.</summary>
    public static (float Left, float Baseline) LineOrigin(ShapedLine line, double x, double top, TextAlign align)
    {
        float left = Snap(align switch
        {
            TextAlign.Center => x - (line.Width / 2),
            TextAlign.End => x - line.Width,
            _ => x,
        });
        return (left, Snap(top + line.Baseline));
    }

    /// <summary>The width of the outline of a missing character's box.</summary>
    public static double MissingGlyphStroke(FontSpec font) => Math.Max(font.Size / 16, 0.5);

    /// <summary>The empty box drawn where a character no installed font has stands (the render warns about it).</summary>
    public static SKRect MissingGlyphBox(float left, float baseline, (float X, float Width) missing, FontSpec font)
    {
        float ascent = (float)(font.Size * 0.7);
        return SKRect.Create(left + missing.X + (missing.Width * 0.1f), baseline - ascent, missing.Width * 0.8f, ascent);
    }
}
