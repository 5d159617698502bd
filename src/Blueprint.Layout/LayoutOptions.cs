namespace Blueprint.Layout;

/// <summary>What the caller may choose about a layout. Scale and page size are the renderer's business.</summary>
public sealed record LayoutOptions
{
    public static readonly LayoutOptions Default = new();

    public Theme Theme { get; init; } = Themes.Light;
    /// <summary>A font family, or a comma-separated list of families (the first installed one is used).</summary>
    public string FontFamily { get; init; } = "DejaVu Sans";
    /// <summary>Every card has this width; its text wraps inside it.</summary>
    public double CardWidth { get; init; } = 160;
    /// <summary>Lines of card text shown; more are cut with "…" (and reported, see <see cref="CardText"/>).</summary>
    public int CardMaxLines { get; init; } = 6;
    public double CardFontSize { get; init; } = 10;
    public double CardPadding { get; init; } = 8;
    /// <summary>Draw a legend of badges and line kinds under the diagram.</summary>
    public bool Legend { get; init; } = true;

    public FontSpec CardFont => new(FontFamily, CardFontSize);
    public double CardTextWidth => Math.Max(1, CardWidth - 2 * CardPadding);
    internal FontSpec Font(double size, bool bold = false, bool italic = false) => new(FontFamily, size, bold, italic);
}
