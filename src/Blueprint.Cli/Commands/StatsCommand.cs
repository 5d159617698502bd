using System.CommandLine;
using Blueprint.Cli.Inputs;

namespace Blueprint.Cli.Commands;

/// <summary>The symbols of <c>blueprint stats &lt;paths...&gt; [--format text|json|markdown]</c>; the work is in <see cref="StatsRunner"/>.</summary>
public static class StatsCommand
{
    public static readonly string[] Formats = ["text", "json", "markdown"];

    public static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Blueprint files, folders (searched for *.blueprint.yaml|yml|md), globs, or - for standard input",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format")
        {
            Description = "Output format: text, json (an array with one object per file) or markdown",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong(Formats);
        var stdinFilename = StandardInput.CreateOption();
        var command = new Command("stats", "Count scenes, steps, cards per lane, fail/wait/pain points, durations and touchpoints")
        {
            paths, format, stdinFilename,
        };
        command.SetAction(result => StatsRunner.Run(console, new StatsRunner.Request(
            result.GetValue(paths) ?? [], result.GetValue(format) ?? "text", result.GetValue(stdinFilename))));
        return command;
    }
}
