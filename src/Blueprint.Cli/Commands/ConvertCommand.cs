using System.CommandLine;
using Blueprint.Cli.Inputs;

namespace Blueprint.Cli.Commands;

/// <summary>The symbols of <c>blueprint convert &lt;in&gt; -o &lt;out&gt; [--to yaml|markdown] [--force]</c>; the work is in <see cref="ConvertRunner"/>.</summary>
public static class ConvertCommand
{
    public static Command Create(CliConsole console)
    {
        var input = new Argument<string>("input")
        {
            Description = "The blueprint to convert (*.blueprint.yaml, *.blueprint.yml or *.blueprint.md), or - for standard input",
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "The file to write; its extension picks the format: .md for Markdown, .yaml or .yml for YAML; - for standard output (with --to)",
            Required = true,
        };
        var to = new Option<string?>("--to")
        {
            Description = "The format to write: yaml or markdown; needed with -o -, otherwise it must agree with -o's extension",
        };
        to.AcceptOnlyFromAmong("yaml", "markdown");
        var force = new Option<bool>("--force")
        {
            Description = "Replace the output file if it exists (the input is never replaced)",
        };
        var stdinFilename = StandardInput.CreateOption();
        var command = new Command("convert", "Convert a blueprint from YAML to Markdown or back; the model stays the same")
        {
            input, output, to, force, stdinFilename,
        };
        command.SetAction(result => ConvertRunner.Run(console, new ConvertRunner.Request(
            result.GetValue(input)!, result.GetValue(output)!, result.GetValue(force), result.GetValue(to), result.GetValue(stdinFilename))));
        return command;
    }
}
