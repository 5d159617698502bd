using Blueprint.Rendering.Native;

namespace Blueprint.Rendering;

/// <summary>
/// Draws into a Cairo ARGB32 image and writes it as PNG. The image starts transparent: paint a background first.
/// A side longer than <see cref="MaxPixels"/> is not possible in Cairo (nor in many viewers), so the scale is
/// reduced to fit; <see cref="ScaleReduced"/> tells the caller to warn.
/// </summary>
public sealed unsafe class PngCanvas : CairoCanvas
{
    public const int MaxPixels = 32_767;

    /// <param name="output">Receives the PNG on <see cref="CairoCanvas.Finish"/>.</param>
    /// <param name="scale">Pixels per point (1 by default; 2 for high-density screens).</param>
    public PngCanvas(Stream output, double scale = 1)
        : base(output)
    {
        if (!(scale > 0) || double.IsInfinity(scale))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "Scale must be a positive number.");
        }

        RequestedScale = scale;
        Scale = scale;
    }

    private double _pageWidth = 1, _pageHeight = 1;

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
        if (width * fitted > MaxPixels)
        {
            fitted = MaxPixels / width;
        }

        if (height * fitted > MaxPixels)
        {
            fitted = MaxPixels / height;
        }

        return fitted;
    }

    /// <summary>Pixels needed for <paramref name="points"/> at <paramref name="scale"/>: rounded up, at least 1, at most <see cref="MaxPixels"/>.</summary>
    public static int PixelsFor(double points, double scale) =>
        (int)Math.Clamp(Math.Ceiling((points * scale) - 1e-6), 1, MaxPixels);

    private protected override string OutputName => "PNG image";

    private protected override CairoSurfaceHandle CreateSurface(double width, double height)
    {
        (_pageWidth, _pageHeight) = (width, height);
        Scale = FitScale(width, height, RequestedScale);
        PixelWidth = PixelsFor(width, Scale);
        PixelHeight = PixelsFor(height, Scale);
        return Cairo.ImageSurfaceCreate(Cairo.FormatArgb32, PixelWidth, PixelHeight);
    }

    // Whole pixels: the page fills the image exactly (no half-covered, half-transparent last row or column).
    private protected override void SetUpContext(CairoHandle cr) => Cairo.Scale(cr, PixelWidth / _pageWidth, PixelHeight / _pageHeight);

    private protected override void NextPage(CairoSurfaceHandle surface, CairoHandle cr, double width, double height) =>
        throw new InvalidOperationException("A PNG image holds one page; draw several pages to PDF.");

    private protected override void Complete(CairoSurfaceHandle surface, CairoHandle cr)
    {
        Cairo.SurfaceFlush(surface);
        Cairo.Check(Cairo.SurfaceStatus(surface), $"draw the {OutputName}");
        try
        {
            PngEncoder.Write(Sink.Stream, Cairo.ImageSurfaceGetData(surface), PixelWidth, PixelHeight, Cairo.ImageSurfaceGetStride(surface));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new RenderException($"Could not write the {OutputName}: {e.Message}", e);
        }
    }
}
