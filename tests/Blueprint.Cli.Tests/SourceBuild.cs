using System.Diagnostics;
using Blueprint.Tests;

namespace Blueprint.Cli.Tests;

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
