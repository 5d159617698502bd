using System.CommandLine;

namespace Blueprint.Cli.Commands;

/// <summary>The symbols of <c>blueprint convert &lt;in&gt; -o &lt;out&gt; [--force]</c>; the work is in <see cref="ConvertRunner"/>.</summary>
public static class ConvertCommand
{
    public static Command Create(CliConsole console)
    {
        var input = new Argument<string>("input")
        {
            Description = "The blueprint to convert (*.blueprint.yaml, *.blueprint.yml or *.blueprint.md)",
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "The file to write; its extension picks the format: .md for Markdown, .yaml or .yml for YAML",
            Required = true,
        };
        var force = new Option<bool>("--force")
        {
            Description = "Replace the output file if it exists (the input is never replaced)",
        };
        var command = new Command("convert", "Convert a blueprint from YAML to Markdown or back; the model stays the same")
        {
            input, output, force,
        };
        command.SetAction(result => ConvertRunner.Run(console, new ConvertRunner.Request(
            result.GetValue(input)!, result.GetValue(output)!, result.GetValue(force))));
        return command;
    }
}
