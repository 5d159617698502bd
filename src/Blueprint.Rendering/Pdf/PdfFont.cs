using System.Buffers.Binary;
using System.Text;
using Blueprint.Rendering.Text;

namespace Blueprint.Rendering.Pdf;

/// <summary>
/// One font face as a document uses it: its resource name, the glyphs drawn and the text each shows. Written at the
/// end as a Type 0 font with Identity-H encoding (a character code is a glyph id), a CIDFontType2 descendant with
/// the glyph widths, the TrueType subset (<see cref="TrueTypeSubset"/>) and a ToUnicode map, so text can be
/// selected, searched and copied (ISO 32000-1, 9.7 and 9.10).
/// </summary>
internal sealed class PdfFont(FontFace face, string resourceName)
{
    /// <summary>The glyphs drawn, each with the UTF-8 of the text it shows (null while it has shown none).</summary>
    private readonly SortedDictionary<int, byte[]?> _glyphs = [];

    public FontFace Face { get; } = face;

    public string ResourceName { get; } = resourceName;

    /// <summary>The advance the PDF viewer uses for a glyph, in thousandths of the font size (as written in /W).</summary>
    public double Width(int glyph) => Math.Round(Face.Advance(glyph) * 1000.0 / Face.UnitsPerEm, 3);

    /// <summary>
    /// Notes a glyph drawn, and the characters it shows (bytes <paramref name="start"/> to <paramref name="end"/> of
    /// <paramref name="utf8"/>, or none when <paramref name="start"/> is -1) for the ToUnicode map, which holds one text
    /// per glyph. False when the glyph already stands for other text there (a composed accent and its precomposed
    /// letter can share a glyph): that use needs the text spelled out (/ActualText).
    /// </summary>
    public bool Use(int glyph, byte[] utf8, int start, int end)
    {
        var text = start >= 0 && end > start ? utf8.AsSpan(start, end - start) : default;
        if (_glyphs.TryGetValue(glyph, out var known) && known is not null) return text.IsEmpty || text.SequenceEqual(known);
        _glyphs[glyph] = text.IsEmpty ? null : text.ToArray();
        return true;
    }

    /// <summary>Writes the font's objects; returns the object number of the Type 0 font.</summary>
    public int Write(PdfFile file)
    {
        string name = SubsetTag() + "+" + PostScriptName();
        var head = Face.Table("head");
        var hhea = Face.Table("hhea");
        double unit = 1000.0 / Face.UnitsPerEm;
        short Int16(byte[] table, int at) => table.Length >= at + 2 ? BinaryPrimitives.ReadInt16BigEndian(table.AsSpan(at)) : (short)0;
        double ascent = Int16(hhea, 4) * unit, descent = Int16(hhea, 6) * unit;
        var os2 = Face.Table("OS/2");
        double capHeight = os2.Length >= 90 && BinaryPrimitives.ReadUInt16BigEndian(os2) >= 2 ? Int16(os2, 88) * unit : ascent;
        var post = Face.Table("post");
        double italicAngle = post.Length >= 8 ? BinaryPrimitives.ReadInt32BigEndian(post.AsSpan(4)) / 65536.0 : 0;

        var program = TrueTypeSubset.Build(Face, _glyphs.Keys);
        // A few per document, and mostly zeros where glyphs were left out: worth compressing well.
        int fontFile = file.WriteStream(program, new PdfBytes().Raw("/Length1 ").Integer(program.Length).Raw(" "), PdfFile.BestLevel);

        int descriptor = file.Add(new PdfBytes().Raw("<< /Type /FontDescriptor /FontName /").Raw(name)
            .Raw(" /Flags ").Integer(italicAngle != 0 ? 4 + 64 : 4)
            .Raw(" /FontBBox [ ").Number(Int16(head, 36) * unit).Number(Int16(head, 38) * unit).Number(Int16(head, 40) * unit).Number(Int16(head, 42) * unit)
            .Raw("] /ItalicAngle ").Number(italicAngle).Raw("/Ascent ").Number(ascent).Raw("/Descent ").Number(descent)
            .Raw("/CapHeight ").Number(capHeight).Raw("/StemV 80 /FontFile2 ").Integer(fontFile).Raw(" 0 R >>"));

        var widths = new PdfBytes().Raw("[ ");
        int previous = -2;
        foreach (var glyph in _glyphs.Keys)
        {
            if (glyph != previous + 1)
            {
                if (previous >= 0) widths.Raw("] ");
                widths.Integer(glyph).Raw(" [ ");
            }

            widths.Number(Width(glyph));
            previous = glyph;
        }

        widths.Raw(previous >= 0 ? "] ]" : "]");
        int cidFont = file.Add(new PdfBytes().Raw("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /").Raw(name)
            .Raw(" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ").Integer(descriptor)
            .Raw(" 0 R /CIDToGIDMap /Identity /W ").Raw(widths.Span).Raw(" >>"));

        int toUnicode = file.WriteStream(ToUnicodeMap(), new PdfBytes());
        return file.Add(new PdfBytes().Raw("<< /Type /Font /Subtype /Type0 /BaseFont /").Raw(name)
            .Raw(" /Encoding /Identity-H /DescendantFonts [ ").Integer(cidFont).Raw(" 0 R ] /ToUnicode ").Integer(toUnicode).Raw(" 0 R >>"));
    }

    /// <summary>The CMap from glyph ids to the text they show (ISO 32000-1, 9.10.3).</summary>
    private byte[] ToUnicodeMap()
    {
        var map = new PdfBytes().Raw(
            "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" +
            "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        var mapped = _glyphs.Where(g => g.Value is { Length: > 0 }).Select(g => (Glyph: g.Key, Text: Encoding.UTF8.GetString(g.Value!))).ToList();
        for (int at = 0; at < mapped.Count; at += 100)
        {
            var block = mapped.Skip(at).Take(100).ToList();
            map.Integer(block.Count).Raw(" beginbfchar\n");
            foreach (var (glyph, text) in block)
            {
                map.Raw("<").Hex4(glyph).Raw("> <");
                foreach (var c in text) map.Hex4(c);
                map.Raw(">\n");
            }

            map.Raw("endbfchar\n");
        }

        map.Raw("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        return map.ToArray();
    }

    /// <summary>Six capital letters that name this subset (ISO 32000-1, 9.6.4), the same for the same glyphs.</summary>
    private string SubsetTag()
    {
        uint hash = 2166136261;
        foreach (var glyph in _glyphs.Keys) hash = (hash ^ (uint)glyph) * 16777619;
        foreach (var c in PostScriptName()) hash = (hash ^ c) * 16777619;
        var tag = new char[6];
        for (int i = 0; i < 6; i++)
        {
            tag[i] = (char)('A' + hash % 26);
            hash /= 26;
        }

        return new string(tag);
    }

    private string? _postScriptName;

    /// <summary>The font's PostScript name (name id 6), reduced to characters allowed in a PDF name.</summary>
    private string PostScriptName() => _postScriptName ??= ReadPostScriptName(Face.Table("name")) ?? "Font";

    private static string? ReadPostScriptName(byte[] table)
    {
        if (table.Length < 6) return null;
        int count = BinaryPrimitives.ReadUInt16BigEndian(table.AsSpan(2));
        int strings = BinaryPrimitives.ReadUInt16BigEndian(table.AsSpan(4));
        string? best = null;
        for (int i = 0; i < count && 6 + i * 12 + 12 <= table.Length; i++)
        {
            var record = table.AsSpan(6 + i * 12);
            int platform = BinaryPrimitives.ReadUInt16BigEndian(record);
            int nameId = BinaryPrimitives.ReadUInt16BigEndian(record[6..]);
            int length = BinaryPrimitives.ReadUInt16BigEndian(record[8..]);
            int offset = strings + BinaryPrimitives.ReadUInt16BigEndian(record[10..]);
            if (nameId != 6 || offset + length > table.Length) continue;
            var bytes = table.AsSpan(offset, length);
            string value = platform is 0 or 3 ? Encoding.BigEndianUnicode.GetString(bytes) : Encoding.Latin1.GetString(bytes);
            best = new string(value.Where(c => c is > ' ' and <= '~' and not ('[' or ']' or '(' or ')' or '{' or '}' or '<' or '>' or '/' or '%' or '#')).ToArray());
            if (best.Length > 0) break;
        }

        return string.IsNullOrEmpty(best) ? null : best;
    }
}
