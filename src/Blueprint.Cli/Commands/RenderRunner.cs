using System.Collections.Concurrent;
using Blueprint.Cli.Config;
using Blueprint.Cli.Inputs;
using Blueprint.Cli.Output;
using Blueprint.Core.Analysis;
using Blueprint.Core.Diagnostics;
using Blueprint.Core.Model;
using Blueprint.Core.Reading;
using Blueprint.Layout;
using Blueprint.Rendering;
using Blueprint.Rendering.Text;

namespace Blueprint.Cli.Commands;

/// <summary>
/// Renders every input (in parallel when there are several), each output written whole or not at all. Each input is
/// checked with the same lint configuration as <c>lint</c> gives it (<see cref="LintConfigFiles"/>), so a finding has
/// the same severity in both, and an error stops that input's render unless <c>--force</c> (which still exits 1).
/// </summary>
public static class RenderRunner
{
    public sealed record Request(
        IReadOnlyList<string> Paths, string? Output, string? Format, string Theme, double Scale, string Font, string? Page, bool Force, string? ConfigPath = null, string? StdinFilename = null,
        string? DiffOld = null);

    /// <summary>One input and where it goes; <see cref="ShownOutput"/> is the output as the user typed it, when they named the file.</summary>
    private sealed record Job(InputFile Input, string? OutputPath, OutputFormat Format, LoadedConfig? Config = null, string? ShownOutput = null);

    private sealed record Outcome(IReadOnlyList<string> Lines, bool Failed, bool Unreadable);

    public static int Run(CliConsole console, Request request)
    {
        if (request.Scale is < RenderCommand.MinScale or > RenderCommand.MaxScale || double.IsNaN(request.Scale))
        {
            console.Fail(CommandLineUsage.NumberMessage("--scale", RenderCommand.MinScale, RenderCommand.MaxScale, request.Scale.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return ExitCodes.Usage;
        }
        PageSize? paper = null;
        if (request.Page is not null && (paper = PageSize.Find(request.Page)) is null)
        {
            console.Fail($"unknown --page '{request.Page}'; use one of {string.Join(", ", PageSize.Known.Select(p => p.Name))}");
            return ExitCodes.Usage;
        }

        if (LintConfigFiles.ForCommand(console, request.Paths, request.StdinFilename, request.ConfigPath) is not { } configs) return ExitCodes.Usage;

        var expansion = InputFiles.Expand(request.Paths, console.CurrentDirectory, request.StdinFilename);
        foreach (var problem in expansion.Problems) console.Fail(problem);
        if (expansion.Files.Count == 0) return ExitCodes.Usage;

        var jobs = PlanOutputs(console, request, expansion.Files)?.Select(j => j with { Config = configs.For(j.Input) }).ToList();
        if (jobs is null) return ExitCodes.Usage;

        BlueprintDocument? before = null;
        if (request.DiffOld is { } oldPath)
        {
            if (expansion.Files.Count != 1)
            {
                console.Fail($"--diff OLD draws the changes of one blueprint, but {expansion.Files.Count} inputs were given; render them one at a time");
                return ExitCodes.Usage;
            }
            if (oldPath == "-" && expansion.Files[0].IsStandardInput)
            {
                console.Fail("standard input can be only one of the input and --diff OLD; name a file for the other");
                return ExitCodes.Usage;
            }
            if (DiffRunner.Open(console, oldPath) is not { } oldInput) return ExitCodes.Usage;
            before = DiffRunner.Read(console, oldInput, out bool unreadable);
            if (before is null) return unreadable ? ExitCodes.Usage : ExitCodes.Findings;
        }

        if (!DrawingLibrariesLoad(console, request.Font)) return ExitCodes.Findings;

        var options = LayoutOptions.Default with { Theme = Themes.ByName(request.Theme) ?? Themes.Light, FontFamily = request.Font };
        var outcomes = new Outcome[jobs.Count];
        int done = 0;
        var progressLock = new object();
        bool progress = console.IsTerminal && jobs.Count > 1;
        Parallel.For(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            outcomes[i] = RenderOne(console, jobs[i], options, request, paper, before);
            if (!progress) return;
            lock (progressLock) console.Error.Write($"\rrendering: {++done}/{jobs.Count}");
        });
        if (progress) console.Error.WriteLine();

        // The configurations' own problems, once each, before the findings they shape (as lint prints them).
        bool badConfigs = false;
        var configFindings = new List<Diagnostic>();
        foreach (var config in jobs.Select(j => j.Config).OfType<LoadedConfig>().Distinct().OrderBy(c => c.DisplayPath, StringComparer.Ordinal))
        {
            if (config.Unreadable is not null) { console.Fail(config.Unreadable); badConfigs = true; }
            configFindings.AddRange(config.Config.Diagnostics);
        }
        configFindings.Sort(Diagnostic.Order);
        foreach (var d in configFindings) console.Error.WriteLine(d.ToString());
        bool configErrors = configFindings.Any(d => d.Severity == Severity.Error);

        foreach (var outcome in outcomes)
            foreach (var line in outcome.Lines)
                (line.StartsWith("wrote ", StringComparison.Ordinal) ? console.Out : console.Error).WriteLine(line);

        if (expansion.Problems.Count > 0 || badConfigs || outcomes.Any(o => o.Unreadable)) return ExitCodes.Usage;
        return configErrors || outcomes.Any(o => o.Failed) ? ExitCodes.Findings : ExitCodes.Ok;
    }

    /// <summary>
    /// Loads Skia and HarfBuzz and looks the font family up, before any work: false (after saying why) when the native
    /// libraries cannot load; a family that is not installed is a warning naming the one drawn instead.
    /// </summary>
    internal static bool DrawingLibrariesLoad(CliConsole console, string font)
    {
        try
        {
            if (TextEngine.SubstituteFor(font) is { } used)
                console.Error.WriteLine($"blueprint: warning: the font family '{font}' is not installed; drawing with '{used}' instead");
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException)
        {
            console.Fail($"could not load the drawing libraries (libSkiaSharp and libHarfBuzzSharp beside the program; on Linux they need fontconfig: Debian libfontconfig1): {e.GetBaseException().Message}");
            return false;
        }
        catch (RenderException e)
        {
            console.Fail(e.Message);
            return false;
        }
    }

    /// <summary>Where each input goes, or null (after saying why) when the request cannot be met.</summary>
    private static List<Job>? PlanOutputs(CliConsole console, Request request, IReadOnlyList<InputFile> inputs)
    {
        var byExtension = request.Output is { } o && o != "-" ? FormatOf(Path.GetExtension(o)) : null;
        bool outputIsFile = byExtension is not null || request.Output == "-";
        if (request.Output is { } given && given != "-" && byExtension is null && Path.HasExtension(given) && !Directory.Exists(Path.GetFullPath(given, console.CurrentDirectory)))
        {
            console.Fail($"cannot tell the format of '{given}'; name the output .png, .pdf, .svg or .html, or give a folder");
            return null;
        }
        if (outputIsFile && inputs.Count > 1)
        {
            console.Fail($"{inputs.Count} inputs cannot all be written to '{request.Output}'; give a folder with -o");
            return null;
        }
        var format = byExtension ?? FormatOf("." + (request.Format ?? "png"))!.Value;
        string extension = "." + format.ToString().ToLowerInvariant();

        bool toStandardOutput = request.Output == "-" || (request.Output is null && inputs.Any(i => i.IsStandardInput));
        if (toStandardOutput && console.OutputIsTerminal && format is OutputFormat.Png or OutputFormat.Pdf)
        {
            console.Fail($"refusing to write {format.ToString().ToUpperInvariant()} to the terminal; write it to a file with -o FILE, or pipe it to a program (blueprint render ... | ...)");
            return null;
        }

        // Into a folder, each output keeps its input's folder below the inputs' common root (as tsc --outDir does),
        // so that a/x.blueprint.yaml and b/x.blueprint.yaml become out/a/x.png and out/b/x.png.
        string? root = request.Output is not null && !outputIsFile
            ? CommonRoot(inputs.Where(i => !i.IsStandardInput).Select(i => Path.GetDirectoryName(i.FullPath!)!))
            : null;
        var jobs = new List<Job>();
        foreach (var input in inputs)
        {
            string? path;
            if (request.Output == "-" || (request.Output is null && input.IsStandardInput)) path = null;
            else if (outputIsFile) path = Path.GetFullPath(request.Output!, console.CurrentDirectory);
            else
            {
                string folder = request.Output is not null
                    ? Path.GetFullPath(Path.Combine(request.Output, BelowRoot(root, input)), console.CurrentDirectory)
                    : Path.GetDirectoryName(input.FullPath!)!;
                path = Path.Combine(folder, StemOf(input) + extension);
            }
            if (path is not null && inputs.Any(i => i.FullPath == path))
            {
                console.Fail($"refusing to write over the input '{input.DisplayPath}'; choose another output with -o");
                return null;
            }
            jobs.Add(new Job(input, path, format, ShownOutput: outputIsFile && path is not null ? request.Output : null));
        }
        var clash = jobs.Where(j => j.OutputPath is not null).GroupBy(j => j.OutputPath).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            console.Fail($"'{clash.First().Input.DisplayPath}' and '{clash.Skip(1).First().Input.DisplayPath}' would both be written to '{Relative(console, clash.Key!)}'; rename one of them, or render them one at a time");
            return null;
        }
        return jobs;
    }

    /// <summary>The deepest folder that holds all of <paramref name="folders"/> (full paths); null when there are none.</summary>
    private static string? CommonRoot(IEnumerable<string> folders)
    {
        string? root = null;
        foreach (var folder in folders)
        {
            if (root is null) { root = folder; continue; }
            while (!IsWithin(folder, root) && Path.GetDirectoryName(root) is { } parent) root = parent;
        }
        return root;
    }

    private static bool IsWithin(string path, string folder) =>
        path == folder || path.StartsWith(Path.EndsInDirectorySeparator(folder) ? folder : folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The input's folder relative to the common root (<c>""</c> at the root, and for standard input).</summary>
    private static string BelowRoot(string? root, InputFile input)
    {
        if (root is null || input.IsStandardInput) return "";
        string relative = Path.GetRelativePath(root, Path.GetDirectoryName(input.FullPath!)!);
        return relative == "." ? "" : relative;
    }

    internal static OutputFormat? FormatOf(string extension) => extension.ToLowerInvariant() switch
    {
        ".png" => OutputFormat.Png,
        ".pdf" => OutputFormat.Pdf,
        ".svg" => OutputFormat.Svg,
        ".html" or ".htm" => OutputFormat.Html,
        _ => null,
    };

    /// <summary><c>restaurant</c> for <c>restaurant.blueprint.yaml</c>; for standard input, that of <c>--stdin-filename</c>, else <c>blueprint</c>.</summary>
    private static string StemOf(InputFile input)
    {
        if (input.IsStandardInput && input.DisplayPath == InputFile.StandardInputName) return "blueprint";
        string name = Path.GetFileName(input.FullPath ?? input.DisplayPath);
        int at = name.IndexOf(".blueprint.", StringComparison.OrdinalIgnoreCase);
        return at > 0 ? name[..at] : Path.GetFileNameWithoutExtension(name);
    }

    private static string Relative(CliConsole console, string path)
    {
        string relative = Path.GetRelativePath(console.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    private static Outcome RenderOne(CliConsole console, Job job, LayoutOptions options, Request request, PageSize? paper, BlueprintDocument? before)
    {
        var lines = new List<string>();
        var loaded = SourceLoader.Load(job.Input, console);
        if (loaded.Unreadable is not null) return new Outcome([$"blueprint: {loaded.Unreadable}"], true, true);

        Drawn drawn;
        try { drawn = Draw(loaded.Read!, job.Config, options, request.Force, before); }
        catch (RenderException e) { return new Outcome([$"blueprint: could not render '{job.Input.DisplayPath}': {e.Message}"], true, false); }
        lines.AddRange(drawn.Findings.Select(d => d.ToString()));
        var document = loaded.Read!.Document;
        bool errors = drawn.HasErrors;
        if (drawn.Layout is not { } layout || document is null)
        {
            lines.Add($"blueprint: not rendered '{job.Input.DisplayPath}': {(document is null ? "it could not be read" : "fix the errors above, or use --force to draw it anyway")}");
            return new Outcome(lines, true, false);
        }

        try
        {
            lines.AddRange(layout.MissingGlyphs.Distinct().Select(t => $"{job.Input.DisplayPath}: warning: {DiagramRenderer.MissingGlyphWarning(t)}"));
            var renderOptions = new RenderOptions(job.Format, request.Scale, paper, document.Title, job.Format == OutputFormat.Html ? CardDetails.Of(drawn.Document!, layout) : null);
            RenderResult result;
            if (job.OutputPath is null)
            {
                using var buffer = new MemoryStream();
                result = DiagramRenderer.Render(layout, renderOptions, buffer);
                console.Out.Flush();
                using var stdout = console.OpenStandardOutput();
                buffer.Position = 0;
                buffer.CopyTo(stdout);
            }
            else
            {
                result = AtomicFile.Write(job.OutputPath, stream => DiagramRenderer.Render(layout, renderOptions, stream));
                string pages = result.Pages > 1 ? $" ({result.Pages} pages)" : "";
                lines.Add($"wrote {Relative(console, job.OutputPath)}{pages}");
            }
            lines.AddRange(result.Warnings.Select(w => $"{job.Input.DisplayPath}: warning: {w}"));
            // Drawn with --force, the errors are still errors (SPEC section 5: exit 1 with or without --force).
            return new Outcome(lines, errors, false);
        }
        catch (Exception e) when (WriteFailure(e) is { } cause)
        {
            // The output as the user named it and the cause in plain words; never the temporary file or the exception's text.
            string shown = job.OutputPath is null ? "standard output" : job.ShownOutput ?? Relative(console, job.OutputPath);
            lines.Add($"blueprint: {FileSystemFailure.Writing(shown, job.OutputPath ?? "", cause)}");
            return new Outcome(lines, true, false);
        }
        catch (RenderException e)
        {
            lines.Add($"blueprint: could not render '{job.Input.DisplayPath}': {e.Message}");
            return new Outcome(lines, true, false);
        }
    }

    /// <summary>A blueprint checked and, unless it has errors (or <c>force</c>), laid out: what <c>render</c> and <c>serve</c> draw.</summary>
    /// <param name="Document">What the layout draws: the blueprint, or with <c>--diff</c> the blueprint with the removed cards as ghosts.</param>
    public sealed record Drawn(IReadOnlyList<Diagnostic> Findings, DiagramLayout? Layout, BlueprintDocument? Document = null)
    {
        public bool HasErrors => Findings.Any(d => d.Severity == Severity.Error);
    }

    /// <summary>
    /// Checks a read blueprint with its lint configuration (BP110 measured as the layout measures) and lays it out
    /// when it can be drawn: it was read, and has no errors or <paramref name="force"/> says to draw it anyway.
    /// </summary>
    /// <param name="before">With <c>--diff OLD</c>: the old version, whose changes the drawing marks.</param>
    public static Drawn Draw(ReadResult read, LoadedConfig? config, LayoutOptions options, bool force, BlueprintDocument? before = null)
    {
        var measurer = TextMeasuring.ForRender.Value;
        if (read.Document is { } document) MeasureCards(document, measurer, options);
        var findings = Analyzer.Analyze(read, new AnalysisOptions(config?.Config.Severities, CardText.CutPredicate(() => measurer, options)));
        var drawn = new Drawn(findings, null);
        if (read.Document is null || (drawn.HasErrors && !force)) return drawn;
        if (before is null) return drawn with { Layout = DiagramLayouter.Layout(read.Document, options, measurer), Document = read.Document };
        var overlay = Core.Diff.DiffOverlay.Build(before, read.Document);
        return drawn with { Layout = DiagramLayouter.Layout(overlay, options, measurer), Document = overlay.Document };
    }

    /// <summary>The file-system failure behind <paramref name="e"/>, also when the renderer wrapped it; null for any other failure.</summary>
    private static Exception? WriteFailure(Exception e) =>
        FileSystemFailure.Is(e) ? e : e is RenderException { InnerException: { } inner } && FileSystemFailure.Is(inner) ? inner : null;

    /// <summary>Fewer cards than this are measured where they are needed: starting the other core's work costs more than it saves.</summary>
    private const int CardsMeasuredInParallel = 200;

    /// <summary>
    /// Wraps every card's text into the measurer's cache on all cores. Card texts are most of a large diagram's measuring,
    /// and both the long-text check (BP110) and the layout ask for exactly these wraps, one card after another.
    /// </summary>
    private static void MeasureCards(BlueprintDocument document, ITextMeasurer measurer, LayoutOptions options)
    {
        var cards = document.Steps.SelectMany(s => s.Cards).ToList();
        if (cards.Count < CardsMeasuredInParallel || Environment.ProcessorCount < 2) return;
        Parallel.ForEach(Partitioner.Create(0, cards.Count, 64), range =>
        {
            for (int i = range.Item1; i < range.Item2; i++) CardText.Wrap(cards[i], measurer, options);
        });
    }
}
