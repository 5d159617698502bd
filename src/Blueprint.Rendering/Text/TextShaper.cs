using System.Buffers;
using System.Globalization;
using Blueprint.Layout;
using Blueprint.Rendering.Text.Unicode;
using HarfBuzzSharp;
using Buffer = HarfBuzzSharp.Buffer;

namespace Blueprint.Rendering.Text;

/// <summary>
/// A run of one face, script and bidi level, shaped: glyphs in visual order (HarfBuzz's output order), each with the
/// UTF-16 index of its cluster in the paragraph, its advance and offsets in points, and whether a line may not be cut
/// before it without shaping again (HarfBuzz's unsafe-to-break).
/// </summary>
internal sealed record ShapedItem(
    int Start, int End, FontFace Face, bool FakeBold, bool FakeItalic, byte Level, Script Script,
    ushort[] Glyphs, int[] Clusters, float[] Advances, float[] OffsetX, float[] OffsetY, bool[] UnsafeToBreak)
{
    public bool IsRightToLeft => (Level & 1) != 0;
}

/// <summary>A paragraph shaped in logical order: its items, bidi levels and, per UTF-16 index, the advance of the cluster that starts there.</summary>
internal sealed record ShapedParagraph(string Text, float Size, BidiParagraph Bidi, ShapedItem[] Items, float[] Advances, int MissingGlyphs);

/// <summary>
/// Shapes text with HarfBuzz: splits it into runs of one face (the requested one, else a fallback font chosen per
/// grapheme cluster, so a cluster is never split between fonts), one script and one bidi level, and shapes each run
/// with the whole paragraph as context.
/// </summary>
internal static class TextShaper
{
    [ThreadStatic]
    private static Buffer? t_buffer;

    public static ShapedParagraph Shape(string text, FontSpec spec)
    {
        var resolved = Fonts.Resolve(spec);
        // Controls (line breaks, tabs) are shaped as spaces, and bidi sees them so too: lines never show them, a tab is
        // a space in a card, and every drawn line is resolved again as a paragraph of its own.
        string shapedText = WithoutControls(text);
        var bidi = Bidi.Resolve(shapedText);
        var faces = ArrayPool<FontFace>.Shared.Rent(shapedText.Length);
        var scripts = ArrayPool<Script>.Shared.Rent(shapedText.Length);
        int missing = ChooseFaces(shapedText, spec, resolved.Face, faces);
        Scripts(shapedText, scripts);
        var items = new List<ShapedItem>();
        var advances = new float[text.Length];
        int start = 0;
        for (int i = 1; i <= shapedText.Length; i++)
        {
            if (i < shapedText.Length && faces[i] == faces[start] && scripts[i] == scripts[start] && bidi.Levels[i] == bidi.Levels[start]) continue;
            var face = faces[start];
            bool primary = face == resolved.Face;
            var item = ShapeItem(shapedText, start, i, face, primary && resolved.FakeBold, primary && resolved.FakeItalic, bidi.Levels[start], scripts[start], (float)spec.Size);
            for (int g = 0; g < item.Glyphs.Length; g++) advances[item.Clusters[g]] += item.Advances[g];
            items.Add(item);
            start = i;
        }

        ArrayPool<FontFace>.Shared.Return(faces, clearArray: true);
        ArrayPool<Script>.Shared.Return(scripts);
        return new ShapedParagraph(text, (float)spec.Size, bidi, [.. items], advances, missing);
    }

    private static ShapedItem ShapeItem(string text, int start, int end, FontFace face, bool fakeBold, bool fakeItalic, byte level, Script script, float size)
    {
        var buffer = t_buffer ??= new Buffer();
        buffer.ClearContents();
        buffer.AddUtf16(text.AsSpan(), start, end - start);
        buffer.Direction = (level & 1) != 0 ? Direction.RightToLeft : Direction.LeftToRight;
        buffer.Script = script;
        buffer.Language = Language.Default;
        face.HarfBuzz.Shape(buffer);
        var infos = buffer.GetGlyphInfoSpan();
        var positions = buffer.GetGlyphPositionSpan();
        int n = infos.Length;
        var glyphs = new ushort[n];
        var clusters = new int[n];
        var advances = new float[n];
        var offsetX = new float[n];
        var offsetY = new float[n];
        var unsafeToBreak = new bool[n];
        float scale = size / face.UnitsPerEm;
        for (int g = 0; g < n; g++)
        {
            glyphs[g] = (ushort)infos[g].Codepoint;
            clusters[g] = (int)infos[g].Cluster;
            advances[g] = positions[g].XAdvance * scale;
            offsetX[g] = positions[g].XOffset * scale;
            offsetY[g] = -positions[g].YOffset * scale;
            unsafeToBreak[g] = (infos[g].GlyphFlags & GlyphFlags.UnsafeToBreak) != 0;
        }

        return new ShapedItem(start, end, face, fakeBold, fakeItalic, level, script, glyphs, clusters, advances, offsetX, offsetY, unsafeToBreak);
    }

    /// <summary>
    /// The face for each UTF-16 index: per grapheme cluster, the requested face when it has every character of the
    /// cluster, else the fallback face last used, else one the font manager finds for the cluster's first character;
    /// a cluster no font can show stays in the requested face (drawn as a box) and is counted.
    /// </summary>
    private static int ChooseFaces(string text, FontSpec spec, FontFace primary, FontFace[] faces)
    {
        int missing = 0;
        FontFace? lastFallback = null;
        for (int i = 0; i < text.Length;)
        {
            int length = text[i] < 0x80 && (i + 1 == text.Length || text[i + 1] < 0x300) ? 1 : StringInfo.GetNextTextElementLength(text, i);
            var cluster = text.AsSpan(i, length);
            var face = primary;
            if (!HasAll(primary, cluster))
            {
                if (lastFallback is not null && HasAll(lastFallback, cluster)) face = lastFallback;
                else if (FirstVisible(cluster) is int codePoint && Fonts.Fallback(codePoint, spec) is { } fallback && HasAll(fallback, cluster))
                {
                    face = fallback;
                    lastFallback = fallback;
                }
                else missing++;
            }

            faces.AsSpan(i, length).Fill(face);
            i += length;
        }

        return missing;
    }

    private static bool HasAll(FontFace face, ReadOnlySpan<char> cluster)
    {
        foreach (var rune in cluster.EnumerateRunes())
        {
            if (!IsInvisible(rune.Value) && !face.Has(rune.Value)) return false;
        }

        return true;
    }

    private static int? FirstVisible(ReadOnlySpan<char> cluster)
    {
        foreach (var rune in cluster.EnumerateRunes())
        {
            if (!IsInvisible(rune.Value)) return rune.Value;
        }

        return null;
    }

    /// <summary>Characters that need no glyph: spaces, controls and default-ignorable format characters (joiners, selectors, bidi marks).</summary>
    internal static bool IsInvisible(int c) =>
        c <= 0x20 || c is (>= 0x7F and <= 0xA0) or 0xAD or 0x34F or 0x61C or 0x115F or 0x1160 or (>= 0x17B4 and <= 0x17B5) or (>= 0x180B and <= 0x180F)
            or (>= 0x2000 and <= 0x200F) or (>= 0x2028 and <= 0x202F) or (>= 0x205F and <= 0x206F) or 0x3000 or 0x3164 or (>= 0xFE00 and <= 0xFE0F)
            or 0xFEFF or 0xFFA0 or (>= 0xFFF0 and <= 0xFFF8) or (>= 0x1BCA0 and <= 0x1BCA3) or (>= 0x1D173 and <= 0x1D17A) or (>= 0xE0000 and <= 0xE0FFF);

    /// <summary>The script of each UTF-16 index; Common and Inherited characters take their neighbour's script.</summary>
    private static void Scripts(string text, Script[] scripts)
    {
        var unicode = UnicodeFunctions.Default;
        Script current = Script.Invalid;
        for (int i = 0; i < text.Length;)
        {
            int codePoint = char.IsSurrogatePair(text, i) ? char.ConvertToUtf32(text[i], text[i + 1]) : text[i];
            int length = codePoint > 0xFFFF ? 2 : 1;
            Script script = codePoint < 0x80 ? (char.IsAsciiLetter((char)codePoint) ? Script.Latin : Script.Common) : unicode.GetScript(codePoint);
            if (script != Script.Common && script != Script.Inherited && script != Script.Unknown) current = script;
            scripts.AsSpan(i, length).Fill(script == Script.Common || script == Script.Inherited || script == Script.Unknown ? current : script);
            i += length;
        }

        // Leading Common characters take the first real script (or Latin when there is none).
        int firstReal = scripts.AsSpan(0, text.Length).IndexOfAnyExcept(Script.Invalid);
        var first = firstReal < 0 ? Script.Latin : scripts[firstReal];
        for (int i = 0; i < text.Length && scripts[i] == Script.Invalid; i++) scripts[i] = first;
    }

    /// <summary>The text with every control character (line breaks, tabs, U+2028/9) as a space: how a line is drawn.</summary>
    internal static string WithoutControls(string text)
    {
        int i = 0;
        while (i < text.Length && !IsControl(text[i])) i++;
        if (i == text.Length) return text;
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (int j = 0; j < source.Length; j++) span[j] = IsControl(source[j]) ? ' ' : source[j];
        });
    }

    private static bool IsControl(char c) => c < 0x20 || c is (>= '\u007F' and <= '\u009F') or '\u2028' or '\u2029';

}
