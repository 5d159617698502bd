using Blueprint.Layout;

namespace Blueprint.Rendering;

public enum OutputFormat { Png, Pdf, Svg }

/// <summary>How to write a laid-out diagram: format, pixels per point (PNG) and paper size (PDF pages).</summary>
public sealed record RenderOptions(OutputFormat Format, double Scale = 1, PageSize? Page = null, string? Title = null);

/// <summary>What a render reports besides the bytes: warnings for the user and the number of pages.</summary>
public sealed record RenderResult(IReadOnlyList<string> Warnings, int Pages);

/// <summary>Writes a <see cref="DiagramLayout"/> as PNG, PDF or SVG. The renderer sees only the layout.</summary>
public static class DiagramRenderer
{
    public static RenderResult Render(DiagramLayout layout, RenderOptions options, Stream output)
    {
        var warnings = new List<string>();
        switch (options.Format)
        {
            case OutputFormat.Png:
            {
                using var canvas = new PngCanvas(output, options.Scale);
                Pagination.PaintPage(layout, WholePage(layout), canvas);
                canvas.Finish();
                if (canvas.ScaleReduced)
                    warnings.Add($"the image would be wider or taller than {PngCanvas.MaxPixels:N0} pixels at scale {options.Scale:0.##}; it was scaled down to {canvas.Scale:0.###} ({canvas.PixelWidth} x {canvas.PixelHeight} px). Render to PDF or SVG for full detail");
                return new RenderResult(warnings, 1);
            }
            case OutputFormat.Svg:
            {
                using var canvas = new SvgCanvas(output);
                Pagination.PaintPage(layout, WholePage(layout), canvas);
                canvas.Finish();
                return new RenderResult(warnings, 1);
            }
            default:
            {
                var pages = Pagination.Plan(layout, options.Page);
                using var canvas = PdfCanvasFor(layout, output, options.Title, layout.Language);
                foreach (var page in pages) Pagination.PaintPage(layout, page, canvas);
                canvas.Finish();
                return new RenderResult(warnings, pages.Count);
            }
        }
    }

    /// <summary>Our own PDF writer, which is faster, when it can embed every face the layout draws; Skia's PDF backend otherwise.</summary>
    internal static IDiagramCanvas PdfCanvasFor(DiagramLayout layout, Stream output, string? title, string? language = null) =>
        PdfCanvas.CanDraw(layout) ? new PdfCanvas(output, title, language) : new SkiaPdfCanvas(output, title, language);

    private static PagePlan WholePage(DiagramLayout layout) =>
        new(layout.Width, layout.Height, 1, layout.LabelColumn.Right, layout.Width, 0, layout.Scenes.Count);

    /// <summary>The warning for text that no installed font can show, naming the text and what to install.</summary>
    public static string MissingGlyphWarning(string text)
    {
        string shown = text.Length > 40 ? text[..39] + "…" : text;
        string package = text.Any(IsCjk) ? "a CJK font (Debian: fonts-noto-cjk)"
            : text.EnumerateRunes().Any(r => r.Value is >= 0x1F000 and <= 0x1FAFF) ? "an emoji font (Debian: fonts-noto-color-emoji)"
            : "a font for that script (Debian: fonts-noto)";
        return $"no installed font can show some characters of \"{shown}\"; they would be drawn as boxes — install {package}";
    }

    private static bool IsCjk(char c) =>
        c is >= '\u2E80' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF';
}
