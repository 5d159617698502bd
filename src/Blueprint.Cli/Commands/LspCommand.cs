using System.CommandLine;
using Blueprint.Cli.Lsp;

namespace Blueprint.Cli.Commands;

/// <summary><c>blueprint lsp</c>: the language server over standard input and output; the work is in <see cref="LanguageServer"/>.</summary>
public static class LspCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("lsp", "Run the language server (LSP 3.17 over standard input and output) that checks blueprints in an editor as they are typed");
        command.SetAction(_ =>
        {
            using var input = console.OpenStandardInput();
            using var output = console.OpenStandardOutput();
            return LanguageServer.Run(input, output, console.Error, console.CurrentDirectory);
        });
        return command;
    }
}
