using System.Text;

namespace Blueprint.Cli.Tests;

/// <summary>Runs the CLI in-process against string writers, in a folder of the test's choosing.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public string[] OutLines => Out.Replace("\r\n", "\n").TrimEnd('\n').Split('\n');
    public string[] ErrorLines => Error.Replace("\r\n", "\n").TrimEnd('\n').Split('\n');

    public static CliRun Run(string directory, string? stdin, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var console = new CliConsole(output, error, () => new MemoryStream(Encoding.UTF8.GetBytes(stdin ?? "")))
        {
            CurrentDirectory = directory,
        };
        int code = BlueprintCli.Run(args, console);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}

/// <summary>A temporary folder deleted after the test.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("blueprint-test-").FullName;

    public string Write(string relative, string text)
    {
        string full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
