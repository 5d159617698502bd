using System.CommandLine;
using Blueprint.Core.Schema;

namespace Blueprint.Cli.Commands;

/// <summary><c>blueprint schema</c>: prints the JSON Schema of the YAML format, for editors.</summary>
public static class SchemaCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("schema", "Print the JSON Schema (draft 2020-12) of the YAML format, for editors and the YAML language server");
        command.SetAction(_ =>
        {
            console.Out.Write(BlueprintSchema.Json());
            return ExitCodes.Ok;
        });
        return command;
    }
}
