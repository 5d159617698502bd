using Blueprint.Layout;
using Blueprint.Tests;
namespace Blueprint.Rendering.Tests;

public sealed class PngCanvasTests
{
    private static byte[] Render(double scale, Action<IDiagramCanvas> draw) =>
        CanvasTestDrawing.Render(stream => new PngCanvas(stream, scale), draw);

    [Fact]
    public void Writes_a_png_of_the_page_size_with_the_colours_drawn()
    {
        var png = Render(1, CanvasTestDrawing.Draw);

        Assert.Equal((200, 100), PngImage.ReadHeader(png));
        var image = PngImage.Decode(png);
        Assert.Equal(CanvasTestDrawing.Red, image[30, 25]);
        Assert.Equal(CanvasTestDrawing.Blue, image[150, 25]);
        Assert.Equal(Color.White, image[120, 50]);
        Assert.Equal(Color.Black, image[10, 25]); // the 2 pt stroke centred on x = 10 covers pixels 9 and 10
    }

    [Fact]
    public void Draws_text_as_dark_pixels_inside_its_line_box()
    {
        var image = PngImage.Decode(Render(1, CanvasTestDrawing.Draw));

        var dark = 0;
        for (var y = 70; y < 84; y++)
        {
            for (var x = 10; x < 120; x++)
            {
                dark += image[x, y].R < 100 ? 1 : 0;
            }
        }

        Assert.True(dark > 50, $"expected the text to darken pixels, found {dark}");
        Assert.Equal(Color.White, image[10, 90]); // below the line box
    }

    [Fact]
    public void Scale_two_doubles_the_pixel_size()
    {
        var png = Render(2, CanvasTestDrawing.Draw);

        Assert.Equal((400, 200), PngImage.ReadHeader(png));
        var image = PngImage.Decode(png);
        Assert.Equal(CanvasTestDrawing.Red, image[60, 50]);
        Assert.Equal(CanvasTestDrawing.Blue, image[300, 50]);
    }

    [Fact]
    public void A_fractional_page_size_rounds_up_to_whole_pixels()
    {
        var png = Render(1, canvas =>
        {
            canvas.BeginPage(100.2, 40);
            canvas.Finish();
        });

        Assert.Equal((101, 40), PngImage.ReadHeader(png));
    }

    [Fact]
    public void An_image_wider_than_the_limit_is_scaled_down_and_says_so()
    {
        using var stream = new MemoryStream();
        using var canvas = new PngCanvas(stream, 2);
        canvas.BeginPage(40_000, 50);
        canvas.DrawRectangle(0, 0, 40_000, 50, CanvasTestDrawing.Red);
        canvas.Finish();

        Assert.True(canvas.ScaleReduced);
        Assert.Equal(2, canvas.RequestedScale);
        Assert.Equal(PngCanvas.MaxPixels / 40_000.0, canvas.Scale, 9);
        Assert.Equal((PngCanvas.MaxPixels, 41), PngImage.ReadHeader(stream.ToArray()));
        Assert.Equal((PngCanvas.MaxPixels, 41), (canvas.PixelWidth, canvas.PixelHeight));
    }

    [Fact]
    public void A_page_within_the_limit_keeps_its_scale()
    {
        Assert.Equal(2, PngCanvas.FitScale(16_000, 100, 2));
        Assert.Equal(0.5, PngCanvas.FitScale(100, 65_534, 2), 9);
    }

    [Fact]
    public void The_same_drawing_gives_the_same_bytes()
    {
        Assert.Equal(Render(1, CanvasTestDrawing.Draw), Render(1, CanvasTestDrawing.Draw));
    }

    [Fact]
    public void Holds_one_page_only()
    {
        using var canvas = new PngCanvas(new MemoryStream());
        canvas.BeginPage(10, 10);

        Assert.Throws<InvalidOperationException>(() => canvas.BeginPage(10, 10));
    }

    [Fact]
    public void Drawing_before_a_page_or_after_finishing_throws()
    {
        using var canvas = new PngCanvas(new MemoryStream());
        Assert.Throws<InvalidOperationException>(() => canvas.DrawRectangle(0, 0, 1, 1, Color.Black));
        canvas.BeginPage(10, 10);
        canvas.Finish();
        Assert.Throws<InvalidOperationException>(() => canvas.DrawRectangle(0, 0, 1, 1, Color.Black));
    }

    [Fact]
    public void A_failing_output_stream_becomes_a_render_exception()
    {
        using var canvas = new PngCanvas(new FailingStream());
        canvas.BeginPage(10, 10);

        var error = Assert.Throws<RenderException>(canvas.Finish);
        Assert.Contains("disk full", error.Message, StringComparison.Ordinal);
    }

    private sealed class FailingStream : MemoryStream
    {
        public override void Write(ReadOnlySpan<byte> buffer) => throw new IOException("disk full");
    }
}
