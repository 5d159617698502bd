using Blueprint.Layout;

namespace Blueprint.Rendering.Tests;

/// <summary>One small drawing that exercises every canvas call, used to compare runs and outputs.</summary>
internal static class CanvasTestDrawing
{
    public static readonly FontSpec Font = new("DejaVu Sans", 11);
    public static readonly Rgba Red = Rgba.Parse("#ff0000");
    public static readonly Rgba Blue = Rgba.Parse("#0000ff");

    public static void Draw(IDiagramCanvas canvas)
    {
        canvas.BeginPage(200, 100);
        canvas.DrawRectangle(0, 0, 200, 100, Rgba.White);
        canvas.DrawRectangle(10, 10, 40, 30, Red, new Stroke(Rgba.Black, 2), cornerRadius: 4);
        canvas.DrawEllipse(150, 25, 10, 10, Blue);
        canvas.DrawPolyline([(60, 25), (100, 25), (100, 60)], new Stroke(Rgba.Black, 1.5, [4, 2]), arrowAtEnd: true);
        canvas.DrawText("Café & <crème> 日本", 10, 70, Font, Rgba.Black);
        canvas.DrawText("right", 190, 70, Font with { Bold = true }, Rgba.Parse("#00000080"), TextAlign.Right);
        canvas.AddLink(10, 10, 40, 30, "https://example.com/card?id=1&x='y'");
        canvas.Finish();
    }

    public static byte[] Render(Func<Stream, IDiagramCanvas> create, Action<IDiagramCanvas> draw)
    {
        using var stream = new MemoryStream();
        using (var canvas = create(stream))
        {
            draw(canvas);
        }

        return stream.ToArray();
    }
}
