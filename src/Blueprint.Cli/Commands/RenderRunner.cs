using System.Collections.Concurrent;
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

/// <summary>Renders every input (in parallel when there are several), each output written whole or not at all.</summary>
public static class RenderRunner
{
    public sealed record Request(
        IReadOnlyList<string> Paths, string? Output, string? Format, string Theme, double Scale, string Font, string? Page, bool Force, string? StdinFilename = null);

    private sealed record Job(InputFile Input, string? OutputPath, OutputFormat Format);

    private sealed record Outcome(IReadOnlyList<string> Lines, bool Failed, bool Unreadable);

    public static int Run(CliConsole console, Request request)
    {
        if (request.Scale is < 0.1 or > 8 || double.IsNaN(request.Scale))
        {
            console.Fail($"--scale {request.Scale} is out of range; use a number from 0.1 to 8");
            return ExitCodes.Usage;
        }
        PageSize? paper = null;
        if (request.Page is not null && (paper = PageSize.Find(request.Page)) is null)
        {
            console.Fail($"unknown --page '{request.Page}'; use one of {string.Join(", ", PageSize.Known.Select(p => p.Name))}");
            return ExitCodes.Usage;
        }

        if (StandardInput.Problem(request.StdinFilename, request.Paths) is { } stdinProblem)
        {
            console.Fail(stdinProblem);
            return ExitCodes.Usage;
        }
        var expansion = InputFiles.Expand(request.Paths, console.CurrentDirectory, request.StdinFilename);
        foreach (var problem in expansion.Problems) console.Fail(problem);
        if (expansion.Files.Count == 0) return ExitCodes.Usage;

        var jobs = PlanOutputs(console, request, expansion.Files);
        if (jobs is null) return ExitCodes.Usage;

        try
        {
            if (TextEngine.SubstituteFor(request.Font) is { } used)
                console.Error.WriteLine($"blueprint: warning: the font family '{request.Font}' is not installed; drawing with '{used}' instead");
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException)
        {
            console.Fail($"could not load the drawing libraries (libSkiaSharp and libHarfBuzzSharp beside the program; on Linux they need fontconfig: Debian libfontconfig1): {e.GetBaseException().Message}");
            return ExitCodes.Findings;
        }
        catch (RenderException e)
        {
            console.Fail(e.Message);
            return ExitCodes.Findings;
        }

        var options = LayoutOptions.Default with { Theme = Themes.ByName(request.Theme) ?? Themes.Light, FontFamily = request.Font };
        var outcomes = new Outcome[jobs.Count];
        int done = 0;
        var progressLock = new object();
        bool progress = console.IsTerminal && jobs.Count > 1;
        Parallel.For(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            outcomes[i] = RenderOne(console, jobs[i], options, request, paper);
            if (!progress) return;
            lock (progressLock) console.Error.Write($"\rrendering: {++done}/{jobs.Count}");
        });
        if (progress) console.Error.WriteLine();

        foreach (var outcome in outcomes)
            foreach (var line in outcome.Lines)
                (line.StartsWith("wrote ", StringComparison.Ordinal) ? console.Out : console.Error).WriteLine(line);

        if (expansion.Problems.Count > 0 || outcomes.Any(o => o.Unreadable)) return ExitCodes.Usage;
        return outcomes.Any(o => o.Failed) ? ExitCodes.Findings : ExitCodes.Ok;
    }

    /// <summary>Where each input goes, or null (after saying why) when the request cannot be met.</summary>
    private static List<Job>? PlanOutputs(CliConsole console, Request request, IReadOnlyList<InputFile> inputs)
    {
        var byExtension = request.Output is { } o && o != "-" ? FormatOf(Path.GetExtension(o)) : null;
        bool outputIsFile = byExtension is not null || request.Output == "-";
        if (request.Output is { } given && given != "-" && byExtension is null && Path.HasExtension(given) && !Directory.Exists(Path.GetFullPath(given, console.CurrentDirectory)))
        {
            console.Fail($"cannot tell the format of '{given}'; name the output .png, .pdf or .svg, or give a folder");
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

        var jobs = new List<Job>();
        foreach (var input in inputs)
        {
            string? path;
            if (request.Output == "-" || (request.Output is null && input.IsStandardInput)) path = null;
            else if (outputIsFile) path = Path.GetFullPath(request.Output!, console.CurrentDirectory);
            else
            {
                string folder = request.Output is not null
                    ? Path.GetFullPath(request.Output, console.CurrentDirectory)
                    : Path.GetDirectoryName(input.FullPath!)!;
                path = Path.Combine(folder, StemOf(input) + extension);
            }
            if (path is not null && inputs.Any(i => i.FullPath == path))
            {
                console.Fail($"refusing to write over the input '{input.DisplayPath}'; choose another output with -o");
                return null;
            }
            jobs.Add(new Job(input, path, format));
        }
        var clash = jobs.Where(j => j.OutputPath is not null).GroupBy(j => j.OutputPath).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            console.Fail($"'{clash.First().Input.DisplayPath}' and '{clash.Skip(1).First().Input.DisplayPath}' would both be written to '{Relative(console, clash.Key!)}'; render them into separate folders");
            return null;
        }
        return jobs;
    }

    private static OutputFormat? FormatOf(string extension) => extension.ToLowerInvariant() switch
    {
        ".png" => OutputFormat.Png,
        ".pdf" => OutputFormat.Pdf,
        ".svg" => OutputFormat.Svg,
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

    private static Outcome RenderOne(CliConsole console, Job job, LayoutOptions options, Request request, PageSize? paper)
    {
        var lines = new List<string>();
        var loaded = SourceLoader.Load(job.Input, console);
        if (loaded.Unreadable is not null) return new Outcome([$"blueprint: {loaded.Unreadable}"], true, true);

        var measurer = TextMeasuring.ForRender.Value;
        if (loaded.Read!.Document is { } read) MeasureCards(read, measurer, options);
        var findings = Analyzer.Analyze(loaded.Read!, new AnalysisOptions(IsTextCut: CardText.CutPredicate(() => measurer, options)));
        lines.AddRange(findings.Select(d => d.ToString()));
        var document = loaded.Read!.Document;
        bool errors = findings.Any(d => d.Severity == Severity.Error);
        if (document is null || (errors && !request.Force))
        {
            lines.Add($"blueprint: not rendered '{job.Input.DisplayPath}': {(document is null ? "it could not be read" : "fix the errors above, or use --force to draw it anyway")}");
            return new Outcome(lines, true, false);
        }

        try
        {
            var layout = DiagramLayouter.Layout(document, options, measurer);
            lines.AddRange(layout.MissingGlyphs.Distinct().Select(t => $"{job.Input.DisplayPath}: warning: {DiagramRenderer.MissingGlyphWarning(t)}"));
            var renderOptions = new RenderOptions(job.Format, request.Scale, paper, document.Title);
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
            return new Outcome(lines, false, false);
        }
        catch (Exception e) when (e is RenderException or IOException or UnauthorizedAccessException)
        {
            lines.Add($"blueprint: could not render '{job.Input.DisplayPath}': {e.Message}");
            return new Outcome(lines, true, false);
        }
    }

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
