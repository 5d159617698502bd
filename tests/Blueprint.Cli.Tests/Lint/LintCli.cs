using System.Text;

namespace Blueprint.Cli.Tests.Lint;

/// <summary>Runs the command line in-process against string writers, in a given working directory.</summary>
internal static class LintCli
{
    public sealed record Result(int Code, string Out, string Err)
    {
        public string[] OutLines => Out.Replace("\r\n", "\n").TrimEnd('\n').Split('\n');
        public string[] ErrLines => Err.Replace("\r\n", "\n").TrimEnd('\n').Split('\n');
    }

    public static Result Run(string workingDirectory, string[] args, string? stdin = null)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var console = new CliConsole(output, error, () => new MemoryStream(Encoding.UTF8.GetBytes(stdin ?? "")), WorkingDirectory: workingDirectory);
        int code = BlueprintCli.Run(args, console);
        return new Result(code, output.ToString(), error.ToString());
    }

    public static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "blueprint-cli.sln"))) return dir.FullName;
        throw new InvalidOperationException("cannot find the repository root (blueprint-cli.sln)");
    }

    public static string Fixtures => Path.Combine(Root, "tests", "Fixtures");
}

/// <summary>A temporary folder tree for one test, removed afterwards.</summary>
internal sealed class TempTree : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "blueprint-tests-" + Guid.NewGuid().ToString("N"));

    public TempTree() => Directory.CreateDirectory(Path);

    public string Write(string relative, string text)
    {
        string full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text.Replace("\r\n", "\n"));
        return full;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
