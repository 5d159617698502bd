using Blueprint.Cli.Inputs;
using Blueprint.Core.Diff;
using Blueprint.Core.Model;
using Blueprint.Core.Reading;

namespace Blueprint.Cli.Commands;

/// <summary>
/// Reads the two versions of each blueprint (two files, or each file and its version at a git revision), compares
/// them with <see cref="BlueprintDiffer"/> and prints the changes. Exit 0, or 1 with <c>--exit-code</c> when anything
/// changed; 1 when a version has errors (it is not compared); 2 for bad usage, an unreadable path or a git failure.
/// </summary>
public static class DiffRunner
{
    public sealed record Request(IReadOnlyList<string> Paths, string? Since, string Format, bool ExitCode);

    public static int Run(CliConsole console, Request request)
    {
        var outcome = request.Since is null ? TwoFiles(console, request.Paths) : SinceRevision(console, request.Since, request.Paths);
        if (outcome is null) return ExitCodes.Usage;
        var (files, exit) = outcome.Value;
        var format = request.Format switch { "markdown" => DiffFormat.Markdown, "json" => DiffFormat.Json, _ => DiffFormat.Text };
        bool color = format == DiffFormat.Text && console.OutputIsTerminal && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        if (files.Count > 0 || exit == ExitCodes.Ok) console.Out.Write(DiffReport.Write(files, format, color));
        if (exit != ExitCodes.Ok) return exit;
        return request.ExitCode && files.Any(f => f.Diff.HasChanges) ? ExitCodes.Findings : ExitCodes.Ok;
    }

    private static (List<FileDiff>, int)? TwoFiles(CliConsole console, IReadOnlyList<string> paths)
    {
        if (paths.Count != 2)
        {
            console.Fail(paths.Count < 2
                ? $"diff needs two files to compare, OLD and NEW (got {paths.Count}); or compare with git: blueprint diff --since REV [paths...]"
                : $"diff compares two files, OLD and NEW, but got {paths.Count} paths; to compare several blueprints with git use --since REV [paths...]");
            return null;
        }
        if (paths[0] == "-" && paths[1] == "-")
        {
            console.Fail("standard input can be only one of OLD and NEW; name a file for the other");
            return null;
        }
        var before = Open(console, paths[0]);
        var after = Open(console, paths[1]);
        if (before is null || after is null) return null;
        var oldDoc = Read(console, before, out bool oldUnreadable);
        var newDoc = Read(console, after, out bool newUnreadable);
        if (oldUnreadable || newUnreadable) return null;
        if (oldDoc is null || newDoc is null) return ([], ExitCodes.Findings);
        return ([new FileDiff(after.DisplayPath, BlueprintDiffer.Compare(oldDoc, newDoc))], ExitCodes.Ok);
    }

    /// <summary>The file to read for a path given as OLD or NEW, or null (after saying why) when it is not one file.</summary>
    public static InputFile? Open(CliConsole console, string path)
    {
        if (path == "-") return new InputFile(InputFile.StandardInputName, null);
        string full = Path.GetFullPath(path, console.CurrentDirectory);
        if (Directory.Exists(full))
        {
            console.Fail($"'{path}' is a folder; diff compares two files (to compare the blueprints of a folder with git: blueprint diff --since REV {path})");
            return null;
        }
        if (!File.Exists(full))
        {
            console.Fail($"cannot read '{path}': no such file");
            return null;
        }
        return new InputFile(path, full);
    }

    /// <summary>The blueprint in <paramref name="input"/>, or null (its findings printed) when it has errors, or (<paramref name="unreadable"/>) cannot be read.</summary>
    public static BlueprintDocument? Read(CliConsole console, InputFile input, out bool unreadable)
    {
        var loaded = SourceLoader.Load(input, console);
        unreadable = loaded.Unreadable is not null;
        if (unreadable)
        {
            console.Fail(loaded.Unreadable!);
            return null;
        }
        return Checked(console, input.DisplayPath, loaded.Read!);
    }

    /// <summary>The document of a read with no reading errors; otherwise prints them and says the file is not compared.</summary>
    private static BlueprintDocument? Checked(CliConsole console, string shown, ReadResult read)
    {
        foreach (var d in read.Diagnostics) console.Error.WriteLine(d.ToString());
        if (read.Document is { } doc && !read.HasErrors) return doc;
        console.Fail($"cannot compare '{shown}': fix the errors above");
        return null;
    }

    private static (List<FileDiff>, int)? SinceRevision(CliConsole console, string revision, IReadOnlyList<string> givenPaths)
    {
        if (revision.Length == 0 || revision.StartsWith('-'))
        {
            console.Fail($"--since needs a git revision such as origin/main, a tag or a commit hash, got '{revision}'");
            return null;
        }
        var paths = givenPaths.Count == 0 ? ["."] : givenPaths;
        if (paths.Contains("-"))
        {
            console.Fail("--since compares files with their versions in git; standard input (-) has none, so give file or folder paths");
            return null;
        }
        var expansion = InputFiles.Expand(paths, console.CurrentDirectory);
        foreach (var problem in expansion.Problems) console.Fail(problem);
        if (expansion.Problems.Count > 0) return null;

        var checkedFolders = new Dictionary<string, string?>(StringComparer.Ordinal);
        bool RevisionOk(string folder)
        {
            if (!checkedFolders.TryGetValue(folder, out var problem))
            {
                string relative = Path.GetRelativePath(console.CurrentDirectory, folder).Replace(Path.DirectorySeparatorChar, '/');
                checkedFolders[folder] = problem = GitRevision.Check(folder, revision, relative.StartsWith("..", StringComparison.Ordinal) ? folder : relative);
                if (problem is not null) console.Fail(problem);
            }
            return problem is null;
        }

        // What is there now, each with its old version; then what was there at the revision and is gone.
        var pairs = new List<(string Shown, string Folder, string Name, InputFile? Now)>();
        foreach (var file in expansion.Files)
            pairs.Add((file.DisplayPath, Path.GetDirectoryName(file.FullPath!)!, Path.GetFileName(file.FullPath!), file));
        foreach (var path in paths)
        {
            string folderFull = Path.GetFullPath(path, console.CurrentDirectory);
            if (!Directory.Exists(folderFull) || !RevisionOk(folderFull)) continue;
            foreach (var relative in GitRevision.FilesAt(folderFull, revision))
            {
                string full = Path.GetFullPath(Path.Combine(folderFull, relative));
                if (!BlueprintReader.IsBlueprintFile(relative) || InputFiles.IsHidden(relative.Replace('/', Path.DirectorySeparatorChar)) || File.Exists(full)) continue;
                if (pairs.Any(p => p.Now is null && Path.Combine(p.Folder, p.Name) == full)) continue;
                pairs.Add((InputFiles.Display(path, folderFull, full), Path.GetDirectoryName(full)!, Path.GetFileName(full), null));
            }
        }

        var diffs = new List<FileDiff>();
        int exit = ExitCodes.Ok;
        foreach (var (shown, folder, name, now) in pairs.OrderBy(p => p.Shown, StringComparer.Ordinal))
        {
            if (!RevisionOk(folder)) return null;
            var old = GitRevision.Show(folder, name, revision);
            if (old.Problem is not null)
            {
                console.Fail(old.Problem);
                return null;
            }
            BlueprintDocument? oldDoc = null;
            if (!old.Missing)
            {
                string oldShown = $"{revision}:{shown}";
                var (text, error) = SourceDecoder.Decode(oldShown, old.Bytes);
                oldDoc = Checked(console, oldShown, error is null ? BlueprintReader.ReadText(oldShown, text!) : new ReadResult(null, [error]));
                if (oldDoc is null) { exit = ExitCodes.Findings; continue; }
            }
            BlueprintDocument? newDoc = null;
            if (now is not null && (newDoc = Read(console, now, out bool unreadable)) is null)
            {
                if (unreadable) return null;
                exit = ExitCodes.Findings;
                continue;
            }
            var status = old.Missing ? FileStatus.Added : now is null ? FileStatus.Removed : FileStatus.Compared;
            diffs.Add(new FileDiff(shown, BlueprintDiffer.Compare(oldDoc, newDoc), status));
        }
        return (diffs, exit);
    }
}
