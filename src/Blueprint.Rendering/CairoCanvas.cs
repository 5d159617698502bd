using System.Globalization;
using System.Text;
using Blueprint.Layout;
using Blueprint.Rendering.Native;

namespace Blueprint.Rendering;

/// <summary>The drawing shared by the Cairo-backed canvases (PNG and PDF); text goes through Pango.</summary>
public abstract unsafe class CairoCanvas : IDiagramCanvas
{
    private CairoSurfaceHandle? _surface;
    private CairoHandle? _cr;
    private bool _finished;
    private bool _disposed;
    private int _views;

    private protected CairoCanvas(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        NativeLibraries.EnsureAvailable();
        Sink = new StreamSink(output);
    }

    /// <summary>Pages begun so far.</summary>
    public int PageCount { get; private set; }

    private protected StreamSink Sink { get; }

    private protected CairoSurfaceHandle Surface => _surface ?? throw new InvalidOperationException("Call BeginPage before drawing.");

    private protected CairoHandle Cr
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_finished)
            {
                throw new InvalidOperationException("The canvas is finished; nothing more can be drawn.");
            }

            return _cr ?? throw new InvalidOperationException("Call BeginPage before drawing.");
        }
    }

    public void BeginPage(double width, double height)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_finished)
        {
            throw new InvalidOperationException("The canvas is finished; no more pages can be added.");
        }

        if (!(width > 0) || !(height > 0) || double.IsInfinity(width) || double.IsInfinity(height))
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"A page must have a positive size, not {width} x {height}.");
        }

        if (_surface is null)
        {
            _surface = CreateSurface(width, height);
            Cairo.Check(_surface, "create the drawing surface");
            _cr = Cairo.Create(_surface);
            Cairo.Check(_cr, "start drawing");
            SetUpContext(_cr);
        }
        else
        {
            CheckStatus(_cr!, "draw the page");
            NextPage(_surface, _cr!, width, height);
            CheckStatus(_cr!, "start a new page");
        }

        PageCount++;
    }

    public void DrawRectangle(double x, double y, double width, double height, Color? fill, Stroke? stroke = null, double cornerRadius = 0)
    {
        var cr = Cr;
        Cairo.NewPath(cr);
        var radius = Math.Min(Math.Max(cornerRadius, 0), Math.Min(width, height) / 2);
        if (radius <= 0)
        {
            Cairo.Rectangle(cr, x, y, width, height);
        }
        else
        {
            Cairo.NewSubPath(cr);
            Cairo.Arc(cr, x + width - radius, y + radius, radius, -Math.PI / 2, 0);
            Cairo.Arc(cr, x + width - radius, y + height - radius, radius, 0, Math.PI / 2);
            Cairo.Arc(cr, x + radius, y + height - radius, radius, Math.PI / 2, Math.PI);
            Cairo.Arc(cr, x + radius, y + radius, radius, Math.PI, 3 * Math.PI / 2);
            Cairo.ClosePath(cr);
        }

        FillAndStroke(cr, fill, stroke);
    }

    public void DrawEllipse(double centerX, double centerY, double radiusX, double radiusY, Color? fill, Stroke? stroke = null)
    {
        var cr = Cr;
        Cairo.NewPath(cr);
        if (radiusX <= 0 || radiusY <= 0)
        {
            return;
        }

        // Scale a unit circle, then restore before stroking so the line width is not scaled with it.
        Cairo.Save(cr);
        Cairo.Translate(cr, centerX, centerY);
        Cairo.Scale(cr, radiusX, radiusY);
        Cairo.Arc(cr, 0, 0, 1, 0, 2 * Math.PI);
        Cairo.ClosePath(cr);
        Cairo.Restore(cr);
        FillAndStroke(cr, fill, stroke);
    }

    public void DrawPolyline(IReadOnlyList<(double X, double Y)> points, Stroke stroke, double arrowHead = 0)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(stroke);
        var cr = Cr;
        if (points.Count < 2)
        {
            return;
        }

        var arrow = arrowHead > 0 ? ArrowHead.Compute(points, arrowHead) : null;
        Cairo.NewPath(cr);
        Cairo.MoveTo(cr, points[0].X, points[0].Y);
        for (var i = 1; i < points.Count - 1; i++)
        {
            Cairo.LineTo(cr, points[i].X, points[i].Y);
        }

        var end = arrow?.LineEnd ?? points[^1];
        Cairo.LineTo(cr, end.X, end.Y);
        ApplyStroke(cr, stroke);
        Cairo.Stroke(cr);

        if (arrow is { Triangle: var triangle })
        {
            Cairo.NewPath(cr);
            Cairo.MoveTo(cr, triangle[0].X, triangle[0].Y);
            Cairo.LineTo(cr, triangle[1].X, triangle[1].Y);
            Cairo.LineTo(cr, triangle[2].X, triangle[2].Y);
            Cairo.ClosePath(cr);
            SetColor(cr, stroke.Color);
            Cairo.Fill(cr);
        }
    }

    public void DrawText(string text, double x, double top, FontSpec font, Color color, TextAlign align = TextAlign.Start)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(font);
        var cr = Cr;
        if (text.Length == 0)
        {
            return;
        }

        var (layout, logical) = PangoThreadContext.Current.ShapedLine(text, font);
        var width = logical.Width / (double)Pango.Scale;
        var left = align switch
        {
            TextAlign.Center => x - (width / 2),
            TextAlign.End => x - width,
            _ => x,
        };

        Cairo.NewPath(cr);
        Cairo.MoveTo(cr, left - (logical.X / (double)Pango.Scale), top);
        SetColor(cr, color);
        Pango.CairoShowLayout(cr, layout);
    }

    public void BeginView(double clipX, double clipY, double clipWidth, double clipHeight, double offsetX, double offsetY, double scale)
    {
        var cr = Cr;
        Cairo.Save(cr);
        Cairo.NewPath(cr);
        Cairo.Rectangle(cr, clipX, clipY, clipWidth, clipHeight);
        Cairo.Clip(cr);
        Cairo.Scale(cr, scale, scale);
        Cairo.Translate(cr, offsetX, offsetY);
        _views++;
    }

    public void EndView()
    {
        var cr = Cr;
        if (_views == 0)
        {
            throw new InvalidOperationException("EndView without BeginView.");
        }

        Cairo.Restore(cr);
        _views--;
    }

    public virtual void AddLink(double x, double y, double width, double height, string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        _ = Cr;
    }

    public void Finish()
    {
        var cr = Cr;
        CheckStatus(cr, "draw the diagram");
        Complete(Surface, cr);
        Sink.ThrowIfFailed(OutputName);
        Cairo.Check(Surface, $"write the {OutputName}");
        _finished = true;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _cr?.Dispose();
        _surface?.Dispose();
        // Only now: destroying a surface can still call the write function.
        Sink.Dispose();
        GC.SuppressFinalize(this);
    }

    private protected abstract string OutputName { get; }

    /// <summary>Cairo errors are sticky; a failed write is reported with the stream's own message first.</summary>
    private void CheckStatus(CairoHandle cr, string action)
    {
        Sink.ThrowIfFailed(OutputName);
        Cairo.Check(cr, action);
    }

    private protected abstract CairoSurfaceHandle CreateSurface(double width, double height);

    private protected virtual void SetUpContext(CairoHandle cr)
    {
    }

    private protected abstract void NextPage(CairoSurfaceHandle surface, CairoHandle cr, double width, double height);

    /// <summary>Writes the finished document to <see cref="Sink"/>.</summary>
    private protected abstract void Complete(CairoSurfaceHandle surface, CairoHandle cr);

    private protected static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>A string value of a Cairo tag attribute: single-quoted, with quotes and backslashes escaped.</summary>
    private protected static string QuoteAttribute(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('\'');
        foreach (var c in value)
        {
            if (c is '\'' or '\\')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.Append('\'').ToString();
    }

    private static void FillAndStroke(CairoHandle cr, Color? fill, Stroke? stroke)
    {
        if (fill is { } color)
        {
            SetColor(cr, color);
            Cairo.FillPreserve(cr);
        }

        if (stroke is not null && stroke.Width > 0)
        {
            ApplyStroke(cr, stroke);
            Cairo.Stroke(cr);
        }

        Cairo.NewPath(cr);
    }

    private static void ApplyStroke(CairoHandle cr, Stroke stroke)
    {
        SetColor(cr, stroke.Color);
        Cairo.SetLineWidth(cr, stroke.Width);
        Cairo.SetLineCap(cr, Cairo.LineCapButt);
        Cairo.SetLineJoin(cr, Cairo.LineJoinMiter);
        var dash = stroke.Dash;
        if (dash is { Count: > 0 } && dash.All(d => d >= 0 && double.IsFinite(d)) && dash.Any(d => d > 0))
        {
            Span<double> values = stackalloc double[dash.Count];
            for (var i = 0; i < dash.Count; i++)
            {
                values[i] = dash[i];
            }

            fixed (double* pointer = values)
            {
                Cairo.SetDash(cr, pointer, values.Length, 0);
            }
        }
        else
        {
            Cairo.SetDash(cr, null, 0, 0);
        }
    }

    private static void SetColor(CairoHandle cr, Color color) =>
        Cairo.SetSourceRgba(cr, color.R / 255.0, color.G / 255.0, color.B / 255.0, color.A / 255.0);
}
