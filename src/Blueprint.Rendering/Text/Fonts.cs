using System.Buffers.Binary;
using System.Collections.Concurrent;
using Blueprint.Rendering.Pdf;
using Blueprint.Layout;
using HarfBuzzSharp;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace Blueprint.Rendering.Text;

/// <summary>
/// One font file's face as the text engine uses it: the HarfBuzz font that shapes it (in font units: the HarfBuzz
/// scale is the face's units per em) and reads its tables, and the Skia typeface that draws it, made only when something
/// is drawn through Skia (so lint, SVG and our PDF writer never load Skia for the bundled faces). Faces live as long
/// as the process (a few per run) and are shared by every thread: HarfBuzz shapes with one font on many threads at once.
/// </summary>
internal sealed class FontFace
{
    private readonly Lazy<SKTypeface> _typeface;

    private FontFace(Lazy<SKTypeface> typeface, Face face, HarfBuzzSharp.Font font, float ascent, float descent, string familyName, bool bundled)
    {
        _typeface = typeface;
        HarfBuzz = font;
        File = face;
        UnitsPerEm = Math.Max(face.UnitsPerEm, 16);
        Ascent = ascent;
        Descent = descent;
        FamilyName = familyName;
        IsBundled = bundled;
        // What the font file is, not what the font manager says of it: fontconfig hands out a family's regular file
        // as its bold (or italic) when there is none, and Skia then thickens (or slants) it only in raster output.
        var os2 = FontTables.Read(this, "OS/2");
        var post = FontTables.Read(this, "post");
        IsBold = os2.Length >= 6 && BinaryPrimitives.ReadUInt16BigEndian(os2.AsSpan(4)) >= (int)SKFontStyleWeight.SemiBold;
        // fsSelection bit 0 italic, bit 9 oblique; or an italic angle in post.
        IsSlanted = (os2.Length >= 64 && (BinaryPrimitives.ReadUInt16BigEndian(os2.AsSpan(62)) & 0x0201) != 0)
            || (post.Length >= 8 && BinaryPrimitives.ReadInt32BigEndian(post.AsSpan(4)) != 0);
        PostScriptName = NameRecord(FontTables.Read(this, "name"), 6) ?? familyName.Replace(" ", "", StringComparison.Ordinal);
    }

    /// <summary>The font file's own weight is bold (OS/2 weight 600 or more).</summary>
    public bool IsBold { get; }

    /// <summary>The font file's own outlines are italic or oblique.</summary>
    public bool IsSlanted { get; }

    /// <summary>One of the faces inside the tool (<see cref="BundledFonts"/>).</summary>
    public bool IsBundled { get; }

    public SKTypeface Typeface => _typeface.Value;

    public HarfBuzzSharp.Font HarfBuzz { get; }

    /// <summary>The HarfBuzz face: the font file's tables.</summary>
    public Face File { get; }

    public int UnitsPerEm { get; }

    public int GlyphCount => File.GlyphCount;

    /// <summary>Above and below the baseline, in ems (positive): a line of this face is (ascent + descent) × size tall.</summary>
    public float Ascent { get; }

    public float Descent { get; }

    public string FamilyName { get; }

    /// <summary>The PostScript name (name table, name 6), as a PDF names the font.</summary>
    public string PostScriptName { get; }

    // Which code points the cmap maps, 256 to a block, each block asked of HarfBuzz once: fallback is chosen per character.
    private readonly ulong[]?[] _coverage = new ulong[]?[0x110000 >> 8];

    /// <summary>Whether the face has a glyph for the code point (its cmap maps it).</summary>
    public bool Has(int codePoint)
    {
        if ((uint)codePoint > 0x10FFFF) return false;
        var block = _coverage[codePoint >> 8] ??= Coverage(codePoint & ~0xFF);
        return (block[(codePoint & 0xFF) >> 6] & (1UL << (codePoint & 63))) != 0;
    }

    private ulong[] Coverage(int first)
    {
        var bits = new ulong[4];
        for (int i = 0; i < 256; i++)
            if (HarfBuzz.TryGetNominalGlyph(first + i, out _)) bits[i >> 6] |= 1UL << (i & 63);
        return bits;
    }

    /// <summary>
    /// A face of a font file held in memory for the whole process (the bundled fonts, in the assembly's resources).
    /// Its line metrics are HarfBuzz's (hhea), which for these faces are the ones Skia draws with.
    /// </summary>
    public static unsafe FontFace Load(byte* file, int length, string family)
    {
        var blob = new Blob((IntPtr)file, length, MemoryMode.ReadOnly);
        var face = new Face(blob, 0);
        var font = OpenType(face);
        int unitsPerEm = Math.Max(face.UnitsPerEm, 16);
        font.TryGetHorizontalFontExtents(out var extents);
        var typeface = new Lazy<SKTypeface>(() =>
            SKTypeface.FromData(SKData.CreateCopy(new ReadOnlySpan<byte>(file, length))) ?? throw new RenderException($"Could not read the font \"{family}\"."));
        return new FontFace(typeface, face, font, (float)extents.Ascender / unitsPerEm, -(float)extents.Descender / unitsPerEm, family, bundled: true);
    }

    /// <summary>A face of an installed font that Skia's font manager found.</summary>
    public static FontFace Load(SKTypeface typeface)
    {
        // The blob keeps the stream and releases it with itself.
        var stream = typeface.OpenStream(out int index) ?? throw new RenderException($"Could not read the font \"{typeface.FamilyName}\".");
        var face = new Face(stream.ToHarfBuzzBlob(), index);
        var font = OpenType(face);
        int unitsPerEm = Math.Max(face.UnitsPerEm, 16);
        // Skia's metrics are the ones it draws with (hhea, or OS/2 where the font asks for it).
        using var skFont = new SKFont(typeface, unitsPerEm);
        skFont.GetFontMetrics(out var metrics);
        return new FontFace(new Lazy<SKTypeface>(typeface), face, font, -metrics.Ascent / unitsPerEm, metrics.Descent / unitsPerEm, typeface.FamilyName, bundled: false);
    }

    private static HarfBuzzSharp.Font OpenType(Face face)
    {
        int unitsPerEm = Math.Max(face.UnitsPerEm, 16);
        var font = new HarfBuzzSharp.Font(face);
        font.SetFunctionsOpenType();
        font.SetScale(unitsPerEm, unitsPerEm);
        return font;
    }

    /// <summary>A name record of the name table, Windows Unicode (UTF-16BE) first, else Macintosh Roman as ASCII.</summary>
    private static string? NameRecord(byte[] name, int id)
    {
        if (name.Length < 6) return null;
        int count = BinaryPrimitives.ReadUInt16BigEndian(name.AsSpan(2)), storage = BinaryPrimitives.ReadUInt16BigEndian(name.AsSpan(4));
        string? mac = null;
        for (int i = 0, at = 6; i < count && at + 12 <= name.Length; i++, at += 12)
        {
            var record = name.AsSpan(at, 12);
            int platform = BinaryPrimitives.ReadUInt16BigEndian(record), nameId = BinaryPrimitives.ReadUInt16BigEndian(record[6..]);
            int length = BinaryPrimitives.ReadUInt16BigEndian(record[8..]), offset = storage + BinaryPrimitives.ReadUInt16BigEndian(record[10..]);
            if (nameId != id || offset + length > name.Length) continue;
            if (platform == 3) return System.Text.Encoding.BigEndianUnicode.GetString(name, offset, length);
            if (platform == 1) mac ??= System.Text.Encoding.ASCII.GetString(name, offset, length);
        }

        return mac;
    }
}

/// <summary>
/// The face a <see cref="FontSpec"/> asks for, and how to draw it: bold or slanted by Skia when the family has no such
/// face. <see cref="Substitute"/> is set when no installed family has the requested name.
/// </summary>
internal sealed record ResolvedFont(FontFace Face, bool FakeBold, bool FakeItalic, string? Substitute);

/// <summary>
/// Finds fonts. The default family is inside the tool (<see cref="BundledFonts"/>), so a diagram in it is the same on
/// every machine; another requested family comes from Skia's font manager (fontconfig on Linux). For a character the
/// family lacks: the bundled faces, then any installed font that has it
/// (<see cref="SKFontManager.MatchCharacter(string, SKFontStyle, string[], int)"/>). Everything found is cached for
/// the process.
/// </summary>
internal static class Fonts
{
    /// <summary>The family inside the tool: the default, and what stands in for a requested family that is not installed.</summary>
    public const string DefaultFamily = BundledFonts.Family;

    private static readonly Lazy<SKFontManager> s_manager = new(() => SKFontManager.Default);
    private static readonly ConcurrentDictionary<(string Family, bool Bold, bool Italic), ResolvedFont> s_resolved = new();
    private static readonly ConcurrentDictionary<nint, Lazy<FontFace>> s_faces = new();
    private static readonly ConcurrentDictionary<(int CodePoint, bool Bold, bool Italic), FontFace?> s_fallbacks = new();

    /// <summary>The face for a font request (cached).</summary>
    public static ResolvedFont Resolve(FontSpec spec) =>
        s_resolved.GetOrAdd((spec.Family, spec.Bold, spec.Italic), static key => Find(key.Family, key.Bold, key.Italic));

    /// <summary>A face other than the requested one that can show <paramref name="codePoint"/>, or null when none can.</summary>
    public static FontFace? Fallback(int codePoint, FontSpec spec) =>
        s_fallbacks.GetOrAdd((codePoint, spec.Bold, spec.Italic), static key =>
        {
            var bundled = BundledFonts.Face(key.Bold, key.Italic);
            if (bundled.Has(key.CodePoint)) return bundled;
            var face = Readable(s_manager.Value.MatchCharacter(null, Style(key.Bold, key.Italic), null, key.CodePoint));
            return face is not null && face.Has(key.CodePoint) ? face : null;
        });

    /// <summary>
    /// True when no text so far needed a fallback font or a made-up bold or slant, and every requested face passes
    /// <paramref name="test"/>: then any text shaped from the same characters is drawn in those faces alone.
    /// </summary>
    public static bool OnlyRequestedFaces(Func<FontFace, bool> test) =>
        s_fallbacks.Values.All(face => face is null)
        && s_resolved.Values.All(font => !font.FakeBold && !font.FakeItalic && test(font.Face));

    /// <summary>The installed family used for <paramref name="family"/>, when it is not installed itself; else null.</summary>
    public static string? SubstituteFor(string family) => Resolve(new FontSpec(family, 10)).Substitute;

    private static ResolvedFont Find(string familyList, bool bold, bool italic)
    {
        // A family list, as fontconfig takes it: the first family found wins. The bundled family is never looked up
        // among the installed ones, so an installed copy of another version cannot change a diagram.
        foreach (var family in familyList.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (family.Equals(DefaultFamily, StringComparison.OrdinalIgnoreCase)) return WithStyle(BundledFonts.Face(bold, italic), bold, italic, null);
            if (Readable(s_manager.Value.MatchFamily(family, Style(bold, italic))) is { } face) return WithStyle(face, bold, italic, null);
        }

        return WithStyle(BundledFonts.Face(bold, italic), bold, italic, DefaultFamily);
    }

    private static ResolvedFont WithStyle(FontFace face, bool bold, bool italic, string? substitute) =>
        new(face, bold && !face.IsBold, italic && !face.IsSlanted, substitute);

    /// <summary>One face per typeface: Skia hands out the same typeface object for the same font file and index.</summary>
    private static FontFace FaceOf(SKTypeface typeface) =>
        // Lazy, so that threads asking at once load the face once; the typeface stays referenced for the process,
        // so its handle is never reused for another font.
        s_faces.GetOrAdd(typeface.Handle, _ => new Lazy<FontFace>(() => FontFace.Load(typeface))).Value;

    /// <summary>The face of a typeface whose font file can be read (Skia's empty default typeface has none); else null.</summary>
    private static FontFace? Readable(SKTypeface? typeface)
    {
        if (typeface is null) return null;
        try
        {
            return FaceOf(typeface);
        }
        catch (RenderException)
        {
            s_faces.TryRemove(typeface.Handle, out _);
            return null;
        }
    }

    private static SKFontStyle Style(bool bold, bool italic) =>
        new(bold ? SKFontStyleWeight.Bold : SKFontStyleWeight.Normal, SKFontStyleWidth.Normal, italic ? SKFontStyleSlant.Italic : SKFontStyleSlant.Upright);
}
