using System.Collections.Concurrent;
using Blueprint.Layout;
using Blueprint.Rendering.Pdf;
using Blueprint.Rendering.Text;
using static Blueprint.Rendering.CanvasGeometry;

namespace Blueprint.Rendering;

/// <summary>
/// Writes vector PDF pages itself: shapes as PDF path operators (dashes as PDF dash patterns), text as the glyphs the
/// text engine shaped, in the places the PNG has them, in embedded TrueType subsets with a Unicode map so the text stays
/// selectable, and <see cref="AddLink"/> areas as link annotations. A page's content is compressed on another core
/// while the next page is drawn; fonts are written at <see cref="Finish"/>. The document has no dates, so the same
/// drawing gives the same bytes. Faces it cannot embed as they are (CFF outlines, colour or variable fonts, a bold or
/// slant Skia makes up) are left to Skia: <see cref="CanDraw"/> tells beforehand, and <see cref="SkiaPdfCanvas"/> draws
/// those documents.
/// </summary>
public sealed class PdfCanvas : IDiagramCanvas
{
    private readonly PdfFile _file;
    private readonly string? _title;
    private readonly string? _language;
    private readonly ConcurrentBag<PdfBytes> _spareContents = [];
    private readonly List<Page> _pages = [];
    private readonly Queue<(Page Page, Task<byte[]> Compressing)> _compressing = new();
    private readonly Dictionary<FontFace, PdfFont> _fonts = [];
    private readonly Dictionary<ShapedLine, bool> _linesMapped = new(ReferenceEqualityComparer.Instance);
    private readonly SortedSet<int> _fillAlphas = [];
    private readonly SortedSet<int> _strokeAlphas = [];
    private readonly Stack<State> _saved = new();
    private PdfBytes _content = new(1 << 16);
    private State _state;
    private bool _finished;
    private bool _disposed;

    /// <param name="output">Receives the PDF; it is complete after <see cref="Finish"/>.</param>
    /// <param name="title">Document title shown by PDF viewers, if any.</param>
    /// <param name="language">The document language (<c>/Lang</c> in the catalog, a BCP 47 tag such as <c>nl</c>), if any.</param>
    public PdfCanvas(Stream output, string? title = null, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        _file = new PdfFile(output);
        _title = title;
        _language = language;
        // Fixed numbers: 1 catalog, 2 page tree, 3 resources shared by every page.
        _file.Reserve();
        _file.Reserve();
        _file.Reserve();
    }

    /// <summary>Pages begun so far.</summary>
    public int PageCount => _pages.Count;

    /// <summary>Whether this writer can embed every face the layout's text is drawn in, as it is drawn (<see cref="PdfFont.CanEmbed"/>, no made-up bold or slant).</summary>
    public static bool CanDraw(DiagramLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        // Every face the process has found is one this writer embeds: then so is every face of this layout.
        if (Fonts.OnlyRequestedFaces(face => PdfFont.CanEmbed(face))) return true;
        var embeddable = new Dictionary<FontFace, bool>();
        foreach (var op in layout.Ops)
        {
            if (op is not TextOp { Text.Length: > 0 } text) continue;
            foreach (var run in ShapedLines.Get(text.Text, text.Font).Runs)
            {
                if (run.FakeBold || run.FakeItalic) return false;
                if (!embeddable.TryGetValue(run.Face, out bool can)) embeddable[run.Face] = can = PdfFont.CanEmbed(run.Face);
                if (!can) return false;
            }
        }

        return true;
    }

    public void BeginPage(double width, double height)
    {
        EnsureOpen();
        if (!(width > 0) || !(height > 0) || double.IsInfinity(width) || double.IsInfinity(height))
            throw new ArgumentOutOfRangeException(nameof(width), $"A page must have a positive size, not {width} x {height}.");
        if (_saved.Count != 0) throw new InvalidOperationException("A view is still open; end it before the next page.");

        if (_pages.Count == 0) _file.Header();
        EndPage();
        _pages.Add(new Page(width, height));
        _state = State.Initial(width, height);
        // Diagram coordinates: origin at the top left, y down; Skia's miter limit, so corners are cut where PNG cuts them.
        _content.Raw("1 0 0 -1 0 "u8).Number(height).Raw("cm 4 M\n"u8);
    }

    public void DrawRectangle(double x, double y, double width, double height, Color? fill, Stroke? stroke = null, double cornerRadius = 0)
    {
        EnsureDrawing();
        if (fill is null && !IsDrawn(stroke)) return;
        float left = Snap(x), top = Snap(y), right = Snap(x + width), bottom = Snap(y + height);
        float radius = CornerRadius(width, height, cornerRadius);
        if (radius <= 0)
        {
            _content.Number(left).Number(top).Number(right - left).Number(bottom - top).Raw("re\n"u8);
        }
        else
        {
            float k = Snap(radius * (1 - Kappa));
            MoveTo(left + radius, top).LineTo(right - radius, top).CurveTo(right - k, top, right, top + k, right, top + radius);
            LineTo(right, bottom - radius).CurveTo(right, bottom - k, right - k, bottom, right - radius, bottom);
            LineTo(left + radius, bottom).CurveTo(left + k, bottom, left, bottom - k, left, bottom - radius);
            LineTo(left, top + radius).CurveTo(left, top + k, left + k, top, left + radius, top);
            _content.Raw("h\n"u8);
        }

        Paint(fill, stroke);
    }

    public void DrawEllipse(double centerX, double centerY, double radiusX, double radiusY, Color? fill, Stroke? stroke = null)
    {
        EnsureDrawing();
        if (radiusX <= 0 || radiusY <= 0 || (fill is null && !IsDrawn(stroke))) return;
        float cx = Snap(centerX), cy = Snap(centerY), rx = Snap(radiusX), ry = Snap(radiusY);
        float kx = Snap(rx * Kappa), ky = Snap(ry * Kappa);
        MoveTo(cx + rx, cy).CurveTo(cx + rx, cy + ky, cx + kx, cy + ry, cx, cy + ry).CurveTo(cx - kx, cy + ry, cx - rx, cy + ky, cx - rx, cy);
        CurveTo(cx - rx, cy - ky, cx - kx, cy - ry, cx, cy - ry).CurveTo(cx + kx, cy - ry, cx + rx, cy - ky, cx + rx, cy);
        _content.Raw("h\n"u8);
        Paint(fill, stroke);
    }

    public void DrawPolyline(IReadOnlyList<(double X, double Y)> points, Stroke stroke, double arrowHead = 0)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(stroke);
        EnsureDrawing();
        if (points.Count < 2) return;

        var arrow = arrowHead > 0 ? ArrowHead.Compute(points, arrowHead) : null;
        if (IsDrawn(stroke))
        {
            MoveTo(Snap(points[0].X), Snap(points[0].Y));
            for (var i = 1; i < points.Count - 1; i++) LineTo(Snap(points[i].X), Snap(points[i].Y));
            var end = arrow?.LineEnd ?? points[^1];
            LineTo(Snap(end.X), Snap(end.Y));
            Paint(null, stroke);
        }

        if (arrow is { Triangle: var triangle })
        {
            MoveTo(Snap(triangle[0].X), Snap(triangle[0].Y)).LineTo(Snap(triangle[1].X), Snap(triangle[1].Y)).LineTo(Snap(triangle[2].X), Snap(triangle[2].Y));
            _content.Raw("h\n"u8);
            Paint(stroke.Color, null);
        }
    }

    public void DrawText(string text, double x, double top, FontSpec font, Color color, TextAlign align = TextAlign.Start)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(font);
        EnsureDrawing();
        if (text.Length == 0) return;

        var line = ShapedLines.Get(text, font);
        var (left, baseline) = LineOrigin(line, x, top, align);
        bool mapped = Use(line);

        // A glyph the font's Unicode map gives other text: the line's text is spelled out for copying and search.
        if (!mapped) _content.Raw("/Span << /ActualText "u8).TextString(AsDrawn(text)).Raw(" >> BDC\n"u8);
        if (line.Runs.Length > 0)
        {
            SetFill(color);
            _content.Raw("BT\n"u8);
            foreach (var run in line.Runs) Show(run, left, baseline);
            _content.Raw("ET\n"u8);
        }

        if (!mapped) _content.Raw("EMC\n"u8);
        if (line.Missing.Length > 0)
        {
            var box = new Stroke(color, MissingGlyphStroke(font));
            foreach (var missing in line.Missing)
            {
                var rect = MissingGlyphBox(left, baseline, missing, font);
                _content.Number(rect.Left).Number(rect.Top).Number(rect.Width).Number(rect.Height).Raw("re\n"u8);
                Paint(null, box);
            }
        }
    }

    public void AddLink(double x, double y, double width, double height, string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        EnsureDrawing();
        if (width <= 0 || height <= 0 || url.Length == 0) return;
        // Link areas are in page coordinates (y up), inside the current clip: a link on a card cut off by a page edge stays on its page.
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
        _content.Raw("q "u8).Number(clipX).Number(clipY).Number(clipWidth).Number(clipHeight).Raw("re W n "u8)
            .Number(scale).Raw("0 0 "u8).Number(scale).Number(scale * offsetX).Number(scale * offsetY).Raw("cm\n"u8);
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
        _content.Raw("Q\n"u8);
    }

    public void Finish()
    {
        EnsureDrawing();
        EndPage();
        // The font programs are cut and compressed beside the last pages' compression.
        var programs = _fonts.Values.Select(font => (Font: font, Program: Task.Run(font.Program))).ToList();
        WriteCompressedPages(wait: true);

        var resources = new PdfBytes().Raw("<< /Font << "u8);
        foreach (var (font, program) in programs)
            resources.Raw("/"u8).Raw(font.ResourceName).Raw(" "u8).Integer(font.Write(_file, program.GetAwaiter().GetResult())).Raw(" 0 R "u8);
        resources.Raw(">> /ExtGState << "u8);
        foreach (var alpha in _fillAlphas) resources.Raw("/fa"u8).Integer(alpha).Raw(" << /ca "u8).Number(alpha / 255.0).Raw(">> "u8);
        foreach (var alpha in _strokeAlphas) resources.Raw("/sa"u8).Integer(alpha).Raw(" << /CA "u8).Number(alpha / 255.0).Raw(">> "u8);
        _file.Write(3, resources.Raw(">> >>"u8));

        var kids = new PdfBytes().Raw("<< /Type /Pages /Kids [ "u8);
        foreach (var page in _pages) kids.Integer(WritePage(page)).Raw(" 0 R "u8);
        _file.Write(2, kids.Raw("] /Count "u8).Integer(_pages.Count).Raw(" >>"u8));
        var catalog = new PdfBytes().Raw("<< /Type /Catalog /Pages 2 0 R"u8);
        if (!string.IsNullOrEmpty(_language)) catalog.Raw(" /Lang "u8).TextString(_language);
        _file.Write(1, catalog.Raw(" >>"u8));

        // No creation or modification date: the same diagram gives the same bytes.
        var info = new PdfBytes().Raw("<< /Creator "u8).TextString(Provenance.Creator).Raw(" /Producer "u8).TextString(Provenance.Creator);
        if (!string.IsNullOrEmpty(_title)) info.Raw(" /Title "u8).TextString(_title);
        _file.Trailer(1, _file.Add(info.Raw(" >>"u8)));
        _finished = true;
    }

    public void Dispose()
    {
        _disposed = true;
        GC.SuppressFinalize(this);
    }

    /// <summary>A page's link annotations and its dictionary; returns the page's object number.</summary>
    private int WritePage(Page page)
    {
        var annotations = new PdfBytes().Raw("[ "u8);
        foreach (var link in page.Links)
        {
            int number = _file.Add(new PdfBytes().Raw("<< /Type /Annot /Subtype /Link /Rect [ "u8).Number(link.Left).Number(link.Bottom)
                .Number(link.Right).Number(link.Top).Raw("] /Border [ 0 0 0 ] /A << /S /URI /URI "u8).Literal(PdfUri.Encode(link.Url)).Raw(" >> >>"u8));
            annotations.Integer(number).Raw(" 0 R "u8);
        }

        var dictionary = new PdfBytes().Raw("<< /Type /Page /Parent 2 0 R /MediaBox [ 0 0 "u8).Number(page.Width).Number(page.Height)
            .Raw("] /Resources 3 0 R /Contents "u8).Integer(page.Content).Raw(" 0 R"u8);
        if (page.Links.Count > 0) dictionary.Raw(" /Annots "u8).Raw(annotations.Raw("]"u8).Span);
        return _file.Add(dictionary.Raw(" >>"u8));
    }

    /// <summary>
    /// Ends the page being drawn, if any: its content is compressed on another core while the next page is drawn,
    /// and written (in page order) once compressed.
    /// </summary>
    private void EndPage()
    {
        if (_pages.Count == 0 || _pages[^1].Ended) return;
        var page = _pages[^1];
        page.Ended = true;
        var content = _content;
        // Page buffers are reused once compressed: a large page's buffer is hundreds of kilobytes.
        _content = _spareContents.TryTake(out var spare) ? spare : new PdfBytes(content.Length);
        _compressing.Enqueue((page, Task.Run(() =>
        {
            var compressed = PdfFile.Compress(content.Span);
            content.Clear();
            _spareContents.Add(content);
            return compressed;
        })));
        WriteCompressedPages(wait: false);
    }

    /// <summary>Writes the pages compressed so far, in page order; with <paramref name="wait"/>, every page.</summary>
    private void WriteCompressedPages(bool wait)
    {
        while (_compressing.TryPeek(out var next) && (wait || next.Compressing.IsCompleted))
        {
            _compressing.Dequeue();
            next.Page.Content = _file.WriteCompressedStream(next.Compressing.GetAwaiter().GetResult(), new PdfBytes());
        }
    }

    /// <summary>
    /// Notes the line's glyphs and the text each shows in its font; false when some glyph's Unicode map says other text.
    /// A line drawn again (a page's header and lane labels) gives the same answer: a glyph's map entry never changes.
    /// </summary>
    private bool Use(ShapedLine line)
    {
        if (_linesMapped.TryGetValue(line, out bool known)) return known;
        bool mapped = true;
        foreach (var run in line.Runs) mapped &= Use(run);
        _linesMapped[line] = mapped;
        return mapped;
    }

    private bool Use(GlyphRun run)
    {
        var font = FontFor(run.Face);
        bool mapped = true;
        var glyphs = run.Glyphs;
        var clusters = run.Clusters;
        for (int i = 0; i < glyphs.Length; i++)
        {
            // HarfBuzz keeps a cluster's glyphs together and in text order: the first shows the cluster's text.
            uint start = clusters[i];
            if (i > 0 && clusters[i - 1] == start)
            {
                mapped &= font.Use(glyphs[i], default);
                continue;
            }

            uint end = Math.Min(NextCluster(clusters, i, 1), NextCluster(clusters, i, -1));
            end = Math.Min(end, (uint)run.Utf8.Length);
            mapped &= font.Use(glyphs[i], AsDrawn(run.Utf8.AsSpan((int)start, (int)(end - start))));
        }

        return mapped;
    }

    /// <summary>
    /// The first cluster other than glyph <paramref name="i"/>'s along the run in <paramref name="step"/>'s direction,
    /// when it comes later in the text (it does ahead in a left-to-right run, behind in a right-to-left one); else the largest value.
    /// </summary>
    private static uint NextCluster(uint[] clusters, int i, int step)
    {
        for (int j = i + step; j >= 0 && j < clusters.Length; j += step)
            if (clusters[j] != clusters[i]) return clusters[j] > clusters[i] ? clusters[j] : uint.MaxValue;
        return uint.MaxValue;
    }

    /// <summary>A run's glyphs where the text engine placed them: one TJ a baseline, nudged where a glyph's place differs from the font's advance.</summary>
    private void Show(GlyphRun run, float left, float baseline)
    {
        var font = _fonts[run.Face];
        _content.Raw("/"u8).Raw(font.ResourceName).Raw(" "u8).Number(run.Size).Raw("Tf "u8);
        var glyphs = run.Glyphs;
        var positions = run.Positions;
        double perUnit = 1000.0 / run.Size;
        int from = 0;
        while (from < glyphs.Length)
        {
            int to = from + 1;
            while (to < glyphs.Length && positions[to].Y == positions[from].Y) to++;
            _content.Raw("1 0 0 -1 "u8).Number(left + positions[from].X).Number(baseline + positions[from].Y).Raw("Tm [<"u8);
            for (int i = from; i < to; i++)
            {
                _content.Hex4(glyphs[i]);
                if (i + 1 == to) break;
                double nudge = font.Width(glyphs[i]) - ((positions[i + 1].X - positions[i].X) * perUnit);
                if (Math.Abs(nudge) >= 0.05) _content.Raw(">"u8).Number(nudge).Raw("<"u8);
            }

            _content.Raw(">] TJ\n"u8);
            from = to;
        }
    }

    /// <summary>
    /// One character of text as it is drawn: a control (a line break, a tab) is drawn as a space, so it reads back as
    /// one and the space glyph keeps one spelling.
    /// </summary>
    private static ReadOnlySpan<byte> AsDrawn(ReadOnlySpan<byte> utf8) =>
        utf8 is [< 0x20 or 0x7F] or [0xC2, >= 0x80 and <= 0x9F] or [0xE2, 0x80, 0xA8 or 0xA9] ? " "u8 : utf8;

    /// <summary>A line's text with its controls drawn as spaces (see the UTF-8 <see cref="AsDrawn(ReadOnlySpan{byte})"/>).</summary>
    private static string AsDrawn(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (int i = 0; i < source.Length; i++) span[i] = char.IsControl(source[i]) || source[i] is '\u2028' or '\u2029' ? ' ' : source[i];
        });

    private PdfFont FontFor(FontFace face)
    {
        if (!_fonts.TryGetValue(face, out var font))
        {
            if (!PdfFont.CanEmbed(face)) throw new RenderException($"This PDF writer embeds plain TrueType fonts only, not \"{face.FamilyName}\"; draw the document with SkiaPdfCanvas.");
            font = new PdfFont(face, "F" + (_fonts.Count + 1));
            _fonts.Add(face, font);
        }

        return font;
    }

    private PdfCanvas MoveTo(float x, float y)
    {
        _content.Number(x).Number(y).Raw("m "u8);
        return this;
    }

    private PdfCanvas LineTo(float x, float y)
    {
        _content.Number(x).Number(y).Raw("l "u8);
        return this;
    }

    private PdfCanvas CurveTo(float x1, float y1, float x2, float y2, float x, float y)
    {
        _content.Number(x1).Number(y1).Number(x2).Number(y2).Number(x).Number(y).Raw("c "u8);
        return this;
    }

    private static bool IsDrawn(Stroke? stroke) => stroke is not null && stroke.Width > 0;

    /// <summary>Fills and/or strokes the path just written.</summary>
    private void Paint(Color? fill, Stroke? stroke)
    {
        bool stroked = IsDrawn(stroke);
        if (fill is { } color) SetFill(color);
        if (stroked) SetStroke(stroke!);
        _content.Raw(fill is not null ? (stroked ? "B\n"u8 : "f\n"u8) : stroked ? "S\n"u8 : "n\n"u8);
    }

    private void SetFill(Color color)
    {
        if (_state.Fill == color) return;
        _state = _state with { Fill = color };
        _content.Number(color.R / 255.0).Number(color.G / 255.0).Number(color.B / 255.0).Raw("rg\n"u8);
        if (_state.FillAlpha == color.A) return;
        _state = _state with { FillAlpha = color.A };
        _fillAlphas.Add(color.A);
        _content.Raw("/fa"u8).Integer(color.A).Raw(" gs\n"u8);
    }

    private void SetStroke(Stroke stroke)
    {
        var color = stroke.Color;
        if (_state.StrokeColor != color)
        {
            _state = _state with { StrokeColor = color };
            _content.Number(color.R / 255.0).Number(color.G / 255.0).Number(color.B / 255.0).Raw("RG\n"u8);
            if (_state.StrokeAlpha != color.A)
            {
                _state = _state with { StrokeAlpha = color.A };
                _strokeAlphas.Add(color.A);
                _content.Raw("/sa"u8).Integer(color.A).Raw(" gs\n"u8);
            }
        }

        if (_state.LineWidth != stroke.Width)
        {
            _state = _state with { LineWidth = stroke.Width };
            _content.Number(stroke.Width).Raw("w\n"u8);
        }

        var dash = stroke.Dash;
        if (ReferenceEquals(dash, _state.DashSource)) return;
        string pattern = CanvasGeometry.DashIntervals(stroke) is { } intervals
            ? string.Join(' ', intervals.Select(d => Math.Round(d, 3).ToString(System.Globalization.CultureInfo.InvariantCulture))) : "";
        _state = _state with { DashSource = dash };
        if (_state.Dash != pattern)
        {
            _state = _state with { Dash = pattern };
            _content.Raw("["u8).Raw(pattern).Raw("] 0 d\n"u8);
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
