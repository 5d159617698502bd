using System.Text;

namespace Blueprint.Cli.Tests;

/// <summary>Runs the CLI in-process against string writers, in a folder of the test's choosing.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public string[] OutLines => Out.Replace("\r\n", "\n").TrimEnd('\n').Split('\n');
    public string[] ErrorLines => Error.Replace("\r\n", "\n").TrimEnd('\n').Split('\n');

    /// <summary>What the command wrote to standard output as bytes (a rendered PNG, PDF or SVG), apart from <see cref="Out"/>'s text.</summary>
    public byte[] OutBytes { get; init; } = [];

    public static CliRun Run(string directory, string? stdin, params string[] args) => Run(directory, stdin, terminal: false, args);

    /// <summary>As <see cref="Run(string, string?, string[])"/>, with standard output (and error) claiming to be a terminal when <paramref name="terminal"/>.</summary>
    public static CliRun Run(string directory, string? stdin, bool terminal, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var bytes = new MemoryStream();
        var console = new CliConsole(output, error, () => new MemoryStream(Encoding.UTF8.GetBytes(stdin ?? "")), terminal)
        {
            CurrentDirectory = directory,
            OpenStandardOutput = () => new NonClosing(bytes),
        };
        int code = BlueprintCli.Run(args, console);
        return new CliRun(code, output.ToString(), error.ToString()) { OutBytes = bytes.ToArray() };
    }

    /// <summary>Keeps the bytes readable after the command disposes its standard output.</summary>
    private sealed class NonClosing(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
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
