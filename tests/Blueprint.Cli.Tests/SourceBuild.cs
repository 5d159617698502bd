using System.Diagnostics;
using Blueprint.Tests;

namespace Blueprint.Cli.Tests;

/// <summary>
/// One copy of the sources for the tests that build the command as users do (<see cref="PublishedCommandTests"/>,
/// <see cref="ToolPackageTests"/>): they run one after another on it, so the second Native AOT build of the same
/// code finds the first one's output and takes seconds, not a minute.
/// </summary>
public sealed class BuiltSources : IDisposable
{
    private readonly TempFolder _dir = new();
    private readonly Lazy<(int ExitCode, string Output)> _pack;

    public BuiltSources()
    {
        Source = Path.Combine(_dir.Path, "source");
        SourceBuild.CopySources(Source);
        _pack = new(() => SourceBuild.Run("bash", Source, ["scripts/pack.sh"], minutes: 8));
    }

    /// <summary>The copy of the repository's sources.</summary>
    public string Source { get; }

    /// <summary><c>scripts/pack.sh</c> run on the copy, once; its packages are in <see cref="Artifacts"/>.</summary>
    public (int ExitCode, string Output) Pack => _pack.Value;

    public string Artifacts => Path.Combine(Source, "artifacts");

    /// <summary>A new empty folder beside the copy.</summary>
    public string Folder(string name)
    {
        string path = Path.Combine(_dir.Path, name);
        Directory.CreateDirectory(path);
        return path;
    }

    public void Dispose() => _dir.Dispose();
}

[CollectionDefinition(Name)]
public sealed class BuiltSourcesCollection : ICollectionFixture<BuiltSources>
{
    public const string Name = "built from the sources";
}

/// <summary>
/// For the tests that build the command as users do: a copy of what the build needs (so nothing is written into the
/// repository), and programs run as processes of their own.
/// </summary>
internal static class SourceBuild
{
    /// <summary>Copies the sources, examples, rule pages, scripts and the build's settings into <paramref name="to"/>.</summary>
    public static void CopySources(string to)
    {
        foreach (var part in new[] { "src", "examples", "scripts", Path.Combine("docs", "rules") }) Copy(Repo.PathOf(part), Path.Combine(to, part));
        File.Copy(Repo.PathOf("Directory.Build.props"), Path.Combine(to, "Directory.Build.props"));
    }

    public static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var folder in Directory.GetDirectories(from))
        {
            string name = Path.GetFileName(folder);
            if (name is not ("bin" or "obj")) Copy(folder, Path.Combine(to, name));
        }
    }

    /// <summary>Runs a program to its end (at most <paramref name="minutes"/>), standard output and error together.</summary>
    public static (int ExitCode, string Output) Run(string program, string directory, string[] arguments,
        IReadOnlyDictionary<string, string>? environment = null, int minutes = 4)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(minutes)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} {string.Join(' ', arguments)} did not finish in {minutes} minutes");
        }

        return (process.ExitCode, output + error.Result);
    }
}
