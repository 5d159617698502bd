using System.CommandLine;
using Blueprint.Cli.Commands;

namespace Blueprint.Cli;

/// <summary>The command line: builds the commands, parses, runs, and maps every outcome to an exit code.</summary>
public static class BlueprintCli
{
    public static RootCommand BuildRoot(CliConsole console)
    {
        var root = new RootCommand("blueprint: compile service blueprints written in YAML or Markdown into swimlane diagrams, and lint them")
        {
            RenderCommand.Create(console),
            LintCommand.Create(console),
            ConvertCommand.Create(console),
            StatsCommand.Create(console),
            InitCommand.Create(console),
            SchemaCommand.Create(console),
            DiffCommand.Create(console),
            ServeCommand.Create(console),
            LspCommand.Create(console),
        };
        root.Options.Add(VerboseOption);
        return root;
    }

    public static readonly Option<bool> VerboseOption = new("--verbose")
    {
        Description = "Print details (a stack trace) when the tool itself fails",
        Recursive = true,
    };

    public static int Run(string[] args, CliConsole console)
    {
        var root = BuildRoot(console);
        var parse = root.Parse(args);
        var unknown = CommandLineUsage.UnknownTokens(parse);
        if (unknown.Count > 0 || parse.Errors.Count > 0)
        {
            // An unknown name explains whatever else went wrong (its value taken as a path, say), so it is said alone.
            foreach (var message in unknown.Count > 0 ? unknown : parse.Errors.Select(e => e.Message)) console.Fail(message);
            string command = string.Join(' ', parse.CommandResult.Command is RootCommand ? [] : new[] { parse.CommandResult.Command.Name });
            console.Error.WriteLine($"Run 'blueprint {(command.Length > 0 ? command + " " : "")}--help' for usage.");
            return ExitCodes.Usage;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            var fault = e is AggregateException { InnerExceptions.Count: 1 } one ? one.InnerExceptions[0] : e;
            console.Fail($"internal error: {fault.GetType().Name}: {fault.Message}");
            if (parse.GetValue(VerboseOption)) console.Error.WriteLine(e.ToString());
            else console.Error.WriteLine("Rerun with --verbose for details, and please report it with the input that caused it.");
            return ExitCodes.Findings;
        }
    }
}
