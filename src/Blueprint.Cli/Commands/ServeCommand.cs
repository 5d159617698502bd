using System.CommandLine;
using System.Globalization;
using System.Net;

namespace Blueprint.Cli.Commands;

/// <summary>The symbols of <c>blueprint serve</c>; the work is in <see cref="ServeRunner"/>.</summary>
public static class ServeCommand
{
    public static Command Create(CliConsole console)
    {
        var path = new Argument<string?>("path")
        {
            Description = "A blueprint file (shown at /), or a folder (an index of its blueprints at /, each at its path below it) [default: the current folder]",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var port = new Option<int>("--port")
        {
            Description = "Port to listen on, 1 to 65535 [default: a free port the system chooses]",
            CustomParser = result => Port(result),
        };
        var host = new Option<string>("--host")
        {
            Description = "Address to listen on: 127.0.0.1 (only this machine), or e.g. 0.0.0.0 to let the network in (a warning says so)",
            DefaultValueFactory = _ => "127.0.0.1",
        };
        host.Validators.Add(result =>
        {
            if (result.Tokens.LastOrDefault()?.Value is { } given && ServeRunner.Address(given) is null)
                result.AddError($"--host must be an IP address (127.0.0.1, ::1, 0.0.0.0) or localhost, got '{given}'");
        });
        var noOpen = new Option<bool>("--no-open")
        {
            Description = "Do not open the page in a web browser (one is opened only where there is a display)",
        };
        var command = new Command("serve", "Preview blueprints in the browser while you write them: each save redraws the open page in place")
        {
            path, port, host, noOpen,
        };
        command.SetAction(result => ServeRunner.Run(console, new ServeRunner.Request(
            result.GetValue(path),
            result.GetValue(port),
            result.GetValue(host) ?? "127.0.0.1",
            result.GetValue(noOpen))));
        return command;
    }

    /// <summary>A port from 0 (the system's choice) to 65535, or a usage error in the user's words.</summary>
    private static int Port(System.CommandLine.Parsing.ArgumentResult result)
    {
        if (result.Tokens.Count == 0) return 0;
        string text = result.Tokens[0].Value;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value <= IPEndPoint.MaxPort) return value;
        result.AddError($"--port must be a whole number from 0 to 65535, got '{text}'");
        return 0;
    }
}
