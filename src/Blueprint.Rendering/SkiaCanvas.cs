using Blueprint.Layout;
using Blueprint.Rendering.Text;
using SkiaSharp;
using static Blueprint.Rendering.CanvasGeometry;

namespace Blueprint.Rendering;

/// <summary>
/// The drawing shared by the Skia-backed canvases (PNG and PDF). Text is drawn as the glyphs the text engine shaped
/// (<see cref="ShapedLines"/>), with the text and clusters attached so a PDF maps them back to characters.
/// </summary>
public abstract class SkiaCanvas : IDiagramCanvas
{
    private readonly Dictionary<(FontFace Face, float Size, bool Bold, bool Italic), SKFont> _fonts = [];
    private readonly SKPaint _fill = new() { IsAntialias = true, Style = SKPaintStyle.Fill };
    private readonly SKPaint _stroke = new() { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeCap = SKStrokeCap.Butt, StrokeJoin = SKStrokeJoin.Miter };
    private readonly SKTextBlobBuilder _blobs = new();
    private readonly Dictionary<string, SKPathEffect> _dashes = [];
    private bool _finished;
    private bool _disposed;
    private int _views;
    private readonly Stack<SKRect> _clips = new();

    private protected SkiaCanvas()
    {
    }

    /// <summary>Pages begun so far.</summary>
    public int PageCount { get; private set; }

    private SKCanvas? _canvas;

    private protected SKCanvas Canvas
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_finished) throw new InvalidOperationException("The canvas is finished; nothing more can be drawn.");
            return _canvas ?? throw new InvalidOperationException("Call BeginPage before drawing.");
        }
    }

    public void BeginPage(double width, double height)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_finished) throw new InvalidOperationException("The canvas is finished; no more pages can be added.");
        if (!(width > 0) || !(height > 0) || double.IsInfinity(width) || double.IsInfinity(height))
            throw new ArgumentOutOfRangeException(nameof(width), $"A page must have a positive size, not {width} x {height}.");
        if (_views != 0) throw new InvalidOperationException("A view is still open; end it before the next page.");
        _canvas = StartPage(width, height, PageCount);
        PageCount++;
    }

    public void DrawRectangle(double x, double y, double width, double height, Color? fill, Stroke? stroke = null, double cornerRadius = 0)
    {
        var canvas = Canvas;
        var rect = new SKRect(Snap(x), Snap(y), Snap(x + width), Snap(y + height));
        float radius = CornerRadius(width, height, cornerRadius);
        if (radius <= 0)
        {
            if (fill is { } color)
            {
                _fill.Color = ToSk(color);
                canvas.DrawRect(rect, _fill);
            }

            if (Prepare(stroke)) canvas.DrawRect(rect, _stroke);
            return;
        }

        using var path = RoundedRectangle(rect, radius);
        if (fill is { } fillColor)
        {
            _fill.Color = ToSk(fillColor);
            canvas.DrawPath(path, _fill);
        }

        if (Prepare(stroke)) canvas.DrawPath(path, _stroke);
    }

    /// <summary>
    /// A rounded rectangle as one cubic Bézier a corner: Skia's own rounded rectangle reaches a PDF as four curves a
    /// corner, and a large diagram has thousands of cards.
    /// </summary>
    private static SKPath RoundedRectangle(SKRect rect, float radius)
    {
        float k = Snap(radius * (1 - Kappa));
        using var builder = new SKPathBuilder();
        builder.MoveTo(rect.Left + radius, rect.Top);
        builder.LineTo(rect.Right - radius, rect.Top);
        builder.CubicTo(rect.Right - k, rect.Top, rect.Right, rect.Top + k, rect.Right, rect.Top + radius);
        builder.LineTo(rect.Right, rect.Bottom - radius);
        builder.CubicTo(rect.Right, rect.Bottom - k, rect.Right - k, rect.Bottom, rect.Right - radius, rect.Bottom);
        builder.LineTo(rect.Left + radius, rect.Bottom);
        builder.CubicTo(rect.Left + k, rect.Bottom, rect.Left, rect.Bottom - k, rect.Left, rect.Bottom - radius);
        builder.LineTo(rect.Left, rect.Top + radius);
        builder.CubicTo(rect.Left, rect.Top + k, rect.Left + k, rect.Top, rect.Left + radius, rect.Top);
        builder.Close();
        return builder.Detach();
    }

    /// <summary>An ellipse as four cubic Béziers (Skia's own oval reaches a PDF as eight).</summary>
    private static SKPath Ellipse(float cx, float cy, float rx, float ry)
    {
        float kx = Snap(rx * Kappa), ky = Snap(ry * Kappa);
        using var builder = new SKPathBuilder();
        builder.MoveTo(cx + rx, cy);
        builder.CubicTo(cx + rx, cy + ky, cx + kx, cy + ry, cx, cy + ry);
        builder.CubicTo(cx - kx, cy + ry, cx - rx, cy + ky, cx - rx, cy);
        builder.CubicTo(cx - rx, cy - ky, cx - kx, cy - ry, cx, cy - ry);
        builder.CubicTo(cx + kx, cy - ry, cx + rx, cy - ky, cx + rx, cy);
        builder.Close();
        return builder.Detach();
    }

    public void DrawEllipse(double centerX, double centerY, double radiusX, double radiusY, Color? fill, Stroke? stroke = null)
    {
        var canvas = Canvas;
        if (radiusX <= 0 || radiusY <= 0) return;
        using var path = Ellipse(Snap(centerX), Snap(centerY), Snap(radiusX), Snap(radiusY));
        if (fill is { } color)
        {
            _fill.Color = ToSk(color);
            canvas.DrawPath(path, _fill);
        }

        if (Prepare(stroke)) canvas.DrawPath(path, _stroke);
    }

    public void DrawPolyline(IReadOnlyList<(double X, double Y)> points, Stroke stroke, double arrowHead = 0)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(stroke);
        var canvas = Canvas;
        if (points.Count < 2) return;
        var arrow = arrowHead > 0 ? ArrowHead.Compute(points, arrowHead) : null;
        var end = arrow?.LineEnd ?? points[^1];
        using var builder = new SKPathBuilder();
        if (DashStops(stroke) is { } stops && IsAxisAligned(points, end))
        {
            DrawDashes(canvas, points, end, stroke, stops);
        }
        else
        {
            builder.MoveTo(Snap(points[0].X), Snap(points[0].Y));
            for (int i = 1; i < points.Count - 1; i++) builder.LineTo(Snap(points[i].X), Snap(points[i].Y));
            builder.LineTo(Snap(end.X), Snap(end.Y));
            using var path = builder.Detach();
            if (Prepare(stroke)) canvas.DrawPath(path, _stroke);
        }

        if (arrow is { Triangle: var triangle })
        {
            builder.MoveTo(Snap(triangle[0].X), Snap(triangle[0].Y));
            builder.LineTo(Snap(triangle[1].X), Snap(triangle[1].Y));
            builder.LineTo(Snap(triangle[2].X), Snap(triangle[2].Y));
            builder.Close();
            using var head = builder.Detach();
            _fill.Color = ToSk(stroke.Color);
            canvas.DrawPath(head, _fill);
        }
    }

    /// <summary>
    /// A dashed line of horizontal and vertical segments, as one filled band a segment painted with a repeating hard-stop
    /// gradient: Skia turns a dashed stroke into a subpath a dash, which for a diagram's long separator lines made most
    /// of a PDF's content; a gradient is a few operators whatever the length. The dash phase runs on across corners,
    /// as a stroke's does.
    /// </summary>
    private void DrawDashes(SKCanvas canvas, IReadOnlyList<(double X, double Y)> points, (double X, double Y) end, Stroke stroke, (float Period, SKColor[] Colors, float[] Positions) stops)
    {
        float half = (float)stroke.Width / 2, phase = 0;
        var color = ToSk(stroke.Color);
        var colors = stops.Colors.Select(c => c == SKColors.Empty ? color.WithAlpha(0) : color).ToArray();
        for (int i = 1; i < points.Count; i++)
        {
            var a = new SKPoint(Snap(points[i - 1].X), Snap(points[i - 1].Y));
            var b = i == points.Count - 1 ? new SKPoint(Snap(end.X), Snap(end.Y)) : new SKPoint(Snap(points[i].X), Snap(points[i].Y));
            float length = SKPoint.Distance(a, b);
            if (length <= 0) continue;
            var direction = new SKPoint((b.X - a.X) / length, (b.Y - a.Y) / length);
            var start = new SKPoint(a.X - (direction.X * phase), a.Y - (direction.Y * phase));
            var period = new SKPoint(start.X + (direction.X * stops.Period), start.Y + (direction.Y * stops.Period));
            // Inner corners are covered as a mitred stroke covers them: the band runs on by half the width.
            float before = i > 1 ? half : 0, after = i < points.Count - 1 ? half : 0;
            var band = direction.Y == 0
                ? new SKRect(Math.Min(a.X, b.X) - (direction.X > 0 ? before : after), a.Y - half, Math.Max(a.X, b.X) + (direction.X > 0 ? after : before), a.Y + half)
                : new SKRect(a.X - half, Math.Min(a.Y, b.Y) - (direction.Y > 0 ? before : after), a.X + half, Math.Max(a.Y, b.Y) + (direction.Y > 0 ? after : before));
            using var shader = SKShader.CreateLinearGradient(start, period, colors, stops.Positions, SKShaderTileMode.Repeat);
            _fill.Shader = shader;
            canvas.DrawRect(band, _fill);
            _fill.Shader = null;
            phase = (phase + length) % stops.Period;
        }
    }

    private static bool IsAxisAligned(IReadOnlyList<(double X, double Y)> points, (double X, double Y) end)
    {
        for (int i = 1; i < points.Count; i++)
        {
            var (x, y) = i == points.Count - 1 ? end : points[i];
            if (x != points[i - 1].X && y != points[i - 1].Y) return false;
        }

        return true;
    }

    /// <summary>A dash pattern as gradient stops over one period: the line's colour where a dash is, clear (<see cref="SKColors.Empty"/>) between.</summary>
    private static (float Period, SKColor[] Colors, float[] Positions)? DashStops(Stroke stroke)
    {
        if (!(stroke.Width > 0) || CanvasGeometry.DashIntervals(stroke) is not { } lengths) return null;
        float period = lengths.Sum(), at = 0;
        var colors = new List<SKColor>();
        var positions = new List<float>();
        for (int i = 0; i < lengths.Length; i++)
        {
            var color = i % 2 == 0 ? SKColors.Black : SKColors.Empty;
            colors.Add(color);
            positions.Add(at / period);
            at += lengths[i];
            colors.Add(color);
            positions.Add(at / period);
        }

        return (period, [.. colors], [.. positions]);
    }

    public void DrawText(string text, double x, double top, FontSpec font, Color color, TextAlign align = TextAlign.Start)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(font);
        _ = Canvas;
        if (text.Length == 0 || TooSmallToSee(font)) return;
        DrawLine(ShapedLines.Get(text, font), x, top, font, color, align);
    }

    /// <summary>True when text in <paramref name="font"/> would be drawn too small to see at all; it is then left out.</summary>
    private protected virtual bool TooSmallToSee(FontSpec font) => false;

    /// <summary>A line the text engine has shaped, placed as <see cref="DrawText"/> places its text.</summary>
    internal void DrawLine(ShapedLine line, double x, double top, FontSpec font, Color color, TextAlign align)
    {
        var canvas = Canvas;
        var (left, baseline) = LineOrigin(line, x, top, align);
        _fill.Color = ToSk(color);
        if (line.Runs.Length > 0)
        {
            foreach (var run in line.Runs)
            {
                var buffer = _blobs.AllocatePositionedTextRun(FontFor(run), run.Glyphs.Length, run.Utf8.Length);
                run.Glyphs.CopyTo(buffer.Glyphs);
                run.Positions.CopyTo(buffer.Positions);
                run.Utf8.CopyTo(buffer.Text);
                run.Clusters.CopyTo(buffer.Clusters);
            }

            using var blob = _blobs.Build();
            if (blob is not null) canvas.DrawText(blob, left, baseline, _fill);
        }

        // A character no font has: an empty box where it stands (the render warns about it).
        if (line.Missing.Length > 0)
        {
            Prepare(new Stroke(color, MissingGlyphStroke(font)));
            foreach (var missing in line.Missing) canvas.DrawRect(MissingGlyphBox(left, baseline, missing, font), _stroke);
        }
    }

    public void BeginView(double clipX, double clipY, double clipWidth, double clipHeight, double offsetX, double offsetY, double scale)
    {
        var canvas = Canvas;
        canvas.Save();
        var clip = SKRect.Create((float)clipX, (float)clipY, (float)clipWidth, (float)clipHeight);
        canvas.ClipRect(clip, SKClipOperation.Intersect, true);
        canvas.Scale((float)scale);
        canvas.Translate((float)offsetX, (float)offsetY);
        // The clip in the view's own coordinates, within the enclosing view's.
        if (_clips.TryPeek(out var outer)) clip.Intersect(outer);
        _clips.Push(new SKRect((clip.Left / (float)scale) - (float)offsetX, (clip.Top / (float)scale) - (float)offsetY,
            (clip.Right / (float)scale) - (float)offsetX, (clip.Bottom / (float)scale) - (float)offsetY));
        _views++;
    }

    public void EndView()
    {
        var canvas = Canvas;
        if (_views == 0) throw new InvalidOperationException("EndView without BeginView.");
        canvas.Restore();
        _clips.Pop();
        _views--;
    }

    public virtual void AddLink(double x, double y, double width, double height, string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        _ = Canvas;
    }

    public void Finish()
    {
        _ = Canvas;
        try
        {
            Complete();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ObjectDisposedException)
        {
            throw new RenderException($"Could not write the {OutputName}: {e.Message}", e);
        }

        _finished = true;
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        Release();
        foreach (var font in _fonts.Values) font.Dispose();
        foreach (var dash in _dashes.Values) dash.Dispose();
        _fill.Dispose();
        _stroke.Dispose();
        _blobs.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>The innermost view's clip in the current (diagram) coordinates, exactly as given; null outside views.</summary>
    private protected SKRect? ViewClip => _clips.TryPeek(out var clip) ? clip : null;

    private protected abstract string OutputName { get; }

    /// <summary>Starts page <paramref name="index"/> and returns the canvas to draw it on (in points, y down).</summary>
    private protected abstract SKCanvas StartPage(double width, double height, int index);

    /// <summary>Writes the finished document to the output.</summary>
    private protected abstract void Complete();

    /// <summary>Frees what the output holds (surface, document).</summary>
    private protected abstract void Release();

    /// <summary>The typeface drawn for a face: the face's own, or (PDF) a subset of it.</summary>
    private protected virtual SKTypeface TypefaceFor(FontFace face) => face.Typeface;

    private SKFont FontFor(GlyphRun run)
    {
        var key = (run.Face, run.Size, run.FakeBold, run.FakeItalic);
        if (_fonts.TryGetValue(key, out var font)) return font;
        // Unhinted outlines at fractional positions: text is placed exactly where it was measured, at every scale.
        font = new SKFont(TypefaceFor(run.Face), run.Size)
        {
            Hinting = SKFontHinting.None,
            Subpixel = true,
            LinearMetrics = true,
            BaselineSnap = false,
            Edging = SKFontEdging.Antialias,
            Embolden = run.FakeBold,
            SkewX = run.FakeItalic ? -0.2f : 0,
        };
        _fonts[key] = font;
        return font;
    }

    private bool Prepare(Stroke? stroke)
    {
        if (stroke is null || !(stroke.Width > 0)) return false;
        _stroke.Color = ToSk(stroke.Color);
        _stroke.StrokeWidth = (float)stroke.Width;
        _stroke.PathEffect = DashFor(stroke);
        return true;
    }

    private SKPathEffect? DashFor(Stroke stroke)
    {
        if (CanvasGeometry.DashIntervals(stroke) is not { } intervals) return null;
        var key = string.Join(',', intervals);
        if (!_dashes.TryGetValue(key, out var effect)) _dashes[key] = effect = SKPathEffect.CreateDash(intervals, 0);
        return effect;
    }

    private static SKColor ToSk(Color color) => new(color.R, color.G, color.B, color.A);
}
