using Blueprint.Layout;
using Blueprint.Rendering.Pdf;
using Blueprint.Rendering.Text;

namespace Blueprint.Rendering;

/// <summary>
/// Writes vector PDF pages itself: shapes as PDF path operators, text as the glyphs Pango shaped (the same glyphs
/// and positions as PNG), in embedded TrueType subsets with a Unicode map so the text stays selectable, and
/// <see cref="AddLink"/> areas as link annotations. Pages are written as they end, fonts at <see cref="Finish"/>.
/// The document's dates are fixed, so the same drawing gives the same bytes. Fonts it cannot embed as they are
/// (CFF outlines, colour or variable fonts, a bold or slant fontconfig adds) are left to Cairo: <see cref="CanDraw"/>
/// tells beforehand, and <see cref="CairoPdfCanvas"/> draws those documents.
/// </summary>
public sealed class PdfCanvas : IDiagramCanvas
{
    /// <summary>The document's creation and modification date, fixed so that output is reproducible.</summary>
    public const string FixedDate = "D:20000101000000Z";

    /// <summary>Four cubic Bézier segments approximate a circle with control points this far along the tangents (of the radius).</summary>
    private const double Kappa = 0.5522847498307936;

    private readonly PdfFile _file;
    private readonly string? _title;
    private readonly PdfBytes _content = new(1 << 16);
    private readonly List<Page> _pages = [];
    private readonly Dictionary<FontFace, PdfFont> _fonts = [];
    private readonly SortedSet<int> _fillAlphas = [];
    private readonly SortedSet<int> _strokeAlphas = [];
    private readonly Stack<State> _saved = new();
    private State _state;
    private (Page Page, Task<byte[]> Compressing)? _pending;
    private bool _finished;
    private bool _disposed;

    /// <param name="output">Receives the PDF; it is complete after <see cref="Finish"/>.</param>
    /// <param name="title">Document title shown by PDF viewers, if any.</param>
    public PdfCanvas(Stream output, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        _file = new PdfFile(output);
        _title = title;
        // Fixed numbers: 1 catalog, 2 page tree, 3 resources shared by every page.
        _file.Reserve();
        _file.Reserve();
        _file.Reserve();
    }

    /// <summary>Pages begun so far.</summary>
    public int PageCount => _pages.Count;

    /// <summary>False when some text of the layout is in a font this writer cannot embed (not TrueType).</summary>
    public static bool CanDraw(DiagramLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        foreach (var op in layout.Ops)
        {
            if (op is not TextOp { Text.Length: > 0 } text) continue;
            foreach (var run in GlyphLines.Get(text.Text, text.Font).Runs)
                if (!run.Face.IsEmbeddable || run.Synthetic) return false;
        }

        return true;
    }

    public void BeginPage(double width, double height)
    {
        EnsureOpen();
        if (!(width > 0) || !(height > 0) || double.IsInfinity(width) || double.IsInfinity(height))
            throw new ArgumentOutOfRangeException(nameof(width), $"A page must have a positive size, not {width} x {height}.");

        if (_pages.Count == 0) _file.Header();
        EndPage();
        _pages.Add(new Page(width, height));
        _state = State.Initial(width, height);
        _saved.Clear();
        // Diagram coordinates: origin at the top left, y down.
        _content.Raw("1 0 0 -1 0 ").Number(height).Raw("cm\n");
    }

    public void DrawRectangle(double x, double y, double width, double height, Color? fill, Stroke? stroke = null, double cornerRadius = 0)
    {
        EnsureDrawing();
        if (fill is null && (stroke is null || !(stroke.Width > 0))) return;
        var radius = Math.Min(Math.Max(cornerRadius, 0), Math.Min(width, height) / 2);
        if (!(radius > 0))
        {
            _content.Number(x).Number(y).Number(width).Number(height).Raw("re\n");
        }
        else
        {
            double k = radius * (1 - Kappa), right = x + width, bottom = y + height;
            _content.Number(x + radius).Number(y).Raw("m ").Number(right - radius).Number(y).Raw("l ");
            _content.Number(right - k).Number(y).Number(right).Number(y + k).Number(right).Number(y + radius).Raw("c ");
            _content.Number(right).Number(bottom - radius).Raw("l ");
            _content.Number(right).Number(bottom - k).Number(right - k).Number(bottom).Number(right - radius).Number(bottom).Raw("c ");
            _content.Number(x + radius).Number(bottom).Raw("l ");
            _content.Number(x + k).Number(bottom).Number(x).Number(bottom - k).Number(x).Number(bottom - radius).Raw("c ");
            _content.Number(x).Number(y + radius).Raw("l ");
            _content.Number(x).Number(y + k).Number(x + k).Number(y).Number(x + radius).Number(y).Raw("c h\n");
        }

        Paint(fill, stroke);
    }

    public void DrawEllipse(double centerX, double centerY, double radiusX, double radiusY, Color? fill, Stroke? stroke = null)
    {
        EnsureDrawing();
        if (radiusX <= 0 || radiusY <= 0 || (fill is null && (stroke is null || !(stroke.Width > 0)))) return;
        double kx = radiusX * Kappa, ky = radiusY * Kappa;
        double left = centerX - radiusX, right = centerX + radiusX, top = centerY - radiusY, bottom = centerY + radiusY;
        _content.Number(right).Number(centerY).Raw("m ");
        _content.Number(right).Number(centerY + ky).Number(centerX + kx).Number(bottom).Number(centerX).Number(bottom).Raw("c ");
        _content.Number(centerX - kx).Number(bottom).Number(left).Number(centerY + ky).Number(left).Number(centerY).Raw("c ");
        _content.Number(left).Number(centerY - ky).Number(centerX - kx).Number(top).Number(centerX).Number(top).Raw("c ");
        _content.Number(centerX + kx).Number(top).Number(right).Number(centerY - ky).Number(right).Number(centerY).Raw("c h\n");
        Paint(fill, stroke);
    }

    public void DrawPolyline(IReadOnlyList<(double X, double Y)> points, Stroke stroke, double arrowHead = 0)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(stroke);
        EnsureDrawing();
        if (points.Count < 2) return;

        var arrow = arrowHead > 0 ? ArrowHead.Compute(points, arrowHead) : null;
        if (stroke.Width > 0)
        {
            _content.Number(points[0].X).Number(points[0].Y).Raw("m ");
            for (var i = 1; i < points.Count - 1; i++) _content.Number(points[i].X).Number(points[i].Y).Raw("l ");
            var end = arrow?.LineEnd ?? points[^1];
            _content.Number(end.X).Number(end.Y).Raw("l\n");
            Paint(null, stroke);
        }

        if (arrow is { Triangle: var triangle })
        {
            _content.Number(triangle[0].X).Number(triangle[0].Y).Raw("m ").Number(triangle[1].X).Number(triangle[1].Y).Raw("l ")
                .Number(triangle[2].X).Number(triangle[2].Y).Raw("l h\n");
            Paint(stroke.Color, null);
        }
    }

    public void DrawText(string text, double x, double top, FontSpec font, Color color, TextAlign align = TextAlign.Start)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(font);
        EnsureDrawing();
        if (text.Length == 0) return;

        var line = GlyphLines.Get(text, font);
        double left = align switch
        {
            TextAlign.Center => x - (line.Width / 2),
            TextAlign.End => x - line.Width,
            _ => x,
        };
        double baseline = top + line.Baseline;
        bool mapped = true;
        foreach (var run in line.Runs)
        {
            var pdfFont = FontFor(run.Face);
            for (int i = 0; i < run.Glyphs.Length; i++) mapped &= pdfFont.Use(run.Glyphs[i], line.Utf8, run.TextStart[i], run.TextEnd[i]);
        }

        // A glyph the font's Unicode map gives other text: the line's text is spelled out for copying and search.
        if (!mapped) _content.Raw("/Span << /ActualText ").TextString(text).Raw(" >> BDC\n");
        SetFill(color);
        _content.Raw("BT\n");
        foreach (var run in line.Runs)
        {
            var pdfFont = _fonts[run.Face];
            _content.Raw("/").Raw(pdfFont.ResourceName).Raw(" ").Number(font.Size).Raw("Tf ");
            int from = 0;
            while (from < run.Glyphs.Length)
            {
                // Glyphs on one baseline go in one TJ, nudged to Pango's positions where the font's own advance differs.
                int to = from + 1;
                while (to < run.Glyphs.Length && run.Y[to] == run.Y[from]) to++;
                _content.Raw("1 0 0 -1 ").Number(left + run.X[from]).Number(baseline + run.Y[from]).Raw("Tm [<");
                for (int i = from; i < to; i++)
                {
                    _content.Hex4(run.Glyphs[i]);
                    if (i + 1 == to) break;
                    double nudge = (left + run.X[i] + (pdfFont.Width(run.Glyphs[i]) * font.Size / 1000) - (left + run.X[i + 1])) * 1000 / font.Size;
                    if (Math.Abs(nudge) >= 0.05) _content.Raw(">").Number(nudge).Raw("<");
                }

                _content.Raw(">] TJ\n");
                from = to;
            }
        }

        _content.Raw("ET\n");
        if (!mapped) _content.Raw("EMC\n");
        foreach (var (at, width) in line.Missing)
        {
            // An empty box where no installed font has the character (the render warns about it), as PNG shows one.
            double inset = Math.Min(width * 0.1, font.Size * 0.05), height = font.Size * 0.7;
            _content.Number(left + at + inset).Number(baseline - height).Number(Math.Max(width - 2 * inset, 0)).Number(height).Raw("re\n");
            Paint(null, new Stroke(color, font.Size * 0.05));
        }
    }

    public void AddLink(double x, double y, double width, double height, string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        EnsureDrawing();
        if (width <= 0 || height <= 0 || url.Length == 0) return;
        // Link areas are in page coordinates (y up), inside the current clip.
        double left = Math.Max(_state.ClipLeft, _state.OffsetX + x * _state.Scale);
        double right = Math.Min(_state.ClipRight, _state.OffsetX + (x + width) * _state.Scale);
        double topY = Math.Max(_state.ClipTop, _state.OffsetY + y * _state.Scale);
        double bottomY = Math.Min(_state.ClipBottom, _state.OffsetY + (y + height) * _state.Scale);
        if (right <= left || bottomY <= topY) return;
        var page = _pages[^1];
        page.Links.Add(new Link(left, page.Height - bottomY, right, page.Height - topY, url));
    }

    public void BeginView(double clipX, double clipY, double clipWidth, double clipHeight, double offsetX, double offsetY, double scale)
    {
        EnsureDrawing();
        _saved.Push(_state);
        _content.Raw("q ").Number(clipX).Number(clipY).Number(clipWidth).Number(clipHeight).Raw("re W n ")
            .Number(scale).Raw("0 0 ").Number(scale).Number(scale * offsetX).Number(scale * offsetY).Raw("cm\n");
        // Where a diagram point lands on the page, and the clip in page coordinates, for link areas.
        var s = _state;
        double clipLeft = s.OffsetX + clipX * s.Scale, clipTop = s.OffsetY + clipY * s.Scale;
        _state = s with
        {
            OffsetX = s.OffsetX + s.Scale * scale * offsetX,
            OffsetY = s.OffsetY + s.Scale * scale * offsetY,
            Scale = s.Scale * scale,
            ClipLeft = Math.Max(s.ClipLeft, clipLeft),
            ClipTop = Math.Max(s.ClipTop, clipTop),
            ClipRight = Math.Min(s.ClipRight, clipLeft + clipWidth * s.Scale),
            ClipBottom = Math.Min(s.ClipBottom, clipTop + clipHeight * s.Scale),
        };
    }

    public void EndView()
    {
        EnsureDrawing();
        if (_saved.Count == 0) throw new InvalidOperationException("EndView without BeginView.");
        _state = _saved.Pop();
        _content.Raw("Q\n");
    }

    public void Finish()
    {
        EnsureDrawing();
        EndPage();
        WritePendingPage();

        var fonts = new PdfBytes().Raw("<< /Font << ");
        foreach (var font in _fonts.Values) fonts.Raw("/").Raw(font.ResourceName).Raw(" ").Integer(font.Write(_file)).Raw(" 0 R ");
        fonts.Raw(">> /ExtGState << ");
        foreach (var alpha in _fillAlphas) fonts.Raw("/fa").Integer(alpha).Raw(" << /ca ").Number(alpha / 255.0).Raw(">> ");
        foreach (var alpha in _strokeAlphas) fonts.Raw("/sa").Integer(alpha).Raw(" << /CA ").Number(alpha / 255.0).Raw(">> ");
        _file.Write(3, fonts.Raw(">> >>"));

        var kids = new PdfBytes().Raw("<< /Type /Pages /Kids [ ");
        foreach (var page in _pages)
        {
            var annotations = new PdfBytes().Raw("[ ");
            foreach (var link in page.Links)
            {
                int number = _file.Add(new PdfBytes().Raw("<< /Type /Annot /Subtype /Link /Rect [ ").Number(link.Left).Number(link.Bottom)
                    .Number(link.Right).Number(link.Top).Raw("] /Border [ 0 0 0 ] /A << /S /URI /URI ").Literal(PdfUri.Encode(link.Url)).Raw(" >> >>"));
                annotations.Integer(number).Raw(" 0 R ");
            }

            var dictionary = new PdfBytes().Raw("<< /Type /Page /Parent 2 0 R /MediaBox [ 0 0 ").Number(page.Width).Number(page.Height)
                .Raw("] /Resources 3 0 R /Contents ").Integer(page.Content).Raw(" 0 R");
            if (page.Links.Count > 0) dictionary.Raw(" /Annots ").Raw(annotations.Raw("]").Span);
            kids.Integer(_file.Add(dictionary.Raw(" >>"))).Raw(" 0 R ");
        }

        _file.Write(2, kids.Raw("] /Count ").Integer(_pages.Count).Raw(" >>"));
        _file.Write(1, new PdfBytes().Raw("<< /Type /Catalog /Pages 2 0 R >>"));

        var info = new PdfBytes().Raw("<< /Creator (blueprint) /Producer (blueprint) /CreationDate (").Raw(FixedDate).Raw(") /ModDate (").Raw(FixedDate).Raw(")");
        if (!string.IsNullOrEmpty(_title)) info.Raw(" /Title ").TextString(_title);
        _file.Trailer(1, _file.Add(info.Raw(" >>")));
        _finished = true;
    }

    public void Dispose()
    {
        _disposed = true;
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Ends the page being drawn, if any: its content is compressed on another core while the next page is drawn,
    /// and written (in page order) when that page ends or the document is finished.
    /// </summary>
    private void EndPage()
    {
        if (_pages.Count == 0 || _pages[^1].Ended) return;
        WritePendingPage();
        var page = _pages[^1];
        page.Ended = true;
        var content = _content.ToArray();
        _content.Clear();
        _pending = (page, Task.Run(() => PdfFile.Compress(content)));
    }

    private void WritePendingPage()
    {
        if (_pending is not var (page, compressing)) return;
        _pending = null;
        page.Content = _file.WriteCompressedStream(compressing.GetAwaiter().GetResult(), new PdfBytes());
    }

    private PdfFont FontFor(FontFace face)
    {
        if (!_fonts.TryGetValue(face, out var font))
        {
            if (!face.IsEmbeddable) throw new RenderException("This PDF writer embeds plain TrueType fonts only; draw the document with CairoPdfCanvas.");
            font = new PdfFont(face, "F" + (_fonts.Count + 1));
            _fonts.Add(face, font);
        }

        return font;
    }

    /// <summary>Fills and/or strokes the path just written.</summary>
    private void Paint(Color? fill, Stroke? stroke)
    {
        bool stroked = stroke is not null && stroke.Width > 0;
        if (fill is { } color) SetFill(color);
        if (stroked) SetStroke(stroke!);
        _content.Raw(fill is not null ? (stroked ? "B\n" : "f\n") : stroked ? "S\n" : "n\n");
    }

    private void SetFill(Color color)
    {
        if (_state.Fill == color) return;
        _state = _state with { Fill = color };
        _content.Number(color.R / 255.0).Number(color.G / 255.0).Number(color.B / 255.0).Raw("rg\n");
        if (_state.FillAlpha == color.A) return;
        _state = _state with { FillAlpha = color.A };
        _fillAlphas.Add(color.A);
        _content.Raw("/fa").Integer(color.A).Raw(" gs\n");
    }

    private void SetStroke(Stroke stroke)
    {
        var color = stroke.Color;
        if (_state.StrokeColor != color)
        {
            _state = _state with { StrokeColor = color };
            _content.Number(color.R / 255.0).Number(color.G / 255.0).Number(color.B / 255.0).Raw("RG\n");
            if (_state.StrokeAlpha != color.A)
            {
                _state = _state with { StrokeAlpha = color.A };
                _strokeAlphas.Add(color.A);
                _content.Raw("/sa").Integer(color.A).Raw(" gs\n");
            }
        }

        if (_state.LineWidth != stroke.Width)
        {
            _state = _state with { LineWidth = stroke.Width };
            _content.Number(stroke.Width).Raw("w\n");
        }

        var dash = stroke.Dash;
        if (ReferenceEquals(dash, _state.DashSource)) return;
        bool dashed = dash is { Count: > 0 } && dash.All(d => d >= 0 && double.IsFinite(d)) && dash.Any(d => d > 0);
        string pattern = dashed ? string.Join(' ', dash!.Select(d => Math.Round(d, 3).ToString(System.Globalization.CultureInfo.InvariantCulture))) : "";
        _state = _state with { DashSource = dash };
        if (_state.Dash != pattern)
        {
            _state = _state with { Dash = pattern };
            _content.Raw("[").Raw(pattern).Raw("] 0 d\n");
        }
    }

    private void EnsureOpen()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_finished) throw new InvalidOperationException("The canvas is finished; nothing more can be drawn.");
    }

    private void EnsureDrawing()
    {
        EnsureOpen();
        if (_pages.Count == 0) throw new InvalidOperationException("Call BeginPage before drawing.");
    }

    /// <summary>
    /// The graphics state as last written to the page (so unchanged colours, widths and dashes are not written again),
    /// and where diagram points land on the page and the clip there, for link areas. Saved and restored with views.
    /// </summary>
    private readonly record struct State(
        Color? Fill, Color? StrokeColor, int FillAlpha, int StrokeAlpha, double LineWidth, string Dash, IReadOnlyList<double>? DashSource,
        double Scale, double OffsetX, double OffsetY, double ClipLeft, double ClipTop, double ClipRight, double ClipBottom)
    {
        // PDF's initial state: black, opaque, line width 1, solid; butt caps and miter joins as the other outputs draw.
        public static State Initial(double width, double height) =>
            new(Color.Black, Color.Black, 255, 255, 1, "", null, 1, 0, 0, 0, 0, width, height);
    }

    private sealed class Page(double width, double height)
    {
        public double Width { get; } = width;
        public double Height { get; } = height;
        public bool Ended { get; set; }
        public int Content { get; set; }
        public List<Link> Links { get; } = [];
    }

    private sealed record Link(double Left, double Bottom, double Right, double Top, string Url);
}
