using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Blueprint.Layout;
using Blueprint.Rendering.Text.Unicode;
using HarfBuzzSharp;
using SkiaSharp;

namespace Blueprint.Rendering.Text;

/// <summary>
/// Measures, wraps and shapes text for every output: HarfBuzz shapes, line breaking follows UAX #14 (words
/// first, then characters: a word longer than a line is cut between grapheme clusters), visual order UAX #9.
/// Thread-safe; an engine caches its wraps, and shaped lines are cached for the process (<see cref="ShapedLines"/>),
/// both keyed by text and font.
/// </summary>
public sealed class TextEngine : ITextMeasurer
{
    private const string Ellipsis = "…";
    private const int MaxCachedEntries = 100_000;
    private const float Tolerance = 1e-3f;
    private const char SoftHyphen = '\u00AD';

    private readonly ConcurrentDictionary<(string Text, FontSpec Font, double MaxWidth, int MaxLines), WrappedText> _wraps = new(Environment.ProcessorCount, 16_384);
    private int _added;
    private readonly bool _keepLinesForDrawing;

    // Per thread, reused for every paragraph: the break opportunities and the running widths.
    [ThreadStatic]
    private static List<LineBreak>? t_breaks;
    [ThreadStatic]
    private static float[]? t_prefix;

    /// <param name="keepLinesForDrawing">
    /// Files the glyphs of each wrapped line for the canvases, so they need not shape it again; a measurer that only
    /// checks text (lint) need not.
    /// </param>
    public TextEngine(bool keepLinesForDrawing = true) => _keepLinesForDrawing = keepLinesForDrawing;

    /// <summary>An engine that keeps lines for drawing, for callers that need no cache of their own.</summary>
    public static TextEngine Shared { get; } = new();

    /// <inheritdoc />
    /// <remarks>
    /// <paramref name="maxWidth"/> of <see cref="double.PositiveInfinity"/> means no wrapping; <paramref name="maxLines"/>
    /// of zero or less means no line limit. Lines come back without trailing whitespace and without line-break
    /// characters; empty text, or white space alone, gives no lines. <see cref="WrappedText.LineHeight"/> is the tallest line's height
    /// (a fallback font, e.g. for CJK, can be taller than the requested one).
    /// </remarks>
    public WrappedText Wrap(string text, FontSpec font, double maxWidth, int maxLines)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(font);
        if (double.IsNaN(maxWidth) || maxWidth < 0) throw new ArgumentOutOfRangeException(nameof(maxWidth), maxWidth, "Width must be zero or more points.");

        var key = (text, font, maxWidth, maxLines);
        if (_wraps.TryGetValue(key, out var cached)) return cached;
        var result = Measure(text, font, maxWidth, maxLines, _keepLinesForDrawing);
        if (Interlocked.Increment(ref _added) > MaxCachedEntries)
        {
            _wraps.Clear();
            Interlocked.Exchange(ref _added, 0);
        }

        _wraps.TryAdd(key, result);
        return result;
    }

    /// <summary>The family drawn for <paramref name="family"/> when it is not installed; null when it is.</summary>
    public static string? SubstituteFor(string family) => Fonts.SubstituteFor(family);

    private static WrappedText Measure(string text, FontSpec font, double maxWidth, int maxLines, bool keepLines)
    {
        var paragraph = TextShaper.Shape(text, font);
        var lines = BreakLines(paragraph, (float)maxWidth, text.Contains(SoftHyphen) ? HyphenWidth(font) : 0);
        int keep = maxLines > 0 ? Math.Min(lines.Count, maxLines) : lines.Count;
        bool truncated = keep < lines.Count;
        var texts = new List<string>(keep);
        double width = 0, lineHeight = 0;
        for (int i = 0; i < keep; i++)
        {
            var (start, end) = lines[i];
            if (truncated && i == keep - 1)
            {
                var (fitted, fittedWidth, height) = FitWithEllipsis(text[start..], font, maxWidth);
                texts.Add(fitted);
                width = Math.Max(width, fittedWidth);
                lineHeight = Math.Max(lineHeight, height);
                break;
            }

            int trimmed = TrimEnd(text, start, end);
            if (BrokenAtSoftHyphen(text, start, end, trimmed))
            {
                // Broken at a soft hyphen: the line shows a hyphen there.
                texts.Add(string.Concat(text.AsSpan(start, trimmed - 1 - start), "-"));
                width = Math.Max(width, Width(paragraph, start, trimmed) + HyphenWidth(font));
            }
            else
            {
                texts.Add(text[start..trimmed]);
                if (keepLines) ShapedLines.RememberSlice(paragraph, texts[^1], font, start, trimmed);
                width = Math.Max(width, Width(paragraph, start, trimmed));
            }

            lineHeight = Math.Max(lineHeight, LineHeight(paragraph, start, Math.Max(trimmed, start + 1), font));
        }

        // With no lines, the height a line of the font would have.
        if (texts.Count == 0) lineHeight = LineHeight(paragraph, 0, text.Length, font);

        // Nothing to show: no lines, as for the empty text (a card of spaces is no taller than an empty one).
        if (string.IsNullOrWhiteSpace(text))
        {
            texts.Clear();
            width = 0;
            truncated = false;
        }

        return new WrappedText(texts, width, lineHeight, truncated, paragraph.MissingGlyphs, (paragraph.Bidi.ParagraphLevel & 1) != 0);
    }

    /// <summary>
    /// Greedy line filling over the UAX #14 break opportunities: each line ends at the last opportunity whose text
    /// (trailing spaces aside) fits, or at a mandatory break; a line whose first word does not fit is cut between
    /// grapheme clusters. A line break at the very end adds no empty line.
    /// </summary>
    private static List<(int Start, int End)> BreakLines(ShapedParagraph paragraph, float maxWidth, float hyphenWidth)
    {
        string text = paragraph.Text;
        var lines = new List<(int, int)>();
        if (text.Length == 0) return lines;
        var breaks = t_breaks ??= [];
        LineBreaker.Breaks(text, breaks);
        var prefix = t_prefix is { } kept && kept.Length > text.Length ? kept : (t_prefix = new float[Math.Max(256, text.Length + 1)]);
        prefix[0] = 0;
        for (int i = 0; i < text.Length; i++) prefix[i + 1] = prefix[i] + paragraph.Advances[i];
        float WidthOf(int start, int end)
        {
            int trimmed = TrimEnd(text, start, end);
            return prefix[trimmed] - prefix[start] + (BrokenAtSoftHyphen(text, start, end, trimmed) ? hyphenWidth : 0);
        }

        int lineStart = 0, next = 0;
        while (lineStart < text.Length)
        {
            int end = -1;
            for (; next < breaks.Count; next++)
            {
                var candidate = breaks[next];
                if (candidate.Position <= lineStart) continue;
                if (WidthOf(lineStart, candidate.Position) > maxWidth + Tolerance) break;
                end = candidate.Position;
                if (candidate.Mandatory)
                {
                    next++;
                    break;
                }
            }

            if (end < 0) end = CutWord(text, lineStart, WidthOf, maxWidth);
            lines.Add((lineStart, end));
            lineStart = end;
        }

        return lines;
    }

    /// <summary>The end of as many grapheme clusters from <paramref name="start"/> as fit (at least one).</summary>
    private static int CutWord(string text, int start, Func<int, int, float> widthOf, float maxWidth)
    {
        int end = start + StringInfo.GetNextTextElementLength(text, start);
        while (end < text.Length)
        {
            int further = end + StringInfo.GetNextTextElementLength(text, end);
            if (widthOf(start, further) > maxWidth + Tolerance) break;
            end = further;
        }

        return end;
    }

    private static float HyphenWidth(FontSpec font) => ShapedLines.Get("-", font).Width;

    /// <summary>Whether the line text[start..end) ends at the break a soft hyphen allows, right after it (so it shows a hyphen).</summary>
    private static bool BrokenAtSoftHyphen(string text, int start, int end, int trimmed) =>
        end == trimmed && end > start && end < text.Length && text[end - 1] == SoftHyphen;

    private static int TrimEnd(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return end;
    }

    private static float Width(ShapedParagraph paragraph, int start, int end)
    {
        float width = 0;
        for (int i = start; i < end; i++) width += paragraph.Advances[i];
        return width;
    }

    /// <summary>The height of the text[start..end) line: the tallest ascent plus the deepest descent of the faces in it.</summary>
    private static double LineHeight(ShapedParagraph paragraph, int start, int end, FontSpec font)
    {
        var (ascent, descent) = Extent(paragraph.Items, start, end, Fonts.Resolve(font).Face);
        return (ascent + descent) * font.Size;
    }

    internal static (float Ascent, float Descent) Extent(IEnumerable<ShapedItem> items, int start, int end, FontFace primary)
    {
        float ascent = primary.Ascent, descent = primary.Descent;
        bool any = false;
        foreach (var item in items)
        {
            if (item.End <= start || item.Start >= end) continue;
            if (!any)
            {
                (ascent, descent, any) = (item.Face.Ascent, item.Face.Descent, true);
                continue;
            }

            ascent = Math.Max(ascent, item.Face.Ascent);
            descent = Math.Max(descent, item.Face.Descent);
        }

        return (ascent, descent);
    }

    /// <summary>The longest prefix of <paramref name="rest"/> (whole graphemes) that, with "…" appended, fits the width.</summary>
    private static (string Text, double Width, double Height) FitWithEllipsis(string rest, FontSpec font, double maxWidth)
    {
        var flat = string.Join(' ', rest.Split(['\r', '\n', '\u000B', '\u000C', '\u0085', '\u2028', '\u2029'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var starts = StringInfo.ParseCombiningCharacters(flat);

        string Candidate(int graphemes) => (graphemes >= starts.Length ? flat : flat[..starts[graphemes]]).TrimEnd() + Ellipsis;

        int low = 0, high = starts.Length - 1;
        var best = Ellipsis;
        var bestLine = ShapedLines.Shape(best, font);
        while (low <= high)
        {
            int mid = (low + high + 1) / 2;
            var candidate = Candidate(mid);
            var line = ShapedLines.Shape(candidate, font);
            if (line.Width <= maxWidth + Tolerance)
            {
                (best, bestLine) = (candidate, line);
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return (best, bestLine.Width, bestLine.Height);
    }
}

/// <summary>
/// Lines shaped for drawing, kept by (text, font): a line is shaped alone, as its own paragraph, so the same line text
/// gives the same glyphs whichever paragraph it came from. Its direction is that of its own first strong character, so a
/// line's look never depends on which paragraph was drawn first (a left-to-right line cut from a right-to-left
/// paragraph is drawn left to right).
/// </summary>
internal static class ShapedLines
{
    private const int MaxLines = 200_000;
    private static readonly ConcurrentDictionary<(string Text, FontSpec Font), ShapedLine> s_lines = new(Environment.ProcessorCount, 32_768);
    private static int s_added;

    /// <summary>The shaped line for <paramref name="text"/> (one line; line breaks in it are shown as spaces).</summary>
    public static ShapedLine Get(string text, FontSpec font)
    {
        if (s_lines.TryGetValue((text, font), out var line)) return line;
        line = Shape(text, font);
        Add(text, font, line);
        return line;
    }

    /// <summary>Whether the line is drawn right to left: its first strong character is (UAX #9, rules P2 and P3).</summary>
    public static bool IsRightToLeft(string line) =>
        line.AsSpan().IndexOfAnyInRange('\u0590', '\uFFFF') >= 0 && (Bidi.Resolve(line).ParagraphLevel & 1) != 0;

    /// <summary>
    /// Files the line text[start..end) of a measured paragraph without shaping it again, where that gives exactly the
    /// glyphs the line has when shaped alone: the paragraph is one run of the requested face (no fallback font, no
    /// right-to-left text, one script), and HarfBuzz says the text may be cut at both ends without shaping again.
    /// </summary>
    public static void RememberSlice(ShapedParagraph paragraph, string line, FontSpec font, int start, int end)
    {
        if (paragraph.Items.Length != 1 || end <= start || s_lines.ContainsKey((line, font))) return;
        var item = paragraph.Items[0];
        if (item.IsRightToLeft || item.Face != Fonts.Resolve(font).Face || !SafeToCut(item, start) || !SafeToCut(item, end)) return;
        // A line of digits and punctuation alone is shaped as Latin: cut from a paragraph in another script it would not be.
        if (item.Script != Script.Latin && !line.Any(char.IsLetter)) return;
        Add(line, font, Build(paragraph, start, end));
    }

    private static bool SafeToCut(ShapedItem item, int at)
    {
        if (at <= item.Start || at >= item.End) return true;
        for (int g = 0; g < item.Glyphs.Length; g++)
            if (item.Clusters[g] >= at) return !item.UnsafeToBreak[g];
        return true;
    }

    private static void Add(string text, FontSpec font, ShapedLine line)
    {
        if (Interlocked.Increment(ref s_added) > MaxLines)
        {
            s_lines.Clear();
            Interlocked.Exchange(ref s_added, 0);
        }

        s_lines.TryAdd((text, font), line);
    }

    /// <summary>Shapes one line now, as a paragraph of its own (its direction that of its first strong character).</summary>
    internal static ShapedLine Shape(string text, FontSpec font) => Build(TextShaper.Shape(text, font), 0, text.Length);

    /// <summary>The line paragraph.Text[start..end) for drawing: its visual runs, each a sequence of items in display order.</summary>
    private static ShapedLine Build(ShapedParagraph paragraph, int start, int end)
    {
        string text = paragraph.Text;
        var primary = paragraph.Items.Length > 0 ? paragraph.Items[0].Face : null;
        var (ascent, descent) = primary is null ? (0f, 0f) : TextEngine.Extent(paragraph.Items, start, end, primary);
        var runs = new List<GlyphRun>();
        var missing = new List<(float X, float Width)>();
        float pen = 0;
        int visibleEnd = end;
        while (visibleEnd > start && char.IsWhiteSpace(text[visibleEnd - 1])) visibleEnd--;
        var byteOffsets = ByteOffsets(text, start, visibleEnd);
        var run = new RunBuilder(paragraph.Size);
        foreach (var visual in Bidi.VisualRuns(text, paragraph.Bidi, start, end))
        {
            int runEnd = visual.Start + visual.Length;
            var items = paragraph.Items;
            for (int k = 0; k < items.Length; k++)
            {
                var item = items[visual.IsRightToLeft ? items.Length - 1 - k : k];
                if (item.Start >= runEnd || item.End <= visual.Start) continue;
                for (int g = 0; g < item.Glyphs.Length; g++)
                {
                    int cluster = item.Clusters[g];
                    if (cluster < visual.Start || cluster >= runEnd) continue;
                    float advance = item.Advances[g];
                    if (cluster >= visibleEnd)
                    {
                        run.Flush(runs, item, text, start, visibleEnd, byteOffsets);
                        pen += advance;
                        continue; // trailing whitespace: room only
                    }

                    if (item.Glyphs[g] == 0)
                    {
                        run.Flush(runs, item, text, start, visibleEnd, byteOffsets);
                        // HarfBuzz reads a lone surrogate as U+FFFD, which is no invisible character.
                        Rune.DecodeFromUtf16(text.AsSpan(cluster), out var character, out _);
                        if (!TextShaper.IsInvisible(character.Value)) missing.Add((pen, advance));
                        pen += advance;
                        continue;
                    }

                    run.Add(item.Glyphs[g], new SKPoint(pen + item.OffsetX[g], item.OffsetY[g]), cluster);
                    pen += advance;
                }

                run.Flush(runs, item, text, start, visibleEnd, byteOffsets);
            }
        }

        float width = 0;
        for (int i = start; i < visibleEnd; i++) width += paragraph.Advances[i];
        return new ShapedLine([.. runs], width, ascent * paragraph.Size, (ascent + descent) * paragraph.Size, [.. missing]);
    }

    /// <summary>The glyphs of one run as a line is built, item by item; a box or a space left out ends a run, so no glyph claims their text.</summary>
    private sealed class RunBuilder(float size)
    {
        private readonly List<ushort> _glyphs = [];
        private readonly List<SKPoint> _points = [];
        private readonly List<int> _clusters = [];
        private int _first = int.MaxValue, _last = -1;

        public void Add(ushort glyph, SKPoint point, int cluster)
        {
            _glyphs.Add(glyph);
            _points.Add(point);
            _clusters.Add(cluster);
            _first = Math.Min(_first, cluster);
            _last = Math.Max(_last, cluster);
        }

        /// <summary>Adds the glyphs so far as a run of <paramref name="item"/>'s face; its text runs from its first cluster to the start of the item's next one.</summary>
        public void Flush(List<GlyphRun> runs, ShapedItem item, string text, int start, int visibleEnd, int[] byteOffsets)
        {
            if (_glyphs.Count == 0) return;
            int textEnd = Math.Min(item.End, visibleEnd);
            foreach (var c in item.Clusters)
                if (c > _last && c < textEnd) textEnd = c;
            textEnd = Math.Max(textEnd, _last + 1);
            int byteStart = byteOffsets[_first - start];
            var utf8 = new byte[byteOffsets[textEnd - start] - byteStart];
            Encoding.UTF8.GetBytes(text.AsSpan(_first, textEnd - _first), utf8);
            var clusters = new uint[_clusters.Count];
            for (int c = 0; c < clusters.Length; c++) clusters[c] = (uint)(byteOffsets[_clusters[c] - start] - byteStart);
            runs.Add(new GlyphRun(item.Face, size, item.FakeBold, item.FakeItalic, [.. _glyphs], [.. _points], utf8, clusters));
            _glyphs.Clear();
            _points.Clear();
            _clusters.Clear();
            (_first, _last) = (int.MaxValue, -1);
        }
    }

    /// <summary>For each UTF-16 index of text[start..end] (the end too), the UTF-8 byte offset from start of the character there.</summary>
    private static int[] ByteOffsets(string text, int start, int end)
    {
        var offsets = new int[end - start + 1];
        int bytes = 0;
        for (int i = start; i < end; i++)
        {
            offsets[i - start] = bytes;
            char c = text[i];
            if (c < 0x80) bytes += 1;
            else if (c < 0x800) bytes += 2;
            else if (char.IsHighSurrogate(c) && i + 1 < end && char.IsLowSurrogate(text[i + 1]))
            {
                offsets[++i - start] = bytes;
                bytes += 4;
            }
            else bytes += 3;
        }

        offsets[end - start] = bytes;
        return offsets;
    }
}
