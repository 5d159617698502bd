using Blueprint.Cli.Config;
using Blueprint.Cli.Inputs;
using Blueprint.Cli.Output;
using Blueprint.Core.Analysis;
using Blueprint.Core.Diagnostics;

namespace Blueprint.Cli.Commands;

/// <summary>Lints every input in parallel, each with its nearest configuration, and prints the findings in a stable order.</summary>
public static class LintRunner
{
    public sealed record Request(IReadOnlyList<string> Paths, string Format, int? MaxWarnings, string? ConfigPath = null, string? StdinFilename = null,
        string? Baseline = null, string? WriteBaseline = null);

    public static int Run(CliConsole console, Request request)
    {
        if (LintConfigFiles.ForCommand(console, request.Paths, request.StdinFilename, request.ConfigPath) is not { } configs) return ExitCodes.Usage;
        IReadOnlyList<BaselineEntry>? baseline = null;
        if (request.Baseline is { } baselinePath && (baseline = ReadBaseline(console, baselinePath)) is null) return ExitCodes.Usage;

        var expansion = InputFiles.Expand(request.Paths, console.CurrentDirectory, request.StdinFilename);
        foreach (var problem in expansion.Problems) console.Fail(problem);

        var loaded = new SourceLoader.Loaded[expansion.Files.Count];
        var used = new LoadedConfig?[expansion.Files.Count];
        var findings = new IReadOnlyList<Diagnostic>[expansion.Files.Count];
        void Check(int i)
        {
            used[i] = configs.For(expansion.Files[i]);
            loaded[i] = SourceLoader.Load(expansion.Files[i], console);
            findings[i] = loaded[i].Read is { } read ? LintAnalysis.Findings(read, used[i]) : [];
        }
        // One file is checked on this thread: starting the thread pool would cost more than the check (bench/run.sh).
        if (expansion.Files.Count == 1) Check(0);
        else Parallel.For(0, expansion.Files.Count, Check);

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

        var found = configFindings.Concat(findings.SelectMany(f => f)).ToList();
        int files = loaded.Count(l => l.Read is not null);

        bool writeFailed = request.WriteBaseline is { } target && !WriteBaseline(console, target, found);
        var split = baseline is null ? null
            : LintBaseline.Split(Located(console, found, BaselineFolder(console, request.Baseline!)), baseline);
        var all = split?.New.ToList() ?? found;
        string hidden = split is { Unchanged.Count: > 0 and var n } ? $" ({n} hidden by the baseline)" : "";
        switch (request.Format)
        {
            case "json":
                DiagnosticFormats.WriteJson(console.Out, all);
                break;
            case "sarif":
                var sarif = new SarifFormat.Fingerprinted(
                    d => LintBaseline.Fingerprint(d, RelativeFile(console, d.Location.File, request.Baseline is null ? console.CurrentDirectory : BaselineFolder(console, request.Baseline))),
                    split is null ? null : new SarifFormat.BaselineStates(split.Unchanged,
                        split.Absent.Select(e => e with { File = RelativeFile(console, Path.Combine(BaselineFolder(console, request.Baseline!), e.File), console.CurrentDirectory) }).ToList()));
                SarifFormat.Write(console.Out, split is null ? all : [.. all, .. split.Unchanged], console.CurrentDirectory, sarif);
                break;
            case "github":
                GitHubFormat.Write(console.Out, all);
                if (files > 0) console.Out.WriteLine(DiagnosticFormats.Summary(files, all) + hidden);
                break;
            default:
                DiagnosticFormats.WriteText(console.Out, all);
                if (files > 0) console.Out.WriteLine(DiagnosticFormats.Summary(files, all) + hidden);
                break;
        }
        if (split is not null && request.Format is "json" or "sarif" && split.Unchanged.Count > 0)
            console.Error.WriteLine($"blueprint: {split.Unchanged.Count} finding{(split.Unchanged.Count == 1 ? "" : "s")} hidden by the baseline '{request.Baseline}'");
        if (split is { Absent.Count: > 0 and var stale })
        {
            console.Fail($"{stale} baseline entr{(stale == 1 ? "y no longer occurs" : "ies no longer occur")} (fixed, or their element changed); refresh it with lint --write-baseline {request.Baseline}:");
            foreach (var e in split.Absent) console.Error.WriteLine($"  {e.File}: {e.Rule} {e.Element}: {e.Message}");
        }
        if (writeFailed) return ExitCodes.Findings;

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

    /// <summary>The baseline's entries, or null (after saying why: exit 2) when the file cannot be read or is not a baseline.</summary>
    private static IReadOnlyList<BaselineEntry>? ReadBaseline(CliConsole console, string path)
    {
        string full = Path.GetFullPath(path, console.CurrentDirectory);
        string text;
        try
        {
            text = File.ReadAllText(full);
        }
        catch (Exception e) when (FileSystemFailure.Is(e))
        {
            console.Fail(FileSystemFailure.Reading(path, full, e) + (File.Exists(full) || Directory.Exists(full) ? "" : "; write one first with lint --write-baseline " + path));
            return null;
        }
        var (entries, problem) = LintBaseline.Read(text);
        if (problem is not null) console.Fail(char.IsAsciiDigit(problem[0]) ? $"{path}:{problem}" : $"{path}: {problem}");
        return entries;
    }

    /// <summary>Records the findings a baseline may hold, written whole or not at all; false (after saying why) when it cannot be written.</summary>
    private static bool WriteBaseline(CliConsole console, string path, IReadOnlyList<Diagnostic> found)
    {
        string full = Path.GetFullPath(path, console.CurrentDirectory);
        var entries = LintBaseline.Entries(Located(console, found, Path.GetDirectoryName(full)!));
        try
        {
            if (FileSystemFailure.Obstacle(path, full) is { } obstacle) throw new IOException(obstacle);
            AtomicFile.WriteText(full, LintBaseline.Write(entries));
        }
        catch (Exception e) when (FileSystemFailure.Is(e))
        {
            console.Fail(FileSystemFailure.Writing(path, full, e));
            return false;
        }
        int errors = found.Count(d => !LintBaseline.Recordable(d));
        console.Error.WriteLine($"blueprint: wrote baseline '{path}': {entries.Count} finding{(entries.Count == 1 ? "" : "s")} recorded"
            + (errors > 0 ? $"; {errors} error{(errors == 1 ? " is" : "s are")} not (errors are never baselined)" : ""));
        return true;
    }

    private static string BaselineFolder(CliConsole console, string path) => Path.GetDirectoryName(Path.GetFullPath(path, console.CurrentDirectory))!;

    private static List<LocatedFinding> Located(CliConsole console, IEnumerable<Diagnostic> found, string folder) =>
        found.Select(d => new LocatedFinding(d, RelativeFile(console, d.Location.File, folder))).ToList();

    /// <summary>A finding's file relative to <paramref name="folder"/> with <c>/</c>; standard input keeps its name.</summary>
    private static string RelativeFile(CliConsole console, string shown, string folder)
    {
        if (shown == InputFile.StandardInputName) return shown;
        return Path.GetRelativePath(folder, Path.GetFullPath(shown, console.CurrentDirectory)).Replace(Path.DirectorySeparatorChar, '/');
    }
}
