using System.Text;
using Blueprint.Layout;

namespace Blueprint.Rendering.Native;

/// <summary>
/// The Pango context of the current thread, set up so that measuring and drawing agree on every output:
/// resolution 72 (1 pt = 1 unit), hint metrics off, hint style none, unrounded glyph positions, fixed language.
/// Pango contexts are not thread-safe, so each thread gets its own ([ThreadStatic]); Pango's default font map
/// is itself per-thread. A thread's context is released by its SafeHandle's finalizer after the thread ends.
/// Both the measurer and the Cairo canvases draw through this context, so a line is shaped the same way when
/// it is measured and when it is drawn.
/// </summary>
internal sealed unsafe class PangoThreadContext
{
    [ThreadStatic]
    private static PangoThreadContext? t_current;

    /// <summary>Lines kept shaped for drawing; past this many the cache starts again (a few KB each).</summary>
    private const int MaxShapedLines = 4096;

    private readonly Dictionary<FontSpec, PangoFontDescriptionHandle> _fonts = [];
    private readonly Dictionary<(string Text, FontSpec Font), ShapedLine> _shapedLines = [];
    private readonly PangoAttrListHandle _attributes;

    private PangoThreadContext()
    {
        NativeLibraries.EnsureAvailable();
        var fontMap = Pango.CairoFontMapGetDefault();
        if (fontMap == nint.Zero)
        {
            throw new RenderException("Could not start Pango: no font map is available (is fontconfig installed?).");
        }

        Context = Pango.FontMapCreateContext(fontMap);
        if (Context.IsInvalid)
        {
            throw new RenderException("Could not create a Pango context.");
        }

        using var options = Cairo.FontOptionsCreate();
        Cairo.Check(Cairo.FontOptionsStatus(options), "create Cairo font options");
        Cairo.FontOptionsSetHintMetrics(options, Cairo.HintMetricsOff);
        Cairo.FontOptionsSetHintStyle(options, Cairo.HintStyleNone);
        Cairo.FontOptionsSetAntialias(options, Cairo.AntialiasGray);
        Pango.CairoContextSetFontOptions(Context, options);
        Pango.CairoContextSetResolution(Context, 72);
        Pango.ContextSetRoundGlyphPositions(Context, false);
        // A fixed language keeps font fallback independent of the user's locale, so output is reproducible.
        Pango.ContextSetLanguage(Context, Pango.LanguageFromString("en"));

        // Pango 1.44+ draws a hyphen where it breaks inside a word; the lines we hand out are drawn one by one,
        // so the hyphen would be measured but never drawn. No hyphens: each line is exactly its text.
        _attributes = Pango.AttrListNew();
        Pango.AttrListInsert(_attributes, Pango.AttrInsertHyphensNew(false));
    }

    public static PangoThreadContext Current => t_current ??= new PangoThreadContext();

    public GObjectHandle Context { get; }

    public PangoFontDescriptionHandle Font(FontSpec font)
    {
        if (!_fonts.TryGetValue(font, out var description))
        {
            if (!(font.Size > 0) || double.IsInfinity(font.Size))
            {
                throw new ArgumentOutOfRangeException(nameof(font), font.Size, "Font size must be a positive number of points.");
            }

            description = Pango.FontDescriptionNew();
            Pango.FontDescriptionSetFamily(description, font.Family);
            Pango.FontDescriptionSetAbsoluteSize(description, font.Size * Pango.Scale);
            Pango.FontDescriptionSetWeight(description, font.Bold ? Pango.WeightBold : Pango.WeightNormal);
            Pango.FontDescriptionSetStyle(description, font.Italic ? Pango.StyleItalic : Pango.StyleNormal);
            _fonts.Add(font, description);
        }

        return description;
    }

    /// <summary>A new layout on this thread's context with the font and text set; the caller disposes it.</summary>
    public GObjectHandle CreateLayout(FontSpec font, ReadOnlySpan<byte> utf8)
    {
        var layout = Pango.LayoutNew(Context);
        if (layout.IsInvalid)
        {
            throw new RenderException("Could not create a Pango layout.");
        }

        Pango.LayoutSetFontDescription(layout, Font(font));
        Pango.LayoutSetAttributes(layout, _attributes);
        fixed (byte* text = utf8)
        {
            Pango.LayoutSetText(layout, text, utf8.Length);
        }

        return layout;
    }

    /// <summary>A single-line layout (no wrapping, line breaks drawn as spaces) for drawing one already-wrapped line.</summary>
    public GObjectHandle CreateLineLayout(string text, FontSpec font)
    {
        var layout = CreateLayout(font, ToUtf8(text));
        Pango.LayoutSetSingleParagraphMode(layout, true);
        return layout;
    }

    /// <summary>
    /// One line laid out for drawing, kept for the next time the same text is drawn in the same font on this thread
    /// (lane labels on every page, owners, durations and other repeated short texts). Valid until this thread next
    /// asks for a line: use it at once and do not dispose it.
    /// </summary>
    public ShapedLine ShapedLine(string text, FontSpec font)
    {
        if (_shapedLines.TryGetValue((text, font), out var line))
        {
            return line;
        }

        if (_shapedLines.Count >= MaxShapedLines)
        {
            foreach (var old in _shapedLines.Values)
            {
                old.Layout.Dispose();
            }

            _shapedLines.Clear();
        }

        var layout = CreateLineLayout(text, font);
        line = new ShapedLine(layout, LogicalExtents(layout));
        _shapedLines.Add((text, font), line);
        return line;
    }

    /// <summary>Width, height and baseline (from the line's top) of one line as drawn, in points.</summary>
    public LineMetrics MeasureLine(string text, FontSpec font)
    {
        using var layout = CreateLineLayout(text, font);
        var logical = LogicalExtents(layout);
        return new LineMetrics(
            logical.X / (double)Pango.Scale,
            logical.Width / (double)Pango.Scale,
            logical.Height / (double)Pango.Scale,
            Pango.LayoutGetBaseline(layout) / (double)Pango.Scale);
    }

    public static Pango.Rectangle LogicalExtents(GObjectHandle layout)
    {
        Pango.Rectangle logical;
        Pango.LayoutGetExtents(layout, null, &logical);
        return logical;
    }

    /// <summary>UTF-8 bytes Pango accepts: lone surrogates and NUL become U+FFFD.</summary>
    public static byte[] ToUtf8(string text) =>
        Encoding.UTF8.GetBytes(text.Contains('\0') ? text.Replace('\0', '\uFFFD') : text);
}

/// <summary>One line's logical extents in points; <see cref="Baseline"/> is measured down from the line's top.</summary>
internal readonly record struct LineMetrics(double X, double Width, double Height, double Baseline);

/// <summary>A single-line Pango layout and its logical extents (Pango units).</summary>
internal sealed record ShapedLine(GObjectHandle Layout, Pango.Rectangle Logical);
