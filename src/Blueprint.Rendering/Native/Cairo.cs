using System.Runtime.InteropServices;

namespace Blueprint.Rendering.Native;

/// <summary>Cairo entry points (libcairo.so.2, Debian package libcairo2). Enum values mirror cairo.h.</summary>
internal static unsafe partial class Cairo
{
    internal const string Library = "libcairo.so.2";

    internal const int StatusSuccess = 0;
    internal const int StatusWriteError = 11;
    internal const int FormatArgb32 = 0;
    internal const int HintMetricsOff = 1;
    internal const int HintStyleNone = 1;
    internal const int AntialiasGray = 2;
    internal const int LineCapButt = 0;
    internal const int LineJoinRound = 1;
    internal const int LineJoinMiter = 0;
    internal const int PdfMetadataTitle = 0;
    internal const int PdfMetadataCreator = 4;
    internal const int PdfMetadataCreateDate = 5;
    internal const int PdfMetadataModDate = 6;
    internal const string TagLink = "Link";

    [LibraryImport(Library, EntryPoint = "cairo_version")]
    internal static partial int Version();

    [LibraryImport(Library, EntryPoint = "cairo_status_to_string")]
    internal static partial nint StatusToString(int status);

    // Surfaces
    [LibraryImport(Library, EntryPoint = "cairo_image_surface_create")]
    internal static partial CairoSurfaceHandle ImageSurfaceCreate(int format, int width, int height);

    [LibraryImport(Library, EntryPoint = "cairo_image_surface_get_data")]
    internal static partial byte* ImageSurfaceGetData(CairoSurfaceHandle surface);

    [LibraryImport(Library, EntryPoint = "cairo_image_surface_get_stride")]
    internal static partial int ImageSurfaceGetStride(CairoSurfaceHandle surface);

    [LibraryImport(Library, EntryPoint = "cairo_surface_write_to_png_stream")]
    internal static partial int SurfaceWriteToPngStream(
        CairoSurfaceHandle surface, delegate* unmanaged<nint, byte*, uint, int> writeFunc, nint closure);

    [LibraryImport(Library, EntryPoint = "cairo_pdf_surface_create_for_stream")]
    internal static partial CairoSurfaceHandle PdfSurfaceCreateForStream(
        delegate* unmanaged<nint, byte*, uint, int> writeFunc, nint closure, double widthPoints, double heightPoints);

    [LibraryImport(Library, EntryPoint = "cairo_pdf_surface_set_size")]
    internal static partial void PdfSurfaceSetSize(CairoSurfaceHandle surface, double widthPoints, double heightPoints);

    [LibraryImport(Library, EntryPoint = "cairo_pdf_surface_set_metadata", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void PdfSurfaceSetMetadata(CairoSurfaceHandle surface, int metadata, string utf8);

    [LibraryImport(Library, EntryPoint = "cairo_surface_status")]
    internal static partial int SurfaceStatus(CairoSurfaceHandle surface);

    [LibraryImport(Library, EntryPoint = "cairo_surface_flush")]
    internal static partial void SurfaceFlush(CairoSurfaceHandle surface);

    [LibraryImport(Library, EntryPoint = "cairo_surface_finish")]
    internal static partial void SurfaceFinish(CairoSurfaceHandle surface);

    [LibraryImport(Library, EntryPoint = "cairo_surface_destroy")]
    internal static partial void SurfaceDestroy(nint surface);

    // Context
    [LibraryImport(Library, EntryPoint = "cairo_create")]
    internal static partial CairoHandle Create(CairoSurfaceHandle target);

    [LibraryImport(Library, EntryPoint = "cairo_destroy")]
    internal static partial void Destroy(nint cr);

    [LibraryImport(Library, EntryPoint = "cairo_status")]
    internal static partial int Status(CairoHandle cr);

    [LibraryImport(Library, EntryPoint = "cairo_save")]
    internal static partial void Save(CairoHandle cr);

    [LibraryImport(Library, EntryPoint = "cairo_restore")]
    internal static partial void Restore(CairoHandle cr);

    [LibraryImport(Library, EntryPoint = "cairo_scale")]
    internal static partial void Scale(CairoHandle cr, double sx, double sy);

    [LibraryImport(Library, EntryPoint = "cairo_translate")]
    internal static partial void Translate(CairoHandle cr, double tx, double ty);

    [LibraryImport(Library, EntryPoint = "cairo_set_source_rgba")]
    internal static partial void SetSourceRgba(CairoHandle cr, double red, double green, double blue, double alpha);

    [LibraryImport(Library, EntryPoint = "cairo_set_line_width")]
    internal static partial void SetLineWidth(CairoHandle cr, double width);

    [LibraryImport(Library, EntryPoint = "cairo_set_line_cap")]
    internal static partial void SetLineCap(CairoHandle cr, int cap);

    [LibraryImport(Library, EntryPoint = "cairo_set_line_join")]
    internal static partial void SetLineJoin(CairoHandle cr, int join);

    [LibraryImport(Library, EntryPoint = "cairo_set_dash")]
    internal static partial void SetDash(CairoHandle cr, double* dashes, int count, double offset);

    [LibraryImport(Library, EntryPoint = "cairo_new_path")]
    internal static partial void NewPath(CairoHandle cr);

    [LibraryImport(Library, EntryPoint = "cairo_new_sub_path")]
    internal static partial void NewSubPath(CairoHandle cr);

    [LibraryImport(Library, EntryPoint = "cairo_close_path")]
    internal static partial void ClosePath(CairoHandle cr);

    [LibraryImport(Library, EntryPoint = "cairo_move_to")]
    internal static partial void MoveTo(CairoHandle cr, double x, double y);

    [LibraryImport(Library, EntryPoint = "cairo_line_to")]
    internal static partial void LineTo(CairoHandle cr, double x, double y);

    [LibraryImport(Library, EntryPoint = "cairo_arc")]
    internal static partial void Arc(CairoHandle cr, double xc, double yc, double radius, double angle1, double angle2);

    [LibraryImport(Library, EntryPoint = "cairo_rectangle")]
    internal static partial void Rectangle(CairoHandle cr, double x, double y, double width, double height);

    [LibraryImport(Library, EntryPoint = "cairo_fill_preserve")]
    internal static partial void FillPreserve(CairoHandle cr);

    [LibraryImport(Library, EntryPoint = "cairo_fill")]
    internal static partial void Fill(CairoHandle cr);

    [LibraryImport(Library, EntryPoint = "cairo_stroke")]
    internal static partial void Stroke(CairoHandle cr);

    [LibraryImport(Library, EntryPoint = "cairo_show_page")]
    internal static partial void ShowPage(CairoHandle cr);

    [LibraryImport(Library, EntryPoint = "cairo_tag_begin", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void TagBegin(CairoHandle cr, string tagName, string attributes);

    [LibraryImport(Library, EntryPoint = "cairo_tag_end", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void TagEnd(CairoHandle cr, string tagName);

    // Font options
    [LibraryImport(Library, EntryPoint = "cairo_font_options_create")]
    internal static partial CairoFontOptionsHandle FontOptionsCreate();

    [LibraryImport(Library, EntryPoint = "cairo_font_options_destroy")]
    internal static partial void FontOptionsDestroy(nint options);

    [LibraryImport(Library, EntryPoint = "cairo_font_options_status")]
    internal static partial int FontOptionsStatus(CairoFontOptionsHandle options);

    [LibraryImport(Library, EntryPoint = "cairo_font_options_set_hint_metrics")]
    internal static partial void FontOptionsSetHintMetrics(CairoFontOptionsHandle options, int hintMetrics);

    [LibraryImport(Library, EntryPoint = "cairo_font_options_set_hint_style")]
    internal static partial void FontOptionsSetHintStyle(CairoFontOptionsHandle options, int hintStyle);

    [LibraryImport(Library, EntryPoint = "cairo_font_options_set_antialias")]
    internal static partial void FontOptionsSetAntialias(CairoFontOptionsHandle options, int antialias);

    /// <summary>Cairo's own text for a status code, e.g. "invalid value (typically too big) for the size of the input (surface, pattern, etc.)".</summary>
    internal static string Describe(int status) =>
        Marshal.PtrToStringUTF8(StatusToString(status)) ?? $"cairo status {status}";

    internal static void Check(int status, string action)
    {
        if (status != StatusSuccess)
        {
            throw new RenderException($"Could not {action}: {Describe(status)}.");
        }
    }

    internal static void Check(CairoHandle cr, string action) => Check(Status(cr), action);

    internal static void Check(CairoSurfaceHandle surface, string action) => Check(SurfaceStatus(surface), action);
}
