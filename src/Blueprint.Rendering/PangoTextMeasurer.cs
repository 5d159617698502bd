using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Blueprint.Layout;
using Blueprint.Rendering.Native;
using Blueprint.Rendering.Text;

namespace Blueprint.Rendering;

/// <summary>
/// Wraps and measures text with Pango exactly as the PNG and PDF canvases will draw it (and as the SVG canvas
/// positions it). One instance may be shared by many threads: Pango work runs on a per-thread context and results
/// are cached in a concurrent dictionary keyed by text, font, width and line limit.
/// </summary>
public sealed class PangoTextMeasurer : ITextMeasurer
{
    private const string Ellipsis = "…";
    private const int MaxCachedEntries = 100_000;

    // Widths beyond this (about 2 million points) do not fit Pango's int units; treat them as unbounded.
    private const double MaxPangoWidth = int.MaxValue / (double)Pango.Scale;

    // Sized for a large diagram up front: growing a concurrent dictionary stops every thread that measures.
    private readonly ConcurrentDictionary<CacheKey, WrappedText> _cache = new(Environment.ProcessorCount, 16_384);
    private int _added;

    private readonly bool _keepLinesForDrawing;

    /// <summary>Throws <see cref="RenderException"/> with an install hint when Cairo or Pango is missing.</summary>
    /// <param name="keepLinesForDrawing">
    /// Files the glyphs of every wrapped line for the PDF and SVG canvases, so they need not shape it again; a measurer
    /// that only checks text (lint) need not.
    /// </param>
    public PangoTextMeasurer(bool keepLinesForDrawing = true)
    {
        NativeLibraries.EnsureAvailable();
        _keepLinesForDrawing = keepLinesForDrawing;
    }

    /// <inheritdoc />
    /// <remarks>
    /// <paramref name="maxWidth"/> of <see cref="double.PositiveInfinity"/> means no wrapping; <paramref name="maxLines"/>
    /// of zero or less means no line limit. Lines come back without trailing whitespace and without line-break
    /// characters; the empty string gives no lines. <see cref="WrappedText.LineHeight"/> is the tallest line's height
    /// (a fallback font, e.g. for CJK, can be taller than the requested one).
    /// </remarks>
    public WrappedText Wrap(string text, FontSpec font, double maxWidth, int maxLines)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(font);
        if (double.IsNaN(maxWidth) || maxWidth < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxWidth), maxWidth, "Width must be zero or more points.");
        }

        var key = new CacheKey(text, font, maxWidth, maxLines);
        if (_cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var result = Measure(text, font, maxWidth, maxLines, _keepLinesForDrawing);
        // Counted here: ConcurrentDictionary.Count takes every lock of the dictionary.
        if (Interlocked.Increment(ref _added) > MaxCachedEntries)
        {
            _cache.Clear();
            Interlocked.Exchange(ref _added, 0);
        }

        _cache.TryAdd(key, result);
        return result;
    }

    private static unsafe WrappedText Measure(string text, FontSpec font, double maxWidth, int maxLines, bool keepLines)
    {
        var context = PangoThreadContext.Current;
        var utf8 = PangoThreadContext.ToUtf8(text);
        using var layout = context.CreateLayout(font, utf8);
        if (maxWidth < MaxPangoWidth)
        {
            Pango.LayoutSetWidth(layout, (int)Math.Floor(maxWidth * Pango.Scale));
            Pango.LayoutSetWrap(layout, Pango.WrapWordChar);
        }

        var missingGlyphs = Pango.LayoutGetUnknownGlyphsCount(layout);
        var lineCount = Pango.LayoutGetLineCount(layout);
        var keep = maxLines > 0 ? Math.Min(lineCount, maxLines) : lineCount;
        var truncated = keep < lineCount;

        var lines = new List<string>(keep);
        double width = 0, lineHeight = 0;
        for (var i = 0; i < keep; i++)
        {
            var line = Pango.LayoutGetLineReadonly(layout, i);
            Pango.Rectangle logical;
            Pango.LayoutLineGetExtents(line, null, &logical);
            lineHeight = Math.Max(lineHeight, logical.Height / (double)Pango.Scale);

            if (truncated && i == keep - 1)
            {
                var rest = Encoding.UTF8.GetString(utf8, line->StartIndex, utf8.Length - line->StartIndex);
                var (fitted, fittedWidth) = FitWithEllipsis(context, rest, font, maxWidth);
                lines.Add(fitted);
                width = Math.Max(width, fittedWidth);
                continue;
            }

            var trimmed = Encoding.UTF8.GetString(utf8, line->StartIndex, line->Length).TrimEnd();
            lines.Add(trimmed);
            // Filed for drawing, so the PDF writer need not shape the line again.
            if (keepLines) GlyphLines.Remember(trimmed, font, line, utf8, line->StartIndex + Encoding.UTF8.GetByteCount(trimmed));
            // Pango's line extents leave out the space at a wrap, so they equal the trimmed line's width.
            width = Math.Max(width, logical.Width / (double)Pango.Scale);
        }

        if (text.Length == 0)
        {
            lines.Clear();
            width = 0;
        }

        return new WrappedText(lines, width, lineHeight, truncated, missingGlyphs);
    }

    /// <summary>The longest prefix of <paramref name="rest"/> (whole graphemes) that, with "…" appended, fits the width.</summary>
    private static (string Text, double Width) FitWithEllipsis(PangoThreadContext context, string rest, FontSpec font, double maxWidth)
    {
        var flat = string.Join(' ', rest.Split(['\r', '\n', '\u2028', '\u2029'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var starts = StringInfo.ParseCombiningCharacters(flat);

        string Candidate(int graphemes) =>
            (graphemes >= starts.Length ? flat : flat[..starts[graphemes]]).TrimEnd() + Ellipsis;

        // Binary search for the most graphemes that fit; at least the ellipsis alone is returned.
        int low = 0, high = starts.Length - 1;
        var best = Ellipsis;
        var bestWidth = context.MeasureLine(best, font).Width;
        while (low <= high)
        {
            var mid = (low + high + 1) / 2;
            var candidate = Candidate(mid);
            var candidateWidth = context.MeasureLine(candidate, font).Width;
            if (candidateWidth <= maxWidth)
            {
                best = candidate;
                bestWidth = candidateWidth;
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return (best, bestWidth);
    }

    private readonly record struct CacheKey(string Text, FontSpec Font, double MaxWidth, int MaxLines);
}
