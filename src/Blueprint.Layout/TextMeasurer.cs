namespace Blueprint.Layout;

/// <summary>A font request: family (a family name or a comma-separated list such as "DejaVu Sans"), size in points, weight and style.</summary>
public sealed record FontSpec(string Family, double Size, bool Bold = false, bool Italic = false);

/// <summary>
/// Text broken into lines that fit a width. <see cref="Truncated"/> is true when the text needed more
/// than the allowed lines and the last line ends with an ellipsis. <see cref="MissingGlyphs"/> counts
/// characters that no installed font can show. <see cref="RightToLeft"/> is set when the text's first strong character
/// is right-to-left (Hebrew, Arabic): its lines then start at the right.
/// </summary>
public sealed record WrappedText(IReadOnlyList<string> Lines, double Width, double LineHeight, bool Truncated, int MissingGlyphs = 0, bool RightToLeft = false)
{
    public double Height => Lines.Count * LineHeight;
}

/// <summary>Measures and wraps text. The layout sees only this; the renderer provides one on HarfBuzz (TextEngine).</summary>
public interface ITextMeasurer
{
    /// <summary>Wraps <paramref name="text"/> at word boundaries (characters where needed) into lines no wider than
    /// <paramref name="maxWidth"/> points, at most <paramref name="maxLines"/> lines (the last cut with "…").</summary>
    WrappedText Wrap(string text, FontSpec font, double maxWidth, int maxLines);
}
