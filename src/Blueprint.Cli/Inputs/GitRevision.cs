using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Blueprint.Cli.Inputs;

/// <summary>
/// Old versions of files at a git revision, read through the <c>git</c> executable (<c>git show REV:./name</c>, run in
/// the file's folder, so any folder of any repository works). Git's messages are read in the C locale.
/// </summary>
public static class GitRevision
{
    /// <summary>What one git run gave: its exit code, its standard output as bytes and its standard error as text.</summary>
    private sealed record Run(int ExitCode, byte[] Output, string Error);

    /// <summary>A file's bytes at the revision; <see cref="Missing"/> when the file did not exist there; else <see cref="Problem"/> says why not.</summary>
    public sealed record OldVersion(byte[]? Bytes, bool Missing, string? Problem);

    private static Run Git(string folder, params string[] args)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["LC_ALL"] = "C";
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        using var process = Process.Start(start) ?? throw new Win32Exception("git did not start");
        var error = process.StandardError.ReadToEndAsync();
        using var output = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(output);
        process.WaitForExit();
        return new Run(process.ExitCode, output.ToArray(), error.Result);
    }

    /// <summary>Null when <paramref name="revision"/> names a commit in the repository that holds <paramref name="folder"/> (shown as <paramref name="shownFolder"/>); else why not, in a sentence.</summary>
    public static string? Check(string folder, string revision, string shownFolder)
    {
        try
        {
            if (Git(folder, "rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}").ExitCode == 0) return null;
            if (Git(folder, "rev-parse", "--git-dir").ExitCode != 0)
                return $"'{shownFolder}' is not in a git repository; --since reads the old versions with git";
            return $"unknown revision '{revision}': git knows no commit by that name (try a branch, a tag or a commit hash, e.g. origin/main)";
        }
        catch (Win32Exception e)
        {
            return $"cannot run git ({e.Message}); --since reads the old versions with git, so install it or compare two files: blueprint diff OLD NEW";
        }
    }

    /// <summary>The file <paramref name="name"/> in <paramref name="folder"/> as it was at <paramref name="revision"/> (already checked).</summary>
    public static OldVersion Show(string folder, string name, string revision)
    {
        var run = Git(folder, "show", $"{revision}:./{name}");
        if (run.ExitCode == 0) return new OldVersion(run.Output, false, null);
        if (run.Error.Contains("does not exist", StringComparison.Ordinal) || run.Error.Contains("exists on disk, but not in", StringComparison.Ordinal))
            return new OldVersion(null, true, null);
        string first = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? $"exit code {run.ExitCode}";
        return new OldVersion(null, false, $"git show {revision}:./{name} failed: {first}");
    }

    /// <summary>The files below <paramref name="folder"/> at <paramref name="revision"/>, relative to it with <c>/</c>.</summary>
    public static IReadOnlyList<string> FilesAt(string folder, string revision)
    {
        var run = Git(folder, "ls-tree", "-r", "--name-only", "-z", revision, "--", ".");
        if (run.ExitCode != 0) return [];
        return Encoding.UTF8.GetString(run.Output).Split('\0', StringSplitOptions.RemoveEmptyEntries);
    }
}
