using Blueprint.Core.Reading;
using Blueprint.Core.Stats;

namespace Blueprint.Cli.Commands;

/// <summary>The file side of <c>stats</c>: expands paths, reads each blueprint, prints the report in the core's formats.</summary>
internal static class StatsAction
{
    /// <summary>0 done, 1 a blueprint has a reading error (its figures may be partial), 2 a path that cannot be read.</summary>
    public static int Run(IReadOnlyList<string> paths, StatsFormat format, TextWriter stdout, TextWriter stderr, TextReader stdin)
    {
        int exit = 0;
        var stats = new List<BlueprintStats>();
        foreach (var (file, error) in BlueprintFiles.Expand(paths))
        {
            if (error is not null)
            {
                stderr.WriteLine($"blueprint stats: {error}");
                exit = 2;
                continue;
            }
            ReadResult read;
            try
            {
                read = file == "-"
                    ? BlueprintReader.ReadText("<stdin>", stdin.ReadToEnd())
                    : BlueprintReader.Read(file, File.ReadAllBytes(file));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"blueprint stats: cannot read `{file}`: {e.Message}");
                exit = 2;
                continue;
            }
            foreach (var d in read.Diagnostics) stderr.WriteLine(d.ToString());
            if (read.HasErrors && exit == 0) exit = 1;
            if (read.Document is { } doc) stats.Add(BlueprintStats.Compute(file == "-" ? "<stdin>" : file, doc));
        }
        stdout.Write(StatsReport.Write(stats, format));
        return exit;
    }
}

/// <summary>Turns command-line paths into blueprint files: files as given, folders searched, simple globs expanded, <c>-</c> kept.</summary>
internal static class BlueprintFiles
{
    public static IEnumerable<(string File, string? Error)> Expand(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (path == "-") { yield return ("-", null); continue; }
            if (File.Exists(path)) { yield return (path, null); continue; }
            if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(BlueprintReader.IsBlueprintFile).Order(StringComparer.Ordinal).ToList();
                if (found.Count == 0) yield return (path, $"no blueprint files (*.blueprint.yaml, *.blueprint.yml, *.blueprint.md) in `{path}`");
                foreach (var f in found) yield return (f, null);
                continue;
            }
            if (path.AsSpan().IndexOfAny("*?") >= 0)
            {
                var matches = Glob(path);
                if (matches.Count == 0) yield return (path, $"no file matches `{path}`");
                foreach (var f in matches) yield return (f, null);
                continue;
            }
            yield return (path, $"cannot read `{path}`: no such file or folder");
        }
    }

    /// <summary>A glob whose wildcards are in the file name (<c>dir/*.blueprint.md</c>), or <c>dir/**/name</c> for any depth.</summary>
    private static List<string> Glob(string pattern)
    {
        string normalized = pattern.Replace('\\', '/');
        int recursive = normalized.IndexOf("/**/", StringComparison.Ordinal);
        string folder, name;
        var option = SearchOption.TopDirectoryOnly;
        if (normalized.StartsWith("**/", StringComparison.Ordinal))
        {
            (folder, name, option) = (".", normalized[3..], SearchOption.AllDirectories);
        }
        else if (recursive >= 0)
        {
            (folder, name, option) = (normalized[..recursive], normalized[(recursive + 4)..], SearchOption.AllDirectories);
        }
        else
        {
            int slash = normalized.LastIndexOf('/');
            (folder, name) = slash < 0 ? (".", normalized) : (normalized[..slash], normalized[(slash + 1)..]);
        }
        if (name.Contains('/') || folder.AsSpan().IndexOfAny("*?") >= 0 || !Directory.Exists(folder)) return [];
        bool dotted = folder == "." && !pattern.StartsWith("./", StringComparison.Ordinal);
        return Directory.EnumerateFiles(folder, name, option)
            .Select(f => dotted && f.StartsWith("./", StringComparison.Ordinal) ? f[2..] : f)
            .Order(StringComparer.Ordinal).ToList();
    }
}
