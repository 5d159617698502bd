using System.Collections.Concurrent;
using Blueprint.Layout;
using Blueprint.Rendering.Native;

namespace Blueprint.Rendering.Text;

/// <summary>
/// Glyphs of one run of a line (one font), in visual order: glyph ids of <see cref="Face"/> (drawn bolder or slanted
/// by fontconfig when <see cref="Synthetic"/>), pen positions in points
/// from the line's left edge (<see cref="X"/>) and from the baseline, down (<see cref="Y"/>), and for each glyph the
/// byte range of the text it shows in <see cref="GlyphLine.Utf8"/> (start -1 for the later glyphs of a cluster).
/// </summary>
internal sealed record GlyphRun(FontFace Face, bool Synthetic, ushort[] Glyphs, float[] X, float[] Y, int[] TextStart, int[] TextEnd);

/// <summary>
/// One line of text as shaped by Pango: its runs, width and baseline (down from the line's top), in points, and where
/// characters no installed font has stand (left edge and width from the line's left; drawn as empty boxes, as Pango does).
/// </summary>
internal sealed record GlyphLine(GlyphRun[] Runs, double Width, double Baseline, byte[] Utf8, (float X, float Width)[] Missing);

/// <summary>
/// Lines of text as Pango shapes them, kept by (text, font) for every output that draws text itself (PDF) or
/// needs where a line's baseline is (SVG). The measurer files each line of a wrapped text here as it wraps it, so
/// a line is shaped once per run, not again when drawn; a line never measured is shaped when first asked for.
/// A line's glyphs do not depend on where it was cut from: the last glyph's advance (the only thing kerning
/// with the next, cut-off character can change) is taken from the font, and lines with right-to-left runs are not
/// filed from paragraphs, so whichever thread or document files a line first, it is the same line.
/// </summary>
internal static unsafe class GlyphLines
{
    private const int MaxLines = 200_000;

    private static readonly ConcurrentDictionary<(string Text, FontSpec Font), GlyphLine> s_lines = new(Environment.ProcessorCount, 32_768);
    private static int s_added;

    /// <summary>The shaped line for <paramref name="text"/> (one line; line breaks in it are shown as spaces).</summary>
    public static GlyphLine Get(string text, FontSpec font)
    {
        if (s_lines.TryGetValue((text, font), out var line)) return line;
        line = Shape(text, font);
        Remember(text, font, line);
        return line;
    }

    /// <summary>Shapes <paramref name="text"/> as one line now, bypassing the cache.</summary>
    internal static GlyphLine Shape(string text, FontSpec font)
    {
        var utf8 = PangoThreadContext.ToUtf8(text);
        using var layout = PangoThreadContext.Current.CreateLineLayout(text, font);
        return FromLayoutLine(Pango.LayoutGetLineReadonly(layout, 0), utf8, utf8.Length, font.Size);
    }

    /// <summary>
    /// Files the line of a wrapped layout that shows <paramref name="text"/> (its bytes end at <paramref name="end"/>).
    /// A line with right-to-left runs is not filed: its runs' order depends on the paragraph's direction, so it is
    /// shaped alone when drawn.
    /// </summary>
    public static void Remember(string text, FontSpec font, Pango.LayoutLine* line, byte[] utf8, int end)
    {
        for (var cell = line->Runs; cell != null; cell = cell->Next)
            if ((((Pango.GlyphItem*)cell->Data)->Item->Level & 1) != 0) return;
        if (!s_lines.ContainsKey((text, font))) Remember(text, font, FromLayoutLine(line, utf8, end, font.Size));
    }

    private static void Remember(string text, FontSpec font, GlyphLine line)
    {
        if (Interlocked.Increment(ref s_added) > MaxLines)
        {
            s_lines.Clear();
            Interlocked.Exchange(ref s_added, 0);
        }

        s_lines.TryAdd((text, font), line);
    }

    /// <summary>The glyphs of a Pango layout line whose characters start before byte <paramref name="end"/> (trailing spaces cut off).</summary>
    private static GlyphLine FromLayoutLine(Pango.LayoutLine* line, byte[] utf8, int end, double size)
    {
        Pango.Rectangle logical;
        Pango.LayoutLineGetExtents(line, null, &logical);
        var runs = new List<GlyphRun>();
        double pen = 0;
        double lastEnd = 0, lastNominalEnd = 0; // the pen after the last glyph drawn: as shaped, and with the font's own advance
        var missing = new List<(float X, float Width)>();
        for (var cell = line->Runs; cell != null; cell = cell->Next)
        {
            var item = (Pango.GlyphItem*)cell->Data;
            var glyphs = item->Glyphs;
            int offset = item->Item->Offset, itemEnd = offset + item->Item->Length;
            var use = FontFace.Of(item->Item->Font);
            var face = use.Face;
            int n = glyphs->NumGlyphs, kept = 0;
            var ids = new ushort[n];
            var xs = new float[n];
            var ys = new float[n];
            var textStart = new int[n];
            var textEnd = new int[n];
            for (int i = 0; i < n; i++)
            {
                var info = glyphs->Glyphs[i];
                int start = offset + glyphs->LogClusters[i];
                double advance = info.Width / (double)Pango.Scale;
                if (start >= end) continue; // trailing whitespace cut from the line
                // Nothing to draw, or a character no font has (the render warns about those): only its room is kept.
                if (info.Glyph == Pango.GlyphEmpty || (info.Glyph & Pango.GlyphUnknownFlag) != 0 || info.Glyph > ushort.MaxValue)
                {
                    // PANGO_GLYPH_UNKNOWN_FLAG carries the character: line breaks and other controls get no box.
                    uint character = info.Glyph & ~Pango.GlyphUnknownFlag;
                    if ((info.Glyph & Pango.GlyphUnknownFlag) != 0 && info.Glyph != Pango.GlyphEmpty && character >= 0x20 && character is not (>= 0x7F and < 0xA0) and not 0x2028 and not 0x2029)
                        missing.Add(((float)pen, (float)advance));
                    pen += advance;
                    continue;
                }

                ids[kept] = (ushort)info.Glyph;
                xs[kept] = (float)(pen + info.XOffset / (double)Pango.Scale);
                ys[kept] = (float)((info.YOffset - item->YOffset) / (double)Pango.Scale);
                // The first glyph of a cluster shows its text, up to the next cluster's start (or the item's end).
                bool first = true;
                for (int j = 0; j < kept && first; j++) first = textStart[j] != start;
                int clusterEnd = itemEnd;
                for (int j = 0; j < n; j++)
                {
                    int other = offset + glyphs->LogClusters[j];
                    if (other > start && other < clusterEnd) clusterEnd = other;
                }

                textStart[kept] = first ? start : -1;
                textEnd[kept] = first ? Math.Min(clusterEnd, end) : -1;
                kept++;
                lastNominalEnd = pen + face.Advance((int)info.Glyph) * size / face.UnitsPerEm;
                pen += advance;
                lastEnd = pen;
            }

            if (kept == 0) continue;
            if (kept < n)
            {
                Array.Resize(ref ids, kept);
                Array.Resize(ref xs, kept);
                Array.Resize(ref ys, kept);
                Array.Resize(ref textStart, kept);
                Array.Resize(ref textEnd, kept);
            }

            runs.Add(new GlyphRun(face, use.Synthetic, ids, xs, ys, textStart, textEnd));
        }

        // The last glyph's own advance, not one kerned against a character cut off after it.
        double width = pen - lastEnd + lastNominalEnd;
        return new GlyphLine([.. runs], width, -logical.Y / (double)Pango.Scale, utf8, [.. missing]);
    }
}
