using System.Buffers.Binary;
using System.Text;
using Blueprint.Rendering.Text;
using SkiaSharp;

namespace Blueprint.Rendering.Pdf;

/// <summary>
/// One font face as a document uses it: its resource name, the glyphs drawn and the text each shows. Written at the
/// end as a Type 0 font with Identity-H encoding (a character code is a glyph id), a CIDFontType2 descendant with
/// the glyph widths, the TrueType subset (<see cref="TrueTypeSubset"/>) and a ToUnicode map, so text can be
/// selected, searched and copied (ISO 32000-1, 9.7 and 9.10).
/// </summary>
internal sealed class PdfFont
{
    /// <summary>Tables of faces whose outlines alone do not show what PNG shows: colour glyphs and variations.</summary>
    private static readonly string[] s_drawnOtherwise = ["COLR", "CBDT", "sbix", "SVG ", "fvar"];

    /// <summary>The text of a glyph drawn as part of a cluster another glyph shows.</summary>
    private static readonly byte[] s_noText = [];

    /// <summary>For each glyph id: null while not drawn, else the UTF-8 of the text it shows (the first it was drawn for).</summary>
    private readonly byte[]?[] _texts;

    /// <summary>For each glyph drawn, its advance in thousandths of the font size.</summary>
    private readonly double[] _widths;

    public PdfFont(FontFace face, string resourceName)
    {
        Face = face;
        ResourceName = resourceName;
        _texts = new byte[]?[Math.Max(face.GlyphCount, 1)];
        _widths = new double[_texts.Length];
    }

    public FontFace Face { get; }

    public string ResourceName { get; }

    /// <summary>
    /// Whether this writer embeds the face as it is drawn: TrueType outlines it can subset, and neither colour glyphs,
    /// variations nor a style the font manager adds, with which its outlines alone would not look as PNG draws them.
    /// </summary>
    public static bool CanEmbed(FontFace face) =>
        TrueTypeSubset.CanSubset(face) && !s_drawnOtherwise.Any(tag => FontTables.Has(face, tag));

    /// <summary>The advance the PDF viewer uses for a glyph drawn, in thousandths of the font size (as written in /W).</summary>
    public double Width(int glyph) => _widths[glyph];

    /// <summary>
    /// Notes a glyph drawn and the text it shows (empty for the later glyphs of a cluster) for the ToUnicode map, which
    /// holds one text per glyph: the first it is drawn for. False when it stands for other text there (a combining
    /// accent and its precomposed letter can share a glyph): that use needs the text spelled out (/ActualText).
    /// </summary>
    public bool Use(ushort glyph, ReadOnlySpan<byte> text)
    {
        if (_texts[glyph] is { } known) return text.SequenceEqual(known);
        _texts[glyph] = text.IsEmpty ? s_noText : text.ToArray();
        _widths[glyph] = Math.Round(Face.HarfBuzz.GetHorizontalGlyphAdvance(glyph) * 1000.0 / Face.UnitsPerEm, 3);
        return true;
    }

    /// <summary>
    /// The font program to embed once every glyph is drawn: the TrueType subset, compressed well (a few per document,
    /// mostly zeros where glyphs were left out), and its length before compression.
    /// </summary>
    public FontProgram Program()
    {
        var program = TrueTypeSubset.Build(Face, Drawn(), TrueTypeSubset.ViewerTables);
        return new FontProgram(PdfFile.Compress(program, PdfFile.BestLevel), program.Length);
    }

    /// <summary>Writes the font's objects with its <see cref="Program"/>; returns the object number of the Type 0 font.</summary>
    public int Write(PdfFile file, FontProgram program)
    {
        var glyphs = Drawn();
        string name = SubsetTag(glyphs) + "+" + PostScriptName();
        var head = FontTables.Read(Face, "head");
        var hhea = FontTables.Read(Face, "hhea");
        double unit = 1000.0 / Face.UnitsPerEm;
        short Int16(byte[] table, int at) => table.Length >= at + 2 ? BinaryPrimitives.ReadInt16BigEndian(table.AsSpan(at)) : (short)0;
        double ascent = Int16(hhea, 4) * unit, descent = Int16(hhea, 6) * unit;
        var os2 = FontTables.Read(Face, "OS/2");
        double capHeight = os2.Length >= 90 && BinaryPrimitives.ReadUInt16BigEndian(os2) >= 2 ? Int16(os2, 88) * unit : ascent;
        var post = FontTables.Read(Face, "post");
        double italicAngle = post.Length >= 8 ? BinaryPrimitives.ReadInt32BigEndian(post.AsSpan(4)) / 65536.0 : 0;

        int fontFile = file.WriteCompressedStream(program.Compressed, new PdfBytes().Raw("/Length1 ").Integer(program.Length).Raw(" "));

        int descriptor = file.Add(new PdfBytes().Raw("<< /Type /FontDescriptor /FontName /").Raw(name)
            .Raw(" /Flags ").Integer(italicAngle != 0 ? 4 + 64 : 4)
            .Raw(" /FontBBox [ ").Number(Int16(head, 36) * unit).Number(Int16(head, 38) * unit).Number(Int16(head, 40) * unit).Number(Int16(head, 42) * unit)
            .Raw("] /ItalicAngle ").Number(italicAngle).Raw("/Ascent ").Number(ascent).Raw("/Descent ").Number(descent)
            .Raw("/CapHeight ").Number(capHeight).Raw("/StemV 80 /FontFile2 ").Integer(fontFile).Raw(" 0 R >>"));

        int cidFont = file.Add(new PdfBytes().Raw("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /").Raw(name)
            .Raw(" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ").Integer(descriptor)
            .Raw(" 0 R /CIDToGIDMap /Identity /W ").Raw(Widths(glyphs).Span).Raw(" >>"));

        int toUnicode = file.WriteStream(ToUnicodeMap(glyphs).Span, new PdfBytes());
        return file.Add(new PdfBytes().Raw("<< /Type /Font /Subtype /Type0 /BaseFont /").Raw(name)
            .Raw(" /Encoding /Identity-H /DescendantFonts [ ").Integer(cidFont).Raw(" 0 R ] /ToUnicode ").Integer(toUnicode).Raw(" 0 R >>"));
    }

    /// <summary>The glyph ids drawn, ascending.</summary>
    private List<int> Drawn()
    {
        var glyphs = new List<int>();
        for (int glyph = 0; glyph < _texts.Length; glyph++)
            if (_texts[glyph] is not null) glyphs.Add(glyph);
        return glyphs;
    }

    /// <summary>The /W array: the widths of runs of consecutive glyph ids.</summary>
    private PdfBytes Widths(List<int> glyphs)
    {
        var widths = new PdfBytes().Raw("[ ");
        int previous = -2;
        foreach (var glyph in glyphs)
        {
            if (glyph != previous + 1)
            {
                if (previous >= 0) widths.Raw("] ");
                widths.Integer(glyph).Raw(" [ ");
            }

            widths.Number(Width(glyph));
            previous = glyph;
        }

        return widths.Raw(previous >= 0 ? "] ]" : "]");
    }

    /// <summary>The CMap from glyph ids to the text they show (ISO 32000-1, 9.10.3).</summary>
    private PdfBytes ToUnicodeMap(List<int> glyphs)
    {
        var map = new PdfBytes().Raw(
            "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" +
            "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        var mapped = glyphs.Where(g => _texts[g]!.Length > 0).ToList();
        // At most 100 entries a block (ISO 32000-1, 9.10.3).
        foreach (var block in mapped.Chunk(100))
        {
            map.Integer(block.Length).Raw(" beginbfchar\n");
            foreach (var glyph in block)
            {
                map.Raw("<").Hex4(glyph).Raw("> <");
                foreach (var c in Encoding.UTF8.GetString(_texts[glyph]!)) map.Hex4(c);
                map.Raw(">\n");
            }

            map.Raw("endbfchar\n");
        }

        return map.Raw("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    }

    /// <summary>Six capital letters that name this subset (ISO 32000-1, 9.6.4), the same for the same glyphs.</summary>
    private string SubsetTag(List<int> glyphs)
    {
        uint hash = 2166136261;
        foreach (var glyph in glyphs) hash = (hash ^ (uint)glyph) * 16777619;
        foreach (var c in PostScriptName()) hash = (hash ^ c) * 16777619;
        var tag = new char[6];
        for (int i = 0; i < 6; i++)
        {
            tag[i] = (char)('A' + hash % 26);
            hash /= 26;
        }

        return new string(tag);
    }

    /// <summary>The font's PostScript name, reduced to characters allowed in a PDF name.</summary>
    private string PostScriptName()
    {
        var name = new string(Face.PostScriptName.Where(c => c is > ' ' and <= '~' and not ('[' or ']' or '(' or ')' or '{' or '}' or '<' or '>' or '/' or '%' or '#')).ToArray());
        return name.Length > 0 ? name : "Font";
    }
}

/// <summary>A font program compressed for a PDF stream, and its <see cref="Length"/> before compression (/Length1).</summary>
internal sealed record FontProgram(byte[] Compressed, int Length);
