using Blueprint.Core.Model;

namespace Blueprint.Layout;

/// <summary>
/// How card text is wrapped. The layout draws cards with exactly this, and the long-text check (BP110) asks
/// <see cref="IsTextCut"/>, so a warning is given exactly when the diagram shows an ellipsis.
/// </summary>
public static class CardText
{
    public static WrappedText Wrap(Card card, ITextMeasurer measurer, LayoutOptions options) =>
        measurer.Wrap(card.Text, options.CardFont, options.CardTextWidth, options.CardMaxLines);

    /// <summary>True when the card's text needs more lines than a card shows and is cut with "…".</summary>
    public static bool IsTextCut(Card card, ITextMeasurer measurer, LayoutOptions options) =>
        Wrap(card, measurer, options).Truncated;

    /// <summary>
    /// False when the text is too short to fill the card's lines whatever the font: two consecutive wrapped lines
    /// together hold more than a line's width, and no glyph is wider than 1.2 em, so fewer than
    /// (lines / 2) × (width / 1.2 em) characters without line breaks always fit. Saves measuring most cards.
    /// </summary>
    public static bool MightBeCut(string text, LayoutOptions options)
    {
        if (text.Contains('\n')) return true;
        double perLine = options.CardTextWidth / (1.2 * options.CardFontSize);
        return text.Length >= (options.CardMaxLines / 2) * perLine - 2;
    }

    /// <summary>The BP110 question as the linter asks it: cheap bound first, then the measurer (made only when needed).</summary>
    public static Func<Card, bool> CutPredicate(Func<ITextMeasurer> measurer, LayoutOptions options) =>
        card => MightBeCut(card.Text, options) && IsTextCut(card, measurer(), options);
}
