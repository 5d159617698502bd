using Blueprint.Layout;
using Blueprint.Rendering.Html;

namespace Blueprint.Rendering;

public enum OutputFormat { Png, Pdf, Svg, Html }

/// <summary>
/// How to write a laid-out diagram: format, pixels per point (PNG), paper size (PDF pages), and for HTML the cards'
/// details shown when one is clicked.
/// </summary>
public sealed record RenderOptions(OutputFormat Format, double Scale = 1, PageSize? Page = null, string? Title = null, IReadOnlyList<CardDetail>? Cards = null);

/// <summary>
/// What a render reports besides the bytes: warnings for the user, the number of pages, and why the pages are as they
/// are when that is not plain (a scene split over pages, pages taller than the paper).
/// </summary>
public sealed record RenderResult(IReadOnlyList<string> Warnings, int Pages)
{
    public IReadOnlyList<string> PageNotes { get; init; } = [];
}

/// <summary>Writes a <see cref="DiagramLayout"/> as PNG, PDF, SVG or interactive HTML. The renderer sees only the layout (and, for HTML, the cards' details).</summary>
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
                using var canvas = new SvgCanvas(output, layout.Language);
                Pagination.PaintPage(layout, WholePage(layout), canvas);
                canvas.Finish();
                return new RenderResult(warnings, 1);
            }
            case OutputFormat.Html:
            {
                var page = new HtmlPageOptions(options.Title ?? "Service blueprint", Themes.ByName(layout.ThemeName) ?? Themes.Light) { Language = layout.Language };
                HtmlPage.Write(output, Svg(layout), options.Cards ?? [], page);
                return new RenderResult(warnings, 1);
            }
            default:
            {
                var pages = Pagination.Plan(layout, options.Page);
                using var canvas = PdfCanvasFor(layout, output, options.Title, layout.Language);
                foreach (var page in pages) Pagination.PaintPage(layout, page, canvas);
                canvas.Finish();
                return new RenderResult(warnings, pages.Count) { PageNotes = PageNotes(layout, pages, options.Page) };
            }
        }
    }

    /// <summary>The diagram as one SVG document (the HTML page and <c>serve</c> inline it).</summary>
    public static string Svg(DiagramLayout layout)
    {
        using var buffer = new MemoryStream();
        using (var canvas = new SvgCanvas(buffer, layout.Language))
        {
            Pagination.PaintPage(layout, WholePage(layout), canvas);
            canvas.Finish();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Our own PDF writer, which is faster, when it can embed every face the layout draws; Skia's PDF backend otherwise.</summary>
    internal static IDiagramCanvas PdfCanvasFor(DiagramLayout layout, Stream output, string? title, string? language = null) =>
        PdfCanvas.CanDraw(layout) ? new PdfCanvas(output, title, language) : new SkiaPdfCanvas(output, title, language);

    private static PagePlan WholePage(DiagramLayout layout) =>
        new(layout.Width, layout.Height, 1, layout.LabelColumn.Right, layout.Width, 0, layout.Scenes.Count, 0, layout.Steps.Count);

    /// <summary>Why pages are as they are, in words for the user: each scene split over pages, and pages taller than the paper.</summary>
    internal static IReadOnlyList<string> PageNotes(DiagramLayout layout, IReadOnlyList<PagePlan> pages, PageSize? paper)
    {
        string page = paper is null ? $"one page ({Pagination.MaxPdfPageSide:N0} pt at most)" : $"one {paper.Name.ToUpperInvariant()} page";
        string readable = $"with card text at {Pagination.MinCardTextSize:0.#} pt or larger";
        var notes = Pagination.SplitScenes(layout, pages)
            .Select(s => $"scene '{s.Name}' continues over pages {s.FirstPage}-{s.LastPage}: it does not fit across {page} {readable}")
            .ToList();
        if (paper is not null && pages.Count > 0 && pages[0].Height > paper.Landscape.Height + 0.01)
            notes.Add($"pages are {pages[0].Height:0} pt tall, taller than {paper.Name.ToUpperInvariant()}: the diagram does not fit down one {paper.Name.ToUpperInvariant()} page {readable}");
        return notes;
    }

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
