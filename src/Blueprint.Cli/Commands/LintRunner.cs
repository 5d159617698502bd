using Blueprint.Cli.Inputs;
using Blueprint.Cli.Output;
using Blueprint.Core.Analysis;
using Blueprint.Core.Diagnostics;

namespace Blueprint.Cli.Commands;

/// <summary>Lints every input in parallel and prints the findings in a stable order.</summary>
public static class LintRunner
{
    public sealed record Request(IReadOnlyList<string> Paths, string Format, int? MaxWarnings);

    public static int Run(CliConsole console, Request request)
    {
        var expansion = InputFiles.Expand(request.Paths, console.CurrentDirectory);
        foreach (var problem in expansion.Problems) console.Fail(problem);

        var loaded = new SourceLoader.Loaded[expansion.Files.Count];
        var findings = new IReadOnlyList<Diagnostic>[expansion.Files.Count];
        Parallel.For(0, expansion.Files.Count, i =>
        {
            loaded[i] = SourceLoader.Load(expansion.Files[i], console);
            findings[i] = loaded[i].Read is { } read ? Analyzer.Analyze(read) : [];
        });

        bool unreadable = expansion.Problems.Count > 0;
        foreach (var l in loaded.Where(l => l.Unreadable is not null))
        {
            console.Fail(l.Unreadable!);
            unreadable = true;
        }

        var all = findings.SelectMany(f => f).ToList();
        if (request.Format == "json")
        {
            DiagnosticFormats.WriteJson(console.Out, all);
        }
        else
        {
            DiagnosticFormats.WriteText(console.Out, all);
            int checkedFiles = loaded.Count(l => l.Read is not null);
            if (checkedFiles > 0) console.Out.WriteLine(DiagnosticFormats.Summary(checkedFiles, all));
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
