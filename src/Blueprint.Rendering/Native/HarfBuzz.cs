using System.Runtime.InteropServices;

namespace Blueprint.Rendering.Native;

/// <summary>
/// The few HarfBuzz calls the PDF writer needs to read the font tables behind a Pango font (libharfbuzz.so.0,
/// Debian package libharfbuzz0b, which Pango itself depends on).
/// </summary>
internal static unsafe partial class HarfBuzz
{
    internal const string Library = "libharfbuzz.so.0";

    [LibraryImport(Library, EntryPoint = "hb_font_get_var_coords_normalized")]
    internal static partial int* FontGetVarCoordsNormalized(nint font, uint* length);

    [LibraryImport(Library, EntryPoint = "hb_font_get_face")]
    internal static partial nint FontGetFace(nint font);

    [LibraryImport(Library, EntryPoint = "hb_face_reference")]
    internal static partial nint FaceReference(nint face);

    [LibraryImport(Library, EntryPoint = "hb_face_get_glyph_count")]
    internal static partial uint FaceGetGlyphCount(nint face);

    [LibraryImport(Library, EntryPoint = "hb_face_reference_table")]
    internal static partial nint FaceReferenceTable(nint face, uint tag);

    [LibraryImport(Library, EntryPoint = "hb_blob_get_data")]
    internal static partial byte* BlobGetData(nint blob, uint* length);

    [LibraryImport(Library, EntryPoint = "hb_blob_destroy")]
    internal static partial void BlobDestroy(nint blob);

    /// <summary>A table of <paramref name="face"/> copied out (empty when the font has no such table).</summary>
    internal static byte[] Table(nint face, string tag) => WithTable(face, tag, data => data.ToArray());

    /// <summary>The length of a table of <paramref name="face"/> in bytes (0 when the font has no such table).</summary>
    internal static int TableLength(nint face, string tag) => WithTable(face, tag, data => data.Length);

    private delegate T TableReader<T>(ReadOnlySpan<byte> data);

    private static T WithTable<T>(nint face, string tag, TableReader<T> read)
    {
        uint value = (uint)(tag[0] << 24 | tag[1] << 16 | tag[2] << 8 | tag[3]);
        nint blob = FaceReferenceTable(face, value);
        try
        {
            uint length;
            byte* data = BlobGetData(blob, &length);
            return read(data == null ? [] : new ReadOnlySpan<byte>(data, (int)length));
        }
        finally
        {
            BlobDestroy(blob);
        }
    }
}
