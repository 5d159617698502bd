using System.CommandLine;
using Blueprint.Cli.Inputs;

namespace Blueprint.Cli.Commands;

/// <summary>The symbols of <c>blueprint render</c>; the work is in <see cref="RenderRunner"/>.</summary>
public static class RenderCommand
{
    public const double MinScale = 0.1;
    public const double MaxScale = 16;

    public static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Blueprint files, folders (searched for *.blueprint.yaml|yml|md), globs, or - for standard input",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Output file (its extension picks the format), or a folder for one file per input, which keeps the inputs' folders below their common root (a/x.blueprint.yaml and b/x.blueprint.yaml give DIR/a/x.png and DIR/b/x.png); - for standard output (PNG and PDF only to a pipe or file, not a terminal). Default: beside each input; standard output for the input -",
        };
        var format = new Option<string?>("--format", "-f")
        {
            Description = "Output format when -o has no extension: png, pdf, svg, or html (one self-contained interactive page: trace, details, search, zoom) [default: png]",
        };
        format.AcceptOnlyFromAmong("png", "pdf", "svg", "html");
        var theme = new Option<string>("--theme")
        {
            Description = "Colour theme: light, dark, or print (readable in greyscale)",
            DefaultValueFactory = _ => "light",
        };
        theme.AcceptOnlyFromAmong("light", "dark", "print");
        var scale = new Option<double>("--scale")
        {
            Description = $"PNG pixels per point, e.g. 2 for high-density screens ({MinScale} to {MaxScale})",
            DefaultValueFactory = _ => 1,
            CustomParser = result => CommandLineUsage.Number(result, "--scale", MinScale, MaxScale),
        };
        var font = new Option<string>("--font")
        {
            Description = "Font family for all text, an installed family such as 'Liberation Sans' (a family that is not installed gives a warning and the default)",
            DefaultValueFactory = _ => "DejaVu Sans",
        };
        var page = new Option<string?>("--page")
        {
            Description = "PDF paper size (a4, a3, a2, a1, a0, letter, legal, tabloid), landscape, one or more whole scenes a page",
        };
        var force = new Option<bool>("--force")
        {
            Description = "Render even when the blueprint has errors (what could be read is drawn; the exit code is still 1)",
        };
        var config = new Option<string?>("--config")
        {
            Description = "Lint configuration file to use instead of the nearest .blueprintlint.yaml (as lint reads it)",
        };
        var diff = new Option<string?>("--diff")
        {
            Description = "Draw what changed since OLD, an older version of the one input (a file, or - for standard input): added cards outlined green with +, changed ones amber with ~, removed ones as faded dashed ghosts in their old cell, removed arrows dashed, each mark in the legend",
            HelpName = "OLD",
        };
        var stdinFilename = StandardInput.CreateOption();
        var command = new Command("render", "Draw blueprints as swimlane diagrams (PNG, PDF, SVG or interactive HTML)")
        {
            paths, output, format, theme, scale, font, page, config, force, diff, stdinFilename,
        };
        command.Validators.Add(result => CommandLineUsage.CheckFormats(result, output, format, page));
        command.SetAction(result => RenderRunner.Run(console, new RenderRunner.Request(
            result.GetValue(paths) ?? [],
            result.GetValue(output),
            result.GetValue(format),
            result.GetValue(theme) ?? "light",
            result.GetValue(scale),
            result.GetValue(font) ?? "DejaVu Sans",
            result.GetValue(page),
            result.GetValue(force),
            result.GetValue(config),
            result.GetValue(stdinFilename),
            result.GetValue(diff))));
        return command;
    }
}
