using System.Buffers.Binary;
using System.Collections.Concurrent;
using Blueprint.Rendering.Native;

namespace Blueprint.Rendering.Text;

/// <summary>
/// One face of a font file, as the PDF writer embeds it: its tables, read through HarfBuzz from the font Pango
/// shaped with. Pango's font map is per thread, so the same face reaches us through several Pango fonts; they are
/// told apart by file and face index (from the font's fontconfig pattern), so a face is one object for the whole
/// process. Faces live as long as the process (a few per run).
/// </summary>
internal sealed unsafe class FontFace
{
    private static readonly ConcurrentDictionary<string, Lazy<FontFace>> s_faces = new();

    /// <summary>This thread's Pango fonts (each held by a reference, so an address is never reused for another font).</summary>
    [ThreadStatic]
    private static Dictionary<nint, FontUse>? t_byPangoFont;

    private readonly nint _hbFace;
    private readonly Lazy<ushort[]> _advances;

    private FontFace(nint hbFace)
    {
        _hbFace = HarfBuzz.FaceReference(hbFace);
        GlyphCount = (int)HarfBuzz.FaceGetGlyphCount(hbFace);
        var head = HarfBuzz.Table(hbFace, "head");
        UnitsPerEm = head.Length >= 20 ? Math.Max((int)BinaryPrimitives.ReadUInt16BigEndian(head.AsSpan(18)), 16) : 1000;
        bool trueType = HarfBuzz.TableLength(hbFace, "glyf") > 0 && HarfBuzz.TableLength(hbFace, "loca") > 0;
        bool color = new[] { "COLR", "CBDT", "sbix", "SVG " }.Any(tag => HarfBuzz.TableLength(hbFace, tag) > 0);
        bool variable = HarfBuzz.TableLength(hbFace, "fvar") > 0;
        IsEmbeddable = trueType && !color && !variable;
        _advances = new Lazy<ushort[]>(LoadAdvances);
    }

    public int GlyphCount { get; }

    public int UnitsPerEm { get; }

    /// <summary>
    /// True when the PDF writer can embed the face as it is: TrueType outlines (<c>glyf</c>), which it can subset, and
    /// neither colour glyphs nor variations, which only the outlines' default would show. Cairo draws the others.
    /// </summary>
    public bool IsEmbeddable { get; }

    /// <summary>The face behind a Pango font (a PangoFont pointer valid on this thread), and whether it is drawn as it is.</summary>
    public static FontUse Of(nint pangoFont)
    {
        var mine = t_byPangoFont ??= [];
        if (mine.TryGetValue(pangoFont, out var use)) return use;

        nint hbFont = Pango.FontGetHbFont(pangoFont);
        nint hbFace = HarfBuzz.FontGetFace(hbFont);
        nint pattern = Fontconfig.PangoFcFontGetPattern(pangoFont);
        uint coordinates;
        HarfBuzz.FontGetVarCoordsNormalized(hbFont, &coordinates);
        string key = (pattern == 0 ? null : Fontconfig.File(pattern)) is { } file
            ? $"{file}\0{Fontconfig.Index(pattern)}"
            : Convert.ToHexString(HarfBuzz.Table(hbFace, "head")) + ":" + HarfBuzz.FaceGetGlyphCount(hbFace);
        var face = s_faces.GetOrAdd(key, _ => new Lazy<FontFace>(() => new FontFace(hbFace))).Value;
        use = new FontUse(face, pattern == 0 || Fontconfig.IsSynthetic(pattern) || coordinates > 0);
        GObject.Ref(pangoFont);
        mine.Add(pangoFont, use);
        return use;
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

/// <summary>
/// A face as one Pango font uses it. <see cref="Synthetic"/>: fontconfig draws it bolder or slanted than its
/// outlines, or at a variation, so its outlines alone would not show what PNG shows.
/// </summary>
internal readonly record struct FontUse(FontFace Face, bool Synthetic);
