using System.CommandLine;

namespace Blueprint.Cli.Commands;

/// <summary><c>blueprint convert &lt;in&gt; -o &lt;out&gt; [--force]</c>: YAML to Markdown or back, the format following the output's extension.</summary>
public static class ConvertCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("input") { Description = "The blueprint to convert (.blueprint.yaml, .blueprint.yml or .blueprint.md)." };
        var output = new Option<string>("--output", "-o")
        {
            Description = "The file to write; its extension picks the format (.md for Markdown, .yaml or .yml for YAML).",
            Required = true,
        };
        var force = new Option<bool>("--force") { Description = "Replace the output file if it exists (the input is never replaced)." };

        var command = new Command("convert", "Convert a blueprint between YAML and Markdown; the model stays the same.")
        {
            input, output, force,
        };
        command.SetAction(parse => ConvertAction.Run(
            parse.GetValue(input)!, parse.GetValue(output)!, parse.GetValue(force),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }
}
