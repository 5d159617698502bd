using System.Buffers.Binary;
using Blueprint.Rendering.Text;

namespace Blueprint.Rendering.Pdf;

/// <summary>
/// A TrueType font program holding only the glyphs a document draws. Glyph ids stay as they are (the PDF font maps
/// character codes to glyph ids one to one), so the glyphs not drawn are simply left empty: their outlines are cut
/// from <c>glyf</c> and <c>loca</c> points past them. Composite glyphs keep the glyphs they are built from.
/// Our PDF writer embeds it as a CID font; Skia's PDF writer embeds a font file whole (the SkiaSharp build has no
/// subsetter), so the Skia PDF canvas hands it this instead.
/// </summary>
internal static class TrueTypeSubset
{
    /// <summary>The tables a PDF viewer draws a TrueType font program with (ISO 32000-1, 9.9).</summary>
    public static readonly IReadOnlyList<string> ViewerTables = ["cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "prep"];

    /// <summary>The viewer's tables and those Skia reads to describe the font (cmap for the Unicode map, OS/2, name, post without glyph names).</summary>
    public static readonly IReadOnlyList<string> SkiaTables = [.. ViewerTables, "OS/2", "cmap", "name", "post"];

    /// <summary>Whether <paramref name="face"/> is a TrueType-outline font this can subset (CFF and bitmap fonts are not).</summary>
    public static bool CanSubset(FontFace face) =>
        FontTables.Has(face, "glyf") && FontTables.Has(face, "loca") && FontTables.Size(face, "head") >= 54;

    /// <summary>The font program with only <paramref name="glyphs"/> (and what they are built of), of the given <paramref name="tables"/> where the font has them.</summary>
    public static byte[] Build(FontFace face, IEnumerable<int> glyphs, IReadOnlyList<string> tables)
    {
        byte[] Table(string tag) => FontTables.Read(face, tag);
        var head = Table("head");
        var loca = Table("loca");
        var glyf = Table("glyf");
        bool longOffsets = head.Length >= 52 && BinaryPrimitives.ReadInt16BigEndian(head.AsSpan(50)) == 1;
        int count = Math.Min(face.GlyphCount, loca.Length / (longOffsets ? 4 : 2) - 1);

        (int Start, int End) Span(int glyph)
        {
            if (glyph < 0 || glyph >= count) return (0, 0);
            int start = longOffsets ? (int)BinaryPrimitives.ReadUInt32BigEndian(loca.AsSpan(glyph * 4)) : BinaryPrimitives.ReadUInt16BigEndian(loca.AsSpan(glyph * 2)) * 2;
            int end = longOffsets ? (int)BinaryPrimitives.ReadUInt32BigEndian(loca.AsSpan(glyph * 4 + 4)) : BinaryPrimitives.ReadUInt16BigEndian(loca.AsSpan(glyph * 2 + 2)) * 2;
            return start <= end && end <= glyf.Length ? (start, end) : (0, 0);
        }

        // The glyphs drawn, .notdef, and every component of a composite glyph, transitively.
        var used = new SortedSet<int>();
        var pending = new Stack<int>(glyphs.Append(0).Where(g => g >= 0 && g < count));
        while (pending.Count > 0)
        {
            int glyph = pending.Pop();
            if (!used.Add(glyph)) continue;
            var (start, end) = Span(glyph);
            foreach (var component in Components(glyf.AsSpan(start, end - start)))
                if (component < count && !used.Contains(component)) pending.Push(component);
        }

        // Glyphs past the last one drawn are left out altogether: a cmap entry for them then maps to nothing.
        count = used.Max + 1;
        var newGlyf = new MemoryStream();
        var newLoca = new byte[(count + 1) * 4];
        for (int glyph = 0; glyph < count; glyph++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(glyph * 4), (uint)newGlyf.Length);
            if (!used.Contains(glyph)) continue;
            var (start, end) = Span(glyph);
            newGlyf.Write(glyf, start, end - start);
            while (newGlyf.Length % 4 != 0) newGlyf.WriteByte(0);
        }

        BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(count * 4), (uint)newGlyf.Length);

        var newHead = (byte[])head.Clone();
        BinaryPrimitives.WriteUInt32BigEndian(newHead.AsSpan(8), 0); // checkSumAdjustment, set below
        BinaryPrimitives.WriteInt16BigEndian(newHead.AsSpan(50), 1); // long loca offsets

        var maxp = Table("maxp");
        if (maxp.Length >= 6) BinaryPrimitives.WriteUInt16BigEndian(maxp.AsSpan(4), (ushort)count);

        // Metrics of the glyphs left out are zeroed too: viewers take advances from the PDF's /W, and zeros compress away.
        var hhea = Table("hhea");
        var hmtx = Table("hmtx");
        int metrics = hhea.Length >= 36 ? Math.Min(BinaryPrimitives.ReadUInt16BigEndian(hhea.AsSpan(34)), hmtx.Length / 4) : 0;
        for (int glyph = 0; glyph < count; glyph++)
        {
            // The last long metric is kept whatever: every glyph after it takes its advance from there.
            if (used.Contains(glyph) || glyph == metrics - 1) continue;
            if (glyph < metrics) hmtx.AsSpan(glyph * 4, 4).Clear();
            else if (metrics * 4 + (glyph - metrics) * 2 + 2 <= hmtx.Length) hmtx.AsSpan(metrics * 4 + (glyph - metrics) * 2, 2).Clear();
        }

        // The kept glyphs' metrics are a prefix of the table (long metrics, then left side bearings).
        int keptMetrics = Math.Min(metrics, count);
        hmtx = hmtx.AsSpan(0, Math.Min(hmtx.Length, keptMetrics * 4 + (count - keptMetrics) * 2)).ToArray();
        if (hhea.Length >= 36) BinaryPrimitives.WriteUInt16BigEndian(hhea.AsSpan(34), (ushort)keptMetrics);

        var kept = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var tag in tables)
        {
            var data = tag switch
            {
                "head" => newHead,
                "loca" => newLoca,
                "glyf" => newGlyf.ToArray(),
                "maxp" => maxp,
                "hmtx" => hmtx,
                "hhea" => hhea,
                "name" => NamesOnly(Table(tag)),
                "post" => PostWithoutNames(Table(tag)),
                _ => Table(tag),
            };
            if (data.Length > 0) kept[tag] = data;
        }

        var font = Assemble(kept);
        uint adjustment = 0xB1B0AFBA - Checksum(font);
        int headOffset = TableOffset(font, "head");
        BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(headOffset + 8), adjustment);
        return font;
    }

    /// <summary>The name table with only the font's names (ids 0-6: copyright, family, style, id, full name, version, PostScript name), not its licence text and descriptions.</summary>
    private static byte[] NamesOnly(byte[] name)
    {
        if (name.Length < 6 || BinaryPrimitives.ReadUInt16BigEndian(name) != 0) return name;
        int records = BinaryPrimitives.ReadUInt16BigEndian(name.AsSpan(2)), storage = BinaryPrimitives.ReadUInt16BigEndian(name.AsSpan(4));
        if (6 + records * 12 > name.Length) return name;
        var kept = new List<int>();
        for (int i = 0; i < records; i++)
            if (BinaryPrimitives.ReadUInt16BigEndian(name.AsSpan(6 + i * 12 + 6)) <= 6) kept.Add(i);
        var strings = new MemoryStream();
        var table = new byte[6 + kept.Count * 12];
        BinaryPrimitives.WriteUInt16BigEndian(table.AsSpan(2), (ushort)kept.Count);
        BinaryPrimitives.WriteUInt16BigEndian(table.AsSpan(4), (ushort)table.Length);
        for (int k = 0; k < kept.Count; k++)
        {
            var record = name.AsSpan(6 + kept[k] * 12, 12);
            int length = BinaryPrimitives.ReadUInt16BigEndian(record[8..]), offset = storage + BinaryPrimitives.ReadUInt16BigEndian(record[10..]);
            if (offset + length > name.Length) return name;
            record.CopyTo(table.AsSpan(6 + k * 12));
            BinaryPrimitives.WriteUInt16BigEndian(table.AsSpan(6 + k * 12 + 10), (ushort)strings.Length);
            strings.Write(name, offset, length);
        }

        return [.. table, .. strings.ToArray()];
    }

    /// <summary>The post table as version 3 (no glyph names, which can be a large part of a font).</summary>
    private static byte[] PostWithoutNames(byte[] post)
    {
        if (post.Length < 32) return post;
        var header = post.AsSpan(0, 32).ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(header, 0x00030000);
        return header;
    }

    /// <summary>The glyph ids a composite glyph is built from (none for a simple glyph).</summary>
    internal static List<int> Components(ReadOnlySpan<byte> glyph)
    {
        var components = new List<int>();
        if (glyph.Length < 10 || BinaryPrimitives.ReadInt16BigEndian(glyph) >= 0) return components;
        int at = 10;
        while (at + 4 <= glyph.Length)
        {
            ushort flags = BinaryPrimitives.ReadUInt16BigEndian(glyph[at..]);
            components.Add(BinaryPrimitives.ReadUInt16BigEndian(glyph[(at + 2)..]));
            at += 4 + ((flags & 0x0001) != 0 ? 4 : 2);
            if ((flags & 0x0008) != 0) at += 2;
            else if ((flags & 0x0040) != 0) at += 4;
            else if ((flags & 0x0080) != 0) at += 8;
            if ((flags & 0x0020) == 0) break;
        }

        return components;
    }

    /// <summary>An sfnt file of the given tables (tags in ascending order), each padded to four bytes.</summary>
    private static byte[] Assemble(SortedDictionary<string, byte[]> tables)
    {
        int n = tables.Count;
        int power = 1, log = 0;
        while (power * 2 <= n) { power *= 2; log++; }
        int offset = 12 + 16 * n;
        int size = offset + tables.Values.Sum(t => (t.Length + 3) & ~3);
        var font = new byte[size];
        var span = font.AsSpan();
        BinaryPrimitives.WriteUInt32BigEndian(span, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], (ushort)n);
        BinaryPrimitives.WriteUInt16BigEndian(span[6..], (ushort)(power * 16));
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], (ushort)log);
        BinaryPrimitives.WriteUInt16BigEndian(span[10..], (ushort)(n * 16 - power * 16));
        int entry = 12;
        foreach (var (tag, data) in tables)
        {
            for (int i = 0; i < 4; i++) font[entry + i] = (byte)tag[i];
            data.CopyTo(font, offset);
            BinaryPrimitives.WriteUInt32BigEndian(span[(entry + 4)..], Checksum(font.AsSpan(offset, (data.Length + 3) & ~3)));
            BinaryPrimitives.WriteUInt32BigEndian(span[(entry + 8)..], (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(span[(entry + 12)..], (uint)data.Length);
            entry += 16;
            offset += (data.Length + 3) & ~3;
        }

        return font;
    }

    private static int TableOffset(byte[] font, string tag)
    {
        int n = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        for (int i = 0; i < n; i++)
        {
            int entry = 12 + 16 * i;
            if (font[entry] == tag[0] && font[entry + 1] == tag[1] && font[entry + 2] == tag[2] && font[entry + 3] == tag[3])
                return (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(entry + 8));
        }

        throw new InvalidOperationException($"no {tag} table");
    }

    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        int i = 0;
        for (; i + 4 <= data.Length; i += 4) sum += BinaryPrimitives.ReadUInt32BigEndian(data[i..]);
        if (i < data.Length)
        {
            Span<byte> last = stackalloc byte[4];
            data[i..].CopyTo(last);
            sum += BinaryPrimitives.ReadUInt32BigEndian(last);
        }

        return sum;
    }
}
