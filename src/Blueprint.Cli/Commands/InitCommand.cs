using System.CommandLine;
using Blueprint.Core.Model;

namespace Blueprint.Cli.Commands;

/// <summary>The symbols of <c>blueprint init</c>; the work is in <see cref="InitRunner"/>.</summary>
public static class InitCommand
{
    public static readonly string[] Templates = ["blank", "restaurant"];

    public static Command Create(CliConsole console)
    {
        var file = new Argument<string?>("file")
        {
            Description = $"File to write (default: {InitRunner.DefaultYamlName}, or {InitRunner.DefaultMarkdownName} with --markdown)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var markdown = new Option<bool>("--markdown")
        {
            Description = "Write the Markdown format (*.blueprint.md) instead of YAML",
        };
        var template = new Option<string>("--template")
        {
            Description = "Starter content: blank (placeholders to fill in) or restaurant (a complete example)",
            DefaultValueFactory = _ => "blank",
        };
        template.AcceptOnlyFromAmong(Templates);
        var lang = new Option<string?>("--lang")
        {
            Description = $"Language of the starter and of its diagram's words: {string.Join(", ", Languages.Codes)} (default en)",
            HelpName = "LANG",
        };
        var command = new Command("init", "Write a starter blueprint that lints clean; never overwrites an existing file")
        {
            file, markdown, template, lang,
        };
        command.SetAction(result => InitRunner.Run(console, new InitRunner.Request(
            result.GetValue(file),
            result.GetValue(markdown),
            result.GetValue(template) ?? "blank",
            result.GetValue(lang))));
        return command;
    }
}
