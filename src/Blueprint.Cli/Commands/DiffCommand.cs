using System.CommandLine;

namespace Blueprint.Cli.Commands;

/// <summary>The symbols of <c>blueprint diff OLD NEW</c> and <c>blueprint diff --since REV [paths...]</c>; the work is in <see cref="DiffRunner"/>.</summary>
public static class DiffCommand
{
    public static readonly string[] Formats = ["text", "markdown", "json"];

    public static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "OLD and NEW, two blueprint files (- for standard input); with --since, blueprint files, folders (searched for *.blueprint.yaml|yml|md) or globs [default with --since: .]",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var since = new Option<string?>("--since")
        {
            Description = "Compare each blueprint with its version at this git revision (read with `git show REV:path`); a blueprint that did not exist there is all added, one deleted since is all removed",
            HelpName = "REV",
        };
        var format = new Option<string>("--format")
        {
            Description = "Output format: text (coloured on a terminal), markdown (for a pull-request comment) or json (every change with kind, element, id, field, before and after)",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong(Formats);
        var exitCode = new Option<bool>("--exit-code")
        {
            Description = "Exit with 1 when anything changed (and 0 when nothing did), as git diff --exit-code does",
        };
        var command = new Command("diff", "Compare two versions of a blueprint by meaning: scenes, steps, cards and arrows added, removed, changed, moved or renamed, and the totals before and after")
        {
            paths, since, format, exitCode,
        };
        command.SetAction(result => DiffRunner.Run(console, new DiffRunner.Request(
            result.GetValue(paths) ?? [], result.GetValue(since), result.GetValue(format) ?? "text", result.GetValue(exitCode))));
        return command;
    }
}
