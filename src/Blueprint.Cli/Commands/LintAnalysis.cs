using Blueprint.Cli.Config;
using Blueprint.Core.Analysis;
using Blueprint.Core.Diagnostics;
using Blueprint.Core.Model;
using Blueprint.Core.Reading;

namespace Blueprint.Cli.Commands;

/// <summary>The checks of one read blueprint with its configuration, as <c>lint</c> runs them and the language server too.</summary>
public static class LintAnalysis
{
    /// <summary>
    /// The long-text check (BP110) in the bundled default family, so it runs on machines without fonts too. One per
    /// process: its measurer caches wraps.
    /// </summary>
    public static readonly Func<Card, bool> TextCut = Layout.CardText.CutPredicate(() => TextMeasuring.ForLint.Value, Layout.LayoutOptions.Default);

    /// <summary>Every finding of <paramref name="read"/> (the reader's and the rules'), with the severities <paramref name="config"/> sets.</summary>
    public static IReadOnlyList<Diagnostic> Findings(ReadResult read, LoadedConfig? config)
    {
        var options = new AnalysisOptions(config?.Config.Severities, TextCut);
        // A large file's cards are measured on all cores first; the long-text check then finds their wraps.
        if (read.Document is { } document) TextMeasuring.MeasureCards(document, TextMeasuring.ForLint.Value, Layout.LayoutOptions.Default, forLint: true);
        return Analyzer.Analyze(read, options);
    }
}
