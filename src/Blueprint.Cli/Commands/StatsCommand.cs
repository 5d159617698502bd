using System.CommandLine;
using Blueprint.Core.Stats;

namespace Blueprint.Cli.Commands;

/// <summary><c>blueprint stats &lt;paths...&gt; [--format text|json|markdown]</c>: steps, scenes, cards per lane, fail/wait/pain points, durations and touchpoints.</summary>
public static class StatsCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Blueprint files, folders (searched for *.blueprint.yaml, *.blueprint.yml, *.blueprint.md) or globs; - reads standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format")
        {
            Description = "text (default), json (an array with one object per file) or markdown.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "markdown");

        var command = new Command("stats", "Count scenes, steps, cards per lane, fail/wait/pain points, durations and touchpoints.")
        {
            paths, format,
        };
        command.SetAction(parse => StatsAction.Run(
            parse.GetValue(paths)!, ParseFormat(parse.GetValue(format)),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, Console.In));
        return command;
    }

    private static StatsFormat ParseFormat(string? value) => value switch
    {
        "json" => StatsFormat.Json,
        "markdown" => StatsFormat.Markdown,
        _ => StatsFormat.Text,
    };
}
