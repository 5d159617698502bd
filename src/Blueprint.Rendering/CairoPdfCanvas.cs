using Blueprint.Rendering.Native;
using Blueprint.Rendering.Pdf;

namespace Blueprint.Rendering;

/// <summary>
/// Draws vector PDF pages with Cairo; text stays selectable (Pango shows it with its Unicode mapping) and
/// <see cref="AddLink"/> makes clickable areas. The creation and modification dates are fixed so that the same
/// drawing gives the same bytes.
/// </summary>
public sealed unsafe class CairoPdfCanvas : CairoCanvas
{
    /// <summary>A fixed date written as the document's creation and modification date (ISO 8601, as Cairo expects).</summary>
    public const string FixedDate = "2000-01-01T00:00:00Z";

    /// <summary>Characters Cairo 1.16 writes into the PDF string of a link unescaped (which would break the file).</summary>
    private const string CairoUnescaped = "()\\";

    private readonly string? _title;

    /// <param name="output">Receives the PDF (Cairo writes as it goes; the document is complete after <see cref="CairoCanvas.Finish"/>).</param>
    /// <param name="title">Document title shown by PDF viewers, if any.</param>
    public CairoPdfCanvas(Stream output, string? title = null)
        : base(output) => _title = title;

    private protected override string OutputName => "PDF document";

    public override void AddLink(double x, double y, double width, double height, string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var cr = Cr;
        if (width <= 0 || height <= 0 || url.Length == 0)
        {
            return;
        }

        var attributes = $"rect=[{Number(x)} {Number(y)} {Number(width)} {Number(height)}] uri={QuoteAttribute(PdfUri.Encode(url, CairoUnescaped))}";
        Cairo.TagBegin(cr, Cairo.TagLink, attributes);
        Cairo.TagEnd(cr, Cairo.TagLink);
    }

    private protected override CairoSurfaceHandle CreateSurface(double width, double height)
    {
        var surface = Cairo.PdfSurfaceCreateForStream(StreamSink.WriteFunction, Sink.Closure, width, height);
        if (Cairo.SurfaceStatus(surface) == Cairo.StatusSuccess)
        {
            Cairo.PdfSurfaceSetMetadata(surface, Cairo.PdfMetadataCreateDate, FixedDate);
            Cairo.PdfSurfaceSetMetadata(surface, Cairo.PdfMetadataModDate, FixedDate);
            Cairo.PdfSurfaceSetMetadata(surface, Cairo.PdfMetadataCreator, "blueprint");
            if (!string.IsNullOrEmpty(_title))
            {
                Cairo.PdfSurfaceSetMetadata(surface, Cairo.PdfMetadataTitle, _title);
            }
        }

        return surface;
    }

    private protected override void NextPage(CairoSurfaceHandle surface, CairoHandle cr, double width, double height)
    {
        Cairo.ShowPage(cr);
        Cairo.PdfSurfaceSetSize(surface, width, height);
    }

    private protected override void Complete(CairoSurfaceHandle surface, CairoHandle cr)
    {
        // Cairo drops a last page with nothing drawn on it unless it is shown explicitly.
        Cairo.ShowPage(cr);
        Cairo.SurfaceFinish(surface);
    }
}
