using System.CommandLine;
using Blueprint.Cli.Inputs;

namespace Blueprint.Cli.Commands;

/// <summary>The symbols of <c>blueprint lint</c>; the work is in <see cref="LintRunner"/>.</summary>
public static class LintCommand
{
    public static readonly string[] Formats = ["text", "json", "sarif", "github"];

    public static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Blueprint files, folders (searched for *.blueprint.yaml|yml|md), globs, or - for standard input",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format")
        {
            Description = "Output format: text (path:line:col: severity ID name: message), json (an array of findings), sarif (SARIF 2.1.0 for code scanning) or github (workflow-command annotations)",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong(Formats);
        var maxWarnings = new Option<int?>("--max-warnings")
        {
            Description = "Exit with 1 when there are more warnings than this (0 or more)",
            CustomParser = result => (int?)CommandLineUsage.Count(result, "--max-warnings"),
        };
        var config = new Option<string?>("--config")
        {
            Description = "Lint configuration file to use instead of the nearest .blueprintlint.yaml",
        };
        var baseline = new Option<string?>("--baseline")
        {
            Description = "Report only findings not recorded in this baseline file (say how many it hid, and list its entries that no longer occur); errors are never hidden",
            HelpName = "FILE",
        };
        var writeBaseline = new Option<string?>("--write-baseline")
        {
            Description = "Record today's findings (not errors) in this baseline file, JSON with paths relative to its folder, sorted; written whole or not at all",
            HelpName = "FILE",
        };
        var stdinFilename = StandardInput.CreateOption();
        var command = new Command("lint", "Check blueprints for errors and lint warnings, with file, line and column")
        {
            paths, format, maxWarnings, config, baseline, writeBaseline, stdinFilename,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(baseline) is not null && result.GetResult(writeBaseline) is not null)
                result.AddError("--baseline and --write-baseline contradict each other; to refresh a baseline give only --write-baseline FILE");
        });
        command.SetAction(result => LintRunner.Run(console, new LintRunner.Request(
            result.GetValue(paths) ?? [],
            result.GetValue(format) ?? "text",
            result.GetValue(maxWarnings),
            result.GetValue(config),
            result.GetValue(stdinFilename),
            result.GetValue(baseline),
            result.GetValue(writeBaseline))));
        return command;
    }
}
