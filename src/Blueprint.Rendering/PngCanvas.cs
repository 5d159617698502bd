using SkiaSharp;

namespace Blueprint.Rendering;

/// <summary>
/// Draws into a Skia raster surface and writes it as PNG. The image starts transparent: paint a background first.
/// A side longer than <see cref="MaxPixels"/> is not possible in many viewers, so the scale is reduced to fit;
/// <see cref="ScaleReduced"/> tells the caller to warn.
/// </summary>
public sealed class PngCanvas : SkiaCanvas
{
    public const int MaxPixels = 32_767;

    private readonly Stream _output;
    private SKSurface? _surface;

    /// <param name="output">Receives the PNG on <see cref="SkiaCanvas.Finish"/>.</param>
    /// <param name="scale">Pixels per point (1 by default; 2 for high-density screens).</param>
    public PngCanvas(Stream output, double scale = 1)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!(scale > 0) || double.IsInfinity(scale)) throw new ArgumentOutOfRangeException(nameof(scale), scale, "Scale must be a positive number.");
        _output = output;
        RequestedScale = scale;
        Scale = scale;
    }

    public double RequestedScale { get; }

    /// <summary>The scale used: the requested one, or less when the image would have been too large.</summary>
    public double Scale { get; private set; }

    public bool ScaleReduced => Scale < RequestedScale;

    public int PixelWidth { get; private set; }

    public int PixelHeight { get; private set; }

    /// <summary>The largest scale up to <paramref name="scale"/> at which a page fits in <see cref="MaxPixels"/> on each side.</summary>
    public static double FitScale(double width, double height, double scale)
    {
        var fitted = scale;
        if (width * fitted > MaxPixels) fitted = MaxPixels / width;
        if (height * fitted > MaxPixels) fitted = MaxPixels / height;
        return fitted;
    }

    /// <summary>Pixels needed for <paramref name="points"/> at <paramref name="scale"/>: rounded up, at least 1, at most <see cref="MaxPixels"/>.</summary>
    public static int PixelsFor(double points, double scale) =>
        (int)Math.Clamp(Math.Ceiling((points * scale) - 1e-6), 1, MaxPixels);

    private protected override string OutputName => "PNG image";

    /// <summary>
    /// Text less than a pixel tall is a faint smudge, not text: an image scaled down to the pixel limit leaves it out
    /// (a 10,000-step diagram spent most of its drawing time on it). Views never scale a PNG page.
    /// </summary>
    private protected override bool TooSmallToSee(Layout.FontSpec font) => font.Size * Scale < 1;

    private protected override SKCanvas StartPage(double width, double height, int index)
    {
        if (index > 0) throw new InvalidOperationException("A PNG image holds one page; draw several pages to PDF.");
        Scale = FitScale(width, height, RequestedScale);
        PixelWidth = PixelsFor(width, Scale);
        PixelHeight = PixelsFor(height, Scale);
        // Premultiplied BGRA, as the encoder reads it.
        var info = new SKImageInfo(PixelWidth, PixelHeight, SKColorType.Bgra8888, SKAlphaType.Premul);
        _surface = SKSurface.Create(info) ?? throw new RenderException($"Could not create a {PixelWidth} x {PixelHeight} px image: not enough memory.");
        var canvas = _surface.Canvas;
        canvas.Clear(SKColors.Transparent);
        // Whole pixels: the page fills the image exactly (no half-covered, half-transparent last row or column).
        canvas.Scale((float)(PixelWidth / width), (float)(PixelHeight / height));
        return canvas;
    }

    private protected override unsafe void Complete()
    {
        _surface!.Canvas.Flush();
        using var pixmap = _surface.PeekPixels();
        PngEncoder.Write(_output, (byte*)pixmap.GetPixels(), PixelWidth, PixelHeight, pixmap.RowBytes);
    }

    private protected override void Release() => _surface?.Dispose();
}
