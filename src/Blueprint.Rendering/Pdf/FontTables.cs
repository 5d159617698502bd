using Blueprint.Rendering.Text;

namespace Blueprint.Rendering.Pdf;

/// <summary>A font file's tables (OpenType sfnt), read by four-letter tag through HarfBuzz (no Skia needed).</summary>
internal static class FontTables
{
    public static bool Has(FontFace face, string tag) => Size(face, tag) > 0;

    /// <summary>The table's length in bytes; 0 when the font has none.</summary>
    public static int Size(FontFace face, string tag)
    {
        using var blob = face.File.ReferenceTable(HarfBuzzSharp.Tag.Parse(tag));
        return blob.Length;
    }

    /// <summary>A copy of the table; empty when the font has none.</summary>
    public static byte[] Read(FontFace face, string tag)
    {
        using var blob = face.File.ReferenceTable(HarfBuzzSharp.Tag.Parse(tag));
        return blob.Length == 0 ? [] : blob.AsSpan().ToArray();
    }
}
