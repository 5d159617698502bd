using Blueprint.Cli.Config;
using Blueprint.Cli.Inputs;
using Blueprint.Cli.Output;
using Blueprint.Core.Analysis;
using Blueprint.Core.Diagnostics;

namespace Blueprint.Cli.Commands;

/// <summary>Lints every input in parallel, each with its nearest configuration, and prints the findings in a stable order.</summary>
public static class LintRunner
{
    public sealed record Request(IReadOnlyList<string> Paths, string Format, int? MaxWarnings, string? ConfigPath = null, string? StdinFilename = null);

    public static int Run(CliConsole console, Request request)
    {
        if (LintConfigFiles.ForCommand(console, request.Paths, request.StdinFilename, request.ConfigPath) is not { } configs) return ExitCodes.Usage;

        var expansion = InputFiles.Expand(request.Paths, console.CurrentDirectory, request.StdinFilename);
        foreach (var problem in expansion.Problems) console.Fail(problem);

        // The long-text check (BP110) measures in the bundled default family, so it runs on machines without fonts too.
        var textCut = Layout.CardText.CutPredicate(() => TextMeasuring.ForLint.Value, Layout.LayoutOptions.Default);

        var loaded = new SourceLoader.Loaded[expansion.Files.Count];
        var used = new LoadedConfig?[expansion.Files.Count];
        var findings = new IReadOnlyList<Diagnostic>[expansion.Files.Count];
        Parallel.For(0, expansion.Files.Count, i =>
        {
            used[i] = configs.For(expansion.Files[i]);
            loaded[i] = SourceLoader.Load(expansion.Files[i], console);
            var options = new AnalysisOptions(used[i]?.Config.Severities, textCut);
            findings[i] = loaded[i].Read is { } read ? Analyzer.Analyze(read, options) : [];
        });

        bool unreadable = expansion.Problems.Count > 0;
        var configFindings = new List<Diagnostic>();
        foreach (var config in used.OfType<LoadedConfig>().Distinct().OrderBy(c => c.DisplayPath, StringComparer.Ordinal))
        {
            if (config.Unreadable is not null) { console.Fail(config.Unreadable); unreadable = true; }
            configFindings.AddRange(config.Config.Diagnostics);
        }
        configFindings.Sort(Diagnostic.Order);
        foreach (var l in loaded.Where(l => l.Unreadable is not null))
        {
            console.Fail(l.Unreadable!);
            unreadable = true;
        }

        var all = configFindings.Concat(findings.SelectMany(f => f)).ToList();
        int files = loaded.Count(l => l.Read is not null);
        switch (request.Format)
        {
            case "json":
                DiagnosticFormats.WriteJson(console.Out, all);
                break;
            case "sarif":
                SarifFormat.Write(console.Out, all, console.CurrentDirectory);
                break;
            case "github":
                GitHubFormat.Write(console.Out, all);
                if (files > 0) console.Out.WriteLine(DiagnosticFormats.Summary(files, all));
                break;
            default:
                DiagnosticFormats.WriteText(console.Out, all);
                if (files > 0) console.Out.WriteLine(DiagnosticFormats.Summary(files, all));
                break;
        }

        if (unreadable) return ExitCodes.Usage;
        if (all.Any(d => d.Severity == Severity.Error)) return ExitCodes.Findings;
        int warnings = all.Count(d => d.Severity == Severity.Warning);
        if (request.MaxWarnings is { } max && warnings > max)
        {
            console.Fail($"{warnings} warnings is more than --max-warnings {max}");
            return ExitCodes.Findings;
        }
        return ExitCodes.Ok;
    }

}
