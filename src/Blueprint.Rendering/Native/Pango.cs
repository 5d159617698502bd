using System.Runtime.InteropServices;

namespace Blueprint.Rendering.Native;

/// <summary>Pango and PangoCairo entry points (Debian packages libpango-1.0-0 and libpangocairo-1.0-0).</summary>
internal static unsafe partial class Pango
{
    internal const string Library = "libpango-1.0.so.0";
    internal const string CairoLibrary = "libpangocairo-1.0.so.0";

    internal const int Scale = 1024;
    internal const int WrapWordChar = 2;
    internal const int WeightNormal = 400;
    internal const int WeightBold = 700;
    internal const int StyleNormal = 0;
    internal const int StyleItalic = 2;

    [StructLayout(LayoutKind.Sequential)]
    internal struct Rectangle
    {
        public int X;
        public int Y;
        public int Width;
        public int Height;
    }

    /// <summary>The public head of PangoLayoutLine (pango-layout.h): byte offsets into the layout's UTF-8 text, and its runs.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct LayoutLine
    {
        public nint Layout;
        public int StartIndex;
        public int Length;
        public SList* Runs;
    }

    /// <summary>GSList (glib): one list cell.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct SList
    {
        public nint Data;
        public SList* Next;
    }

    /// <summary>PangoGlyphItem (pango-glyph-item.h): one run of a line, in visual order.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct GlyphItem
    {
        public Item* Item;
        public GlyphString* Glyphs;
        public int YOffset;
    }

    /// <summary>PangoItem (pango-item.h) with its PangoAnalysis up to the bidi level.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct Item
    {
        public int Offset;
        public int Length;
        public int NumChars;
        public nint ShapeEngine;
        public nint LangEngine;
        public nint Font;
        public byte Level; // bidi embedding level: odd is right-to-left
    }

    /// <summary>PangoGlyphString (pango-glyph.h).</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct GlyphString
    {
        public int NumGlyphs;
        public GlyphInfo* Glyphs;
        public int* LogClusters;
    }

    /// <summary>PangoGlyphInfo (pango-glyph.h): glyph, geometry in Pango units, visual attributes.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct GlyphInfo
    {
        public uint Glyph;
        public int Width;
        public int XOffset;
        public int YOffset;
        public uint Attributes;
    }

    /// <summary>PANGO_GLYPH_EMPTY: nothing to draw (a zero-width character).</summary>
    internal const uint GlyphEmpty = 0x0FFFFFFF;

    /// <summary>PANGO_GLYPH_UNKNOWN_FLAG: no font has the character; Pango draws a box with its code.</summary>
    internal const uint GlyphUnknownFlag = 0x10000000;

    // Font map and context
    [LibraryImport(CairoLibrary, EntryPoint = "pango_cairo_font_map_get_default")]
    internal static partial nint CairoFontMapGetDefault();

    [LibraryImport(Library, EntryPoint = "pango_font_map_create_context")]
    internal static partial GObjectHandle FontMapCreateContext(nint fontMap);

    [LibraryImport(CairoLibrary, EntryPoint = "pango_cairo_context_set_font_options")]
    internal static partial void CairoContextSetFontOptions(GObjectHandle context, CairoFontOptionsHandle options);

    [LibraryImport(CairoLibrary, EntryPoint = "pango_cairo_context_set_resolution")]
    internal static partial void CairoContextSetResolution(GObjectHandle context, double dpi);

    [LibraryImport(Library, EntryPoint = "pango_context_set_round_glyph_positions")]
    internal static partial void ContextSetRoundGlyphPositions(GObjectHandle context, [MarshalAs(UnmanagedType.I4)] bool round);

    [LibraryImport(Library, EntryPoint = "pango_context_set_language")]
    internal static partial void ContextSetLanguage(GObjectHandle context, nint language);

    [LibraryImport(Library, EntryPoint = "pango_language_from_string", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint LanguageFromString(string language);

    // Font descriptions
    [LibraryImport(Library, EntryPoint = "pango_font_description_new")]
    internal static partial PangoFontDescriptionHandle FontDescriptionNew();

    [LibraryImport(Library, EntryPoint = "pango_font_description_free")]
    internal static partial void FontDescriptionFree(nint description);

    [LibraryImport(Library, EntryPoint = "pango_font_description_set_family", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void FontDescriptionSetFamily(PangoFontDescriptionHandle description, string family);

    [LibraryImport(Library, EntryPoint = "pango_font_description_set_absolute_size")]
    internal static partial void FontDescriptionSetAbsoluteSize(PangoFontDescriptionHandle description, double size);

    [LibraryImport(Library, EntryPoint = "pango_font_description_set_weight")]
    internal static partial void FontDescriptionSetWeight(PangoFontDescriptionHandle description, int weight);

    [LibraryImport(Library, EntryPoint = "pango_font_description_set_style")]
    internal static partial void FontDescriptionSetStyle(PangoFontDescriptionHandle description, int style);

    // Attributes
    [LibraryImport(Library, EntryPoint = "pango_attr_list_new")]
    internal static partial PangoAttrListHandle AttrListNew();

    [LibraryImport(Library, EntryPoint = "pango_attr_list_unref")]
    internal static partial void AttrListUnref(nint list);

    /// <summary>Takes ownership of <paramref name="attribute"/>.</summary>
    [LibraryImport(Library, EntryPoint = "pango_attr_list_insert")]
    internal static partial void AttrListInsert(PangoAttrListHandle list, nint attribute);

    [LibraryImport(Library, EntryPoint = "pango_attr_insert_hyphens_new")]
    internal static partial nint AttrInsertHyphensNew([MarshalAs(UnmanagedType.I4)] bool insertHyphens);

    [LibraryImport(Library, EntryPoint = "pango_layout_set_attributes")]
    internal static partial void LayoutSetAttributes(GObjectHandle layout, PangoAttrListHandle attributes);

    // Layouts
    [LibraryImport(Library, EntryPoint = "pango_layout_new")]
    internal static partial GObjectHandle LayoutNew(GObjectHandle context);

    [LibraryImport(Library, EntryPoint = "pango_layout_set_font_description")]
    internal static partial void LayoutSetFontDescription(GObjectHandle layout, PangoFontDescriptionHandle description);

    [LibraryImport(Library, EntryPoint = "pango_layout_set_text")]
    internal static partial void LayoutSetText(GObjectHandle layout, byte* text, int length);

    [LibraryImport(Library, EntryPoint = "pango_layout_set_width")]
    internal static partial void LayoutSetWidth(GObjectHandle layout, int width);

    [LibraryImport(Library, EntryPoint = "pango_layout_set_wrap")]
    internal static partial void LayoutSetWrap(GObjectHandle layout, int wrap);

    [LibraryImport(Library, EntryPoint = "pango_layout_set_single_paragraph_mode")]
    internal static partial void LayoutSetSingleParagraphMode(GObjectHandle layout, [MarshalAs(UnmanagedType.I4)] bool setting);

    [LibraryImport(Library, EntryPoint = "pango_layout_get_line_count")]
    internal static partial int LayoutGetLineCount(GObjectHandle layout);

    [LibraryImport(Library, EntryPoint = "pango_layout_get_line_readonly")]
    internal static partial LayoutLine* LayoutGetLineReadonly(GObjectHandle layout, int line);

    [LibraryImport(Library, EntryPoint = "pango_layout_line_get_extents")]
    internal static partial void LayoutLineGetExtents(LayoutLine* line, Rectangle* inkRect, Rectangle* logicalRect);

    [LibraryImport(Library, EntryPoint = "pango_layout_get_extents")]
    internal static partial void LayoutGetExtents(GObjectHandle layout, Rectangle* inkRect, Rectangle* logicalRect);

    [LibraryImport(Library, EntryPoint = "pango_layout_get_baseline")]
    internal static partial int LayoutGetBaseline(GObjectHandle layout);

    [LibraryImport(Library, EntryPoint = "pango_layout_get_unknown_glyphs_count")]
    internal static partial int LayoutGetUnknownGlyphsCount(GObjectHandle layout);

    [LibraryImport(Library, EntryPoint = "pango_layout_xy_to_index")]
    [return: MarshalAs(UnmanagedType.I4)]
    internal static partial bool LayoutXyToIndex(GObjectHandle layout, int x, int y, int* index, int* trailing);

    [LibraryImport(Library, EntryPoint = "pango_font_get_hb_font")]
    internal static partial nint FontGetHbFont(nint font);

    [LibraryImport(CairoLibrary, EntryPoint = "pango_cairo_show_layout")]
    internal static partial void CairoShowLayout(CairoHandle cr, GObjectHandle layout);
}

/// <summary>GObject reference counting (libgobject-2.0.so.0, Debian package libglib2.0-0).</summary>
internal static partial class GObject
{
    internal const string Library = "libgobject-2.0.so.0";

    [LibraryImport(Library, EntryPoint = "g_object_unref")]
    internal static partial void Unref(nint instance);

    [LibraryImport(Library, EntryPoint = "g_object_ref")]
    internal static partial nint Ref(nint instance);
}
