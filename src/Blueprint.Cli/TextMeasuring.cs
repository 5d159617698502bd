using System.Collections.Concurrent;
using Blueprint.Core.Model;
using Blueprint.Layout;
using Blueprint.Rendering.Text;

namespace Blueprint.Cli;

/// <summary>The process's text measurer (one cache); a process runs one command.</summary>
internal static class TextMeasuring
{
    /// <summary>For render: its lint (BP110) and layout share the wraps, and the canvases the shaped lines.</summary>
    public static readonly Lazy<TextEngine> ForRender = new(() => new TextEngine());

    /// <summary>For lint (BP110): wraps only, no lines kept for drawing.</summary>
    public static readonly Lazy<TextEngine> ForLint = new(() => new TextEngine(keepLinesForDrawing: false));

    /// <summary>Fewer cards than this are measured where they are needed: starting the other core's work costs more than it saves.</summary>
    private const int CardsMeasuredInParallel = 200;

    /// <summary>
    /// Wraps every card's text into the measurer's cache on all cores. Card texts are most of a large diagram's measuring,
    /// and both the long-text check (BP110) and the layout ask for exactly these wraps, one card after another. For lint
    /// (<paramref name="forLint"/>) only the cards whose text the check measures.
    /// </summary>
    public static void MeasureCards(BlueprintDocument document, ITextMeasurer measurer, LayoutOptions options, bool forLint = false)
    {
        var cards = document.Steps.SelectMany(s => s.Cards).Where(c => !forLint || CardText.MightBeCut(c.Text, options)).ToList();
        if (cards.Count < CardsMeasuredInParallel || Environment.ProcessorCount < 2) return;
        Parallel.ForEach(Partitioner.Create(0, cards.Count, 64), range =>
        {
            for (int i = range.Item1; i < range.Item2; i++) CardText.Wrap(cards[i], measurer, options);
        });
    }
}
