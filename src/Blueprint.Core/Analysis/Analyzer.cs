using Blueprint.Core.Analysis.Rules;
using Blueprint.Core.Diagnostics;
using Blueprint.Core.Model;
using Blueprint.Core.Reading;

namespace Blueprint.Core.Analysis;

/// <summary>
/// Severity overrides by check id (from configuration; a check set to <see cref="Severity.Off"/> is dropped), and
/// <see cref="IsTextCut"/>: the layout's answer to "would this card's text be cut with an ellipsis?" (BP110 is
/// silent when it is null).
/// </summary>
public sealed record AnalysisOptions(IReadOnlyDictionary<string, Severity>? Severities = null, Func<Card, bool>? IsTextCut = null)
{
    public static readonly AnalysisOptions Default = new();
}

/// <summary>Runs every check over a read blueprint and reports all findings together, in a stable order.</summary>
public static class Analyzer
{
    /// <summary>Every rule that runs on a model, in id order.</summary>
    public static readonly IReadOnlyList<IRule> Rules =
    [
        new CycleRule(),
        new EmptyRule(),
        new MissingLayerRule(),
        new NoCustomerActionRule(),
        new NoInteractionRule(),
        new CrossesVisibilityRule(),
        new BackwardLinkRule(),
        new EmptySceneRule(),
        new NoGoalRule(),
        new NoScenarioRule(),
        new OrphanCardRule(),
        new LongTextRule(),
        new UnownedFailPointRule(),
    ];

    public static IReadOnlyList<Diagnostic> Analyze(ReadResult read, AnalysisOptions? options = null) =>
        AnalyzeWith(read, Rules, options);

    /// <summary>Runs the given rules (tests use this seam); <see cref="Analyze"/> runs them all.</summary>
    public static IReadOnlyList<Diagnostic> AnalyzeWith(ReadResult read, IReadOnlyList<IRule> rules, AnalysisOptions? options = null)
    {
        options ??= AnalysisOptions.Default;
        var found = new List<Diagnostic>(read.Diagnostics);
        if (read.Document is { } document)
        {
            var graph = BlueprintGraph.Build(document);
            found.AddRange(graph.Diagnostics);
            var context = new RuleContext(document, graph, options.IsTextCut, read.Format);
            foreach (var rule in rules) found.AddRange(Run(rule, context));
        }
        return Configure(found, options.Severities, read.Document?.LintDisable ?? []);
    }

    /// <summary>A rule that throws becomes one internal-error finding for the file, not a crash.</summary>
    private static IReadOnlyList<Diagnostic> Run(IRule rule, RuleContext context)
    {
        try
        {
            return rule.Check(context).ToList();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return [Descriptors.InternalError.At(SourceLocation.StartOf(context.Document.Location.File),
                $"check {rule.Descriptor.Id} {rule.Descriptor.Name} failed ({e.GetType().Name}: {e.Message}); please report this with the file")];
        }
    }

    private static IReadOnlyList<Diagnostic> Configure(List<Diagnostic> found, IReadOnlyDictionary<string, Severity>? severities, IReadOnlyList<string> disabled)
    {
        var disabledIds = disabled.Select(Descriptors.Find).OfType<DiagnosticDescriptor>().Select(d => d.Id).ToHashSet();
        var result = new List<Diagnostic>(found.Count);
        foreach (var d in found)
        {
            // Errors mean the file cannot be drawn as written: configuration never hides or lowers them.
            if (!d.Descriptor.IsConfigurable) { result.Add(d); continue; }
            if (disabledIds.Contains(d.Id)) continue;
            var severity = severities is not null && severities.TryGetValue(d.Id, out var s) ? s : d.Severity;
            if (severity == Severity.Off) continue;
            result.Add(d.WithSeverity(severity));
        }
        result.Sort(Diagnostic.Order);
        return result;
    }
}
