using Blueprint.Layout;
using Blueprint.Tests;
using System.Text;
using System.Text.RegularExpressions;

namespace Blueprint.Rendering.Tests;

public sealed partial class PdfCanvasTests
{
    /// <summary>Both PDF writers: ours, and Skia's (used when ours cannot embed a font).</summary>
    public static TheoryData<string> Writers => PdfWriters.All;

    private static IDiagramCanvas Create(string writer, Stream stream) => PdfWriters.Create(writer, stream, "Dinner at a restaurant");

    private static byte[] Render(Action<IDiagramCanvas> draw, string writer) =>
        CanvasTestDrawing.Render(stream => Create(writer, stream), draw);

    private static string Latin1(byte[] bytes) => Encoding.Latin1.GetString(bytes);

    [Theory]
    [MemberData(nameof(Writers))]
    public void Writes_a_complete_pdf(string writer)
    {
        var pdf = Latin1(Render(CanvasTestDrawing.Draw, writer));

        Assert.StartsWith("%PDF-", pdf, StringComparison.Ordinal);
        Assert.EndsWith("%%EOF\n", pdf, StringComparison.Ordinal);
        Assert.Matches(@"/MediaBox \[ ?0 0 200 100 ?\]", pdf);
        Assert.Contains("/Title (Dinner at a restaurant)", pdf, StringComparison.Ordinal);
        Assert.Equal(1, PageObject().Count(pdf));
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public void Is_byte_identical_across_renders_without_dates_in_the_metadata(string writer)
    {
        var first = Render(CanvasTestDrawing.Draw, writer);
        var second = Render(CanvasTestDrawing.Draw, writer);

        Assert.Equal(first, second);
        var pdf = Latin1(first);
        Assert.DoesNotContain("/CreationDate", pdf, StringComparison.Ordinal);
        Assert.DoesNotContain("/ModDate", pdf, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public void Keeps_text_as_text_with_a_unicode_map(string writer)
    {
        var pdf = Latin1(Render(CanvasTestDrawing.Draw, writer));

        Assert.Contains("/ToUnicode", pdf, StringComparison.Ordinal);
        Assert.Contains("DejaVuSans", pdf, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public void A_line_drawn_again_is_drawn_the_same_on_every_page(string writer)
    {
        var font = new FontSpec("DejaVu Sans", 10);
        var pdf = Render(canvas =>
        {
            for (int page = 0; page < 3; page++)
            {
                canvas.BeginPage(200, 100);
                canvas.DrawText("Kitchen", 10, 10, font, new Color(0, 0, 0));
                canvas.DrawText($"Page {page + 1}", 190, 40, font, new Color(0, 0, 0), TextAlign.End);
                canvas.DrawText("Kitchen", 100, 70, font, new Color(0, 0, 0), TextAlign.Center);
            }

            canvas.Finish();
        }, writer);

        for (int page = 1; page <= 3; page++)
        {
            string text = PdfText.Extract(pdf, page);
            Assert.Equal(2, Regex.Count(text, "Kitchen"));
            Assert.Contains($"Page {page}", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public void Adds_a_clickable_link_in_pdf_coordinates(string writer)
    {
        var pdf = Latin1(Render(CanvasTestDrawing.Draw, writer));

        Assert.Contains("/URI (https://example.com/card?id=1&x='y')", pdf, StringComparison.Ordinal);
        // y runs up in PDF: a 40 x 30 box at (10, 10) on a 100 pt page spans y 60..90.
        Assert.Matches(@"/Rect \[ ?10 60 50 90 ?\]", pdf);
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public void Writes_several_pages_of_different_sizes(string writer)
    {
        var pdf = Latin1(Render(canvas =>
        {
            canvas.BeginPage(300, 200);
            canvas.DrawText("Scene one", 10, 10, CanvasTestDrawing.Font, Color.Black);
            canvas.BeginPage(400, 200);
            canvas.DrawText("Scene two", 10, 10, CanvasTestDrawing.Font, Color.Black);
            canvas.BeginPage(500, 250);
            canvas.Finish();
        }, writer));

        Assert.Equal(3, PageObject().Count(pdf));
        Assert.Matches(@"/MediaBox \[ ?0 0 300 200 ?\]", pdf);
        Assert.Matches(@"/MediaBox \[ ?0 0 400 200 ?\]", pdf);
        Assert.Matches(@"/MediaBox \[ ?0 0 500 250 ?\]", pdf);
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public void A_failing_output_stream_becomes_a_render_exception(string writer)
    {
        using var canvas = Create(writer, new FailingStream());

        var error = Assert.Throws<RenderException>(() => CanvasTestDrawing.Draw(canvas));
        Assert.Contains("Could not write the PDF document: no space left", error.Message, StringComparison.Ordinal);
    }

    private sealed class FailingStream : MemoryStream
    {
        public override void Write(ReadOnlySpan<byte> buffer) => throw new IOException("no space left");
    }

    [GeneratedRegex(@"/Type /Page\b(?!s)")]
    private static partial Regex PageObject();
}
