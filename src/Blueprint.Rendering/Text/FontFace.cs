using System.Buffers.Binary;
using System.Collections.Concurrent;
using Blueprint.Rendering.Native;

namespace Blueprint.Rendering.Text;

/// <summary>
/// One face of a font file, as the PDF writer embeds it: its tables, read through HarfBuzz from the font Pango
/// shaped with. Pango's font map is per thread, so the same file reaches us through several Pango fonts; they are
/// told apart by content (the <c>head</c> table, which carries a whole-file checksum, and the glyph count), so a face
/// is one object for the whole process. Faces live as long as the process (a few per run).
/// </summary>
internal sealed class FontFace
{
    private static readonly ConcurrentDictionary<string, FontFace> s_faces = new();

    [ThreadStatic]
    private static Dictionary<nint, FontFace>? t_byPangoFont;

    private readonly nint _hbFace;
    private readonly Lazy<ushort[]> _advances;

    private FontFace(nint hbFace, int glyphCount, byte[] head)
    {
        _hbFace = HarfBuzz.FaceReference(hbFace);
        GlyphCount = glyphCount;
        UnitsPerEm = head.Length >= 20 ? Math.Max((int)BinaryPrimitives.ReadUInt16BigEndian(head.AsSpan(18)), 16) : 1000;
        IsTrueType = HarfBuzz.TableLength(hbFace, "glyf") > 0 && HarfBuzz.TableLength(hbFace, "loca") > 0;
        _advances = new Lazy<ushort[]>(LoadAdvances);
    }

    public int GlyphCount { get; }

    public int UnitsPerEm { get; }

    /// <summary>True when the outlines are TrueType (<c>glyf</c>), which the PDF writer can subset; false for CFF fonts.</summary>
    public bool IsTrueType { get; }

    /// <summary>The face behind a Pango font (a PangoFont pointer valid on this thread).</summary>
    public static FontFace Of(nint pangoFont)
    {
        var mine = t_byPangoFont ??= [];
        if (mine.TryGetValue(pangoFont, out var face)) return face;

        nint hbFace = HarfBuzz.FontGetFace(Pango.FontGetHbFont(pangoFont));
        var head = HarfBuzz.Table(hbFace, "head");
        int glyphs = (int)HarfBuzz.FaceGetGlyphCount(hbFace);
        string key = Convert.ToHexString(head) + ":" + glyphs;
        face = s_faces.GetOrAdd(key, _ => new FontFace(hbFace, glyphs, head));
        mine.Add(pangoFont, face);
        return face;
    }

    /// <summary>A copy of one of the face's tables; empty when it has none.</summary>
    public byte[] Table(string tag) => HarfBuzz.Table(_hbFace, tag);

    /// <summary>The advance of a glyph in font units (<c>hmtx</c>); glyphs past the last metric repeat it.</summary>
    public int Advance(int glyph)
    {
        var advances = _advances.Value;
        return advances.Length == 0 ? 0 : advances[Math.Min(glyph, advances.Length - 1)];
    }

    private ushort[] LoadAdvances()
    {
        var hhea = Table("hhea");
        var hmtx = Table("hmtx");
        int count = hhea.Length >= 36 ? BinaryPrimitives.ReadUInt16BigEndian(hhea.AsSpan(34)) : 0;
        count = Math.Min(count, hmtx.Length / 4);
        var advances = new ushort[count];
        for (int i = 0; i < count; i++) advances[i] = BinaryPrimitives.ReadUInt16BigEndian(hmtx.AsSpan(i * 4));
        return advances;
    }
}
