using SkiaSharp;

namespace Blueprint.Rendering.Pdf;

/// <summary>A font file's tables (OpenType sfnt), read by four-letter tag through Skia.</summary>
internal static class FontTables
{
    public static bool Has(SKTypeface typeface, string tag) => Size(typeface, tag) > 0;

    /// <summary>The table's length in bytes; 0 when the font has none.</summary>
    public static int Size(SKTypeface typeface, string tag) => typeface.GetTableSize(Tag(tag));

    /// <summary>A copy of the table; empty when the font has none.</summary>
    public static byte[] Read(SKTypeface typeface, string tag) => Has(typeface, tag) ? typeface.GetTableData(Tag(tag)) : [];

    private static uint Tag(string tag) => (uint)((tag[0] << 24) | (tag[1] << 16) | (tag[2] << 8) | tag[3]);
}
