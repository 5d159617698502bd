using System.Runtime.ExceptionServices;
using Blueprint.Layout;
using Blueprint.Rendering.Pdf;
using Blueprint.Rendering.Text;
using SkiaSharp;

namespace Blueprint.Rendering;

/// <summary>
/// Writes a PDF through Skia's PDF backend (<see cref="SKDocument.CreatePdf(Stream, SKDocumentPdfMetadata)"/>), for
/// documents our own writer (<see cref="PdfCanvas"/>) cannot embed the fonts of: vector shapes, text as the shaped
/// glyphs with their text attached (selectable, with a Unicode map), links as URI annotations. Skia embeds a font file whole, so the calls are recorded first and replayed on
/// <see cref="Finish"/>, once the glyphs drawn are known and each TrueType face can be replaced by a subset holding
/// only those (<see cref="TrueTypeSubset"/>). The metadata has no dates, so the same calls give the same bytes.
/// </summary>
public sealed class SkiaPdfCanvas : IDiagramCanvas
{
    private readonly Stream _output;
    private readonly string? _title;
    private readonly string? _language;
    private readonly List<Action<Document>> _calls = [];
    private readonly Dictionary<FontFace, HashSet<int>> _glyphs = [];
    private bool _finished;
    private bool _disposed;
    private bool _begun;
    private int _views;

    /// <param name="output">Receives the PDF on <see cref="Finish"/>.</param>
    /// <param name="title">The document title in its metadata, if any.</param>
    /// <param name="language">The document language (<c>/Lang</c>, a BCP 47 tag), if any. Skia's metadata has no field for it, so it is added after.</param>
    public SkiaPdfCanvas(Stream output, string? title = null, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _title = title;
        _language = language;
    }

    /// <summary>Pages begun so far.</summary>
    public int PageCount { get; private set; }

    public void BeginPage(double width, double height)
    {
        Check(page: false);
        if (!(width > 0) || !(height > 0) || double.IsInfinity(width) || double.IsInfinity(height))
            throw new ArgumentOutOfRangeException(nameof(width), $"A page must have a positive size, not {width} x {height}.");
        if (_views != 0) throw new InvalidOperationException("A view is still open; end it before the next page.");
        _begun = true;
        PageCount++;
        Record(d => d.BeginPage(width, height));
    }

    public void DrawRectangle(double x, double y, double width, double height, Color? fill, Stroke? stroke = null, double cornerRadius = 0) =>
        Record(d => d.DrawRectangle(x, y, width, height, fill, stroke, cornerRadius));

    public void DrawEllipse(double centerX, double centerY, double radiusX, double radiusY, Color? fill, Stroke? stroke = null) =>
        Record(d => d.DrawEllipse(centerX, centerY, radiusX, radiusY, fill, stroke));

    public void DrawPolyline(IReadOnlyList<(double X, double Y)> points, Stroke stroke, double arrowHead = 0)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(stroke);
        var copy = points.ToArray();
        Record(d => d.DrawPolyline(copy, stroke, arrowHead));
    }

    public void DrawText(string text, double x, double top, FontSpec font, Color color, TextAlign align = TextAlign.Start)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(font);
        Check(page: true);
        if (text.Length == 0) return;
        var line = ShapedLines.Get(text, font);
        foreach (var run in line.Runs)
        {
            if (!_glyphs.TryGetValue(run.Face, out var used)) _glyphs[run.Face] = used = [];
            foreach (var glyph in run.Glyphs) used.Add(glyph);
        }

        Record(d => d.DrawLine(line, x, top, font, color, align));
    }

    public void AddLink(double x, double y, double width, double height, string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        Record(d => d.AddLink(x, y, width, height, url));
    }

    public void BeginView(double clipX, double clipY, double clipWidth, double clipHeight, double offsetX, double offsetY, double scale)
    {
        Record(d => d.BeginView(clipX, clipY, clipWidth, clipHeight, offsetX, offsetY, scale));
        _views++;
    }

    public void EndView()
    {
        Check(page: true);
        if (_views == 0) throw new InvalidOperationException("EndView without BeginView.");
        _views--;
        Record(d => d.EndView());
    }

    public void Finish()
    {
        Check(page: true);
        var subsets = _glyphs.ToDictionary(pair => pair.Key, pair => Subset(pair.Key, pair.Value));
        try
        {
            var written = _language is null ? _output : new MemoryStream();
            using (var document = new Document(written, _title, subsets))
            {
                foreach (var call in _calls) call(document);
                document.Finish();
            }
            if (_language is not null) _output.Write(PdfCatalogLanguage.Set(((MemoryStream)written).ToArray(), _language));
        }
        finally
        {
            foreach (var typeface in subsets.Values)
                if (!_glyphs.Keys.Any(face => face.Typeface == typeface)) typeface.Dispose();
        }

        _finished = true;
    }

    public void Dispose()
    {
        _disposed = true;
        _calls.Clear();
    }

    private void Record(Action<Document> call)
    {
        Check(page: true);
        _calls.Add(call);
    }

    private void Check(bool page)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_finished) throw new InvalidOperationException("The canvas is finished; nothing more can be drawn.");
        if (page && !_begun) throw new InvalidOperationException("Call BeginPage before drawing.");
    }

    /// <summary>A typeface holding only the glyphs drawn, same glyph ids; the face itself where it cannot be subset.</summary>
    private static SKTypeface Subset(FontFace face, HashSet<int> glyphs)
    {
        if (!TrueTypeSubset.CanSubset(face)) return face.Typeface;
        var bytes = TrueTypeSubset.Build(face, glyphs, TrueTypeSubset.SkiaTables);
        using var data = SKData.CreateCopy(bytes);
        return SKTypeface.FromData(data) ?? face.Typeface;
    }

    /// <summary>The Skia PDF document the recorded calls are replayed into.</summary>
    private sealed class Document : SkiaCanvas
    {
        private readonly SKDocument _document;
        private readonly FailureKeepingStream _output;
        private readonly Dictionary<FontFace, SKTypeface> _typefaces;
        private bool _pageOpen;

        public Document(Stream output, string? title, Dictionary<FontFace, SKTypeface> typefaces)
        {
            _typefaces = typefaces;
            _output = new FailureKeepingStream(output);
            // No creation or modification date: the same diagram gives the same bytes.
            var metadata = new SKDocumentPdfMetadata
            {
                Title = title ?? "",
                Creator = Provenance.Creator,
                Producer = Provenance.Creator,
                RasterDpi = SKDocument.DefaultRasterDpi,
                EncodingQuality = 101,
            };
            _document = SKDocument.CreatePdf(_output, metadata) ?? throw new RenderException("Could not start the PDF document.");
        }

        private protected override string OutputName => "PDF document";

        public override void AddLink(double x, double y, double width, double height, string url)
        {
            var canvas = Canvas;
            if (width <= 0 || height <= 0 || url.Length == 0) return;
            // Only the part inside the view's clip is clickable: a link on a card cut off by a page edge stays on its page.
            var rect = SKRect.Create((float)x, (float)y, (float)width, (float)height);
            if (ViewClip is { } clip)
            {
                if (!rect.IntersectsWith(clip)) return;
                rect.Intersect(clip);
            }

            canvas.DrawUrlAnnotation(rect, PdfUri.Encode(url));
        }

        private protected override SKTypeface TypefaceFor(FontFace face) => _typefaces.TryGetValue(face, out var subset) ? subset : face.Typeface;

        private protected override SKCanvas StartPage(double width, double height, int index)
        {
            if (_pageOpen) _document.EndPage();
            _pageOpen = true;
            return _document.BeginPage((float)width, (float)height);
        }

        private protected override void Complete()
        {
            if (_pageOpen) _document.EndPage();
            _pageOpen = false;
            _document.Close();
            // Skia does not hear of a failed write (SkiaSharp's stream wrapper catches it): it is thrown here instead.
            if (_output.Failure is { } failure) ExceptionDispatchInfo.Throw(failure);
        }

        private protected override void Release() => _document.Dispose();
    }

    /// <summary>
    /// Passes writes on to the output and keeps the first one that fails (writing nothing after it): SkiaSharp's stream
    /// wrapper turns an exception into a "false" that Skia's PDF writer ignores, so a full disk would give a cut-off PDF
    /// and no error.
    /// </summary>
    private sealed class FailureKeepingStream(Stream inner) : Stream
    {
        private long _written;

        public Exception? Failure { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _written;

        public override long Position { get => _written; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (Failure is not null) return;
            try
            {
                inner.Write(buffer);
                _written += buffer.Length;
            }
            catch (Exception e)
            {
                Failure = e;
            }
        }

        public override void Flush()
        {
            if (Failure is not null) return;
            try
            {
                inner.Flush();
            }
            catch (Exception e)
            {
                Failure = e;
            }
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
