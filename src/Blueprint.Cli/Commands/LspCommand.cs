using System.CommandLine;
using Blueprint.Cli.Lsp;

namespace Blueprint.Cli.Commands;

/// <summary><c>blueprint lsp</c>: the language server over standard input and output; the work is in <see cref="LanguageServer"/>.</summary>
public static class LspCommand
{
    public static Command Create(CliConsole console)
    {
        // Editors' clients (vscode-languageclient among them) name the transport; standard input and output is the only one.
        var stdio = new Option<bool>("--stdio")
        {
            Description = "Talk over standard input and output (the default, and the only transport)",
        };
        var command = new Command("lsp", "Run the language server (LSP 3.17 over standard input and output) that checks blueprints in an editor as they are typed")
        {
            stdio,
        };
        command.SetAction(_ =>
        {
            using var input = console.OpenStandardInput();
            using var output = console.OpenStandardOutput();
            return LanguageServer.Run(input, output, console.Error, console.CurrentDirectory);
        });
        return command;
    }
}
