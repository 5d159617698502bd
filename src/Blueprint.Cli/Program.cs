using Blueprint.Cli;

return BlueprintCli.Run(args, CliConsole.System);
