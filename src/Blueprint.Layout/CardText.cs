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
}
