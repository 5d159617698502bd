namespace Blueprint.Cli;

/// <summary>
/// The console a command talks to; tests pass string writers, a fake standard input and a working directory
/// (relative paths are resolved against it; null means the process's current directory).
/// </summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error, Func<Stream> OpenStandardInput, bool IsTerminal = false, string? WorkingDirectory = null)
{
    /// <summary>The folder relative paths are taken from: <see cref="WorkingDirectory"/>, else the process's own.</summary>
    public string CurrentDirectory { get; init; } = WorkingDirectory ?? Directory.GetCurrentDirectory();

    /// <summary>Whether standard output itself is a terminal (binary output is refused there); tests may claim it.</summary>
    public bool OutputIsTerminal { get; init; } = IsTerminal;

    /// <summary>Standard output as bytes, for a rendered PNG, PDF or SVG; tests pass a memory stream.</summary>
    public Func<Stream> OpenStandardOutput { get; init; } = Console.OpenStandardOutput;

    public static CliConsole System => new(Console.Out, Console.Error, Console.OpenStandardInput,
        !Console.IsOutputRedirected && !Console.IsErrorRedirected)
    {
        OutputIsTerminal = !Console.IsOutputRedirected,
    };

    /// <summary>A usage or path problem: <c>blueprint: message</c> on standard error.</summary>
    public void Fail(string message) => Error.WriteLine($"blueprint: {message}");
}

/// <summary>Process exit codes (SPEC section 5).</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Findings = 1;
    public const int Usage = 2;
}
