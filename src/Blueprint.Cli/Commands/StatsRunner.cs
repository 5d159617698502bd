using Blueprint.Cli.Inputs;
using Blueprint.Core.Stats;

namespace Blueprint.Cli.Commands;

/// <summary>Reads every input, prints the figures in the requested format; reading errors go to standard error.</summary>
public static class StatsRunner
{
    public sealed record Request(IReadOnlyList<string> Paths, string Format, string? StdinFilename = null);

    /// <summary>0 done; 1 a blueprint has a reading error (its figures are still printed); 2 a path that cannot be read.</summary>
    public static int Run(CliConsole console, Request request)
    {
        if (StandardInput.Problem(request.StdinFilename, request.Paths) is { } stdinProblem)
        {
            console.Fail(stdinProblem);
            return ExitCodes.Usage;
        }
        var expansion = InputFiles.Expand(request.Paths, console.CurrentDirectory, request.StdinFilename);
        foreach (var problem in expansion.Problems) console.Fail(problem);
        int exit = expansion.Problems.Count > 0 ? ExitCodes.Usage : ExitCodes.Ok;

        var stats = new List<BlueprintStats>();
        foreach (var input in expansion.Files)
        {
            var loaded = SourceLoader.Load(input, console);
            if (loaded.Unreadable is not null)
            {
                console.Fail(loaded.Unreadable);
                exit = ExitCodes.Usage;
                continue;
            }
            var read = loaded.Read!;
            foreach (var d in read.Diagnostics) console.Error.WriteLine(d.ToString());
            if (read.HasErrors && exit == ExitCodes.Ok) exit = ExitCodes.Findings;
            if (read.Document is { } document) stats.Add(BlueprintStats.Compute(input.DisplayPath, document));
        }

        var format = request.Format switch
        {
            "json" => StatsFormat.Json,
            "markdown" => StatsFormat.Markdown,
            _ => StatsFormat.Text,
        };
        console.Out.Write(StatsReport.Write(stats, format));
        return exit;
    }
}
