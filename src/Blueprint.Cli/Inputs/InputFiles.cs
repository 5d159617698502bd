using System.Text.RegularExpressions;
using Blueprint.Core.Reading;

namespace Blueprint.Cli.Inputs;

/// <summary>One blueprint to process: the path as shown to the user, or standard input when <see cref="IsStandardInput"/>.</summary>
public sealed record InputFile(string DisplayPath, string? FullPath)
{
    public const string StandardInputName = "<stdin>";
    public bool IsStandardInput => FullPath is null;
}

/// <summary>Expands command-line paths (files, folders, globs, <c>-</c>) into blueprint files, in a stable order.</summary>
public static class InputFiles
{
    public sealed record Expansion(IReadOnlyList<InputFile> Files, IReadOnlyList<string> Problems);

    /// <summary>Expands <paramref name="paths"/>; standard input is shown as <paramref name="standardInputName"/> (from <c>--stdin-filename</c>) when given.</summary>
    public static Expansion Expand(IEnumerable<string> paths, string? workingDirectory = null, string? standardInputName = null)
    {
        string cwd = workingDirectory ?? Directory.GetCurrentDirectory();
        var files = new List<InputFile>();
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(string display, string full)
        {
            if (seen.Add(full)) files.Add(new InputFile(display, full));
        }

        foreach (var path in paths)
        {
            if (path == "-")
            {
                if (seen.Add("-")) files.Add(new InputFile(standardInputName ?? InputFile.StandardInputName, null));
                continue;
            }
            string full = Path.GetFullPath(path, cwd);
            if (Directory.Exists(full))
            {
                var found = SearchFolder(full).ToList();
                if (found.Count == 0) problems.Add($"no blueprint files (*.blueprint.yaml, *.blueprint.yml, *.blueprint.md) in folder '{path}'");
                foreach (var f in found) Add(Display(path, full, f), f);
            }
            else if (File.Exists(full))
            {
                Add(path, full);
            }
            else if (path.IndexOfAny(['*', '?', '[']) >= 0)
            {
                var found = Glob(path, cwd).ToList();
                if (found.Count == 0) problems.Add($"no files match '{path}'");
                foreach (var (display, f) in found) Add(display, f);
            }
            else
            {
                problems.Add($"cannot read '{path}': no such file or folder");
            }
        }
        return new Expansion(files, problems);
    }

    private static IEnumerable<string> SearchFolder(string folder)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        return Directory.EnumerateFiles(folder, "*", options)
            .Where(f => BlueprintReader.IsBlueprintFile(f) && !IsHidden(Path.GetRelativePath(folder, f)))
            .Order(StringComparer.Ordinal);
    }

    internal static bool IsHidden(string relative) =>
        relative.Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.') || part is "node_modules" or "bin" or "obj");

    internal static string Display(string given, string folderFull, string file)
    {
        string relative = Path.GetRelativePath(folderFull, file).Replace(Path.DirectorySeparatorChar, '/');
        string prefix = given.TrimEnd('/', Path.DirectorySeparatorChar);
        return prefix is "" or "." ? relative : $"{prefix}/{relative}";
    }

    /// <summary>Glob with <c>*</c> and <c>?</c> inside a path segment and <c>**</c> for any number of folders.</summary>
    private static IEnumerable<(string Display, string Full)> Glob(string pattern, string cwd)
    {
        string normalized = pattern.Replace('\\', '/');
        var segments = normalized.Split('/');
        int firstWild = Array.FindIndex(segments, s => s.IndexOfAny(['*', '?', '[']) >= 0);
        string baseDisplay = string.Join('/', segments[..firstWild]);
        string baseFull = Path.GetFullPath(baseDisplay.Length == 0 ? "." : (baseDisplay + "/"), cwd);
        if (normalized.StartsWith('/') && baseDisplay.Length == 0) baseFull = "/";
        if (!Directory.Exists(baseFull)) yield break;
        var regex = new Regex("^" + GlobToRegex(string.Join('/', segments[firstWild..])) + "$", RegexOptions.CultureInvariant);
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        foreach (var file in Directory.EnumerateFiles(baseFull, "*", options).Order(StringComparer.Ordinal))
        {
            string relative = Path.GetRelativePath(baseFull, file).Replace(Path.DirectorySeparatorChar, '/');
            if (regex.IsMatch(relative))
                yield return (baseDisplay.Length == 0 ? relative : $"{baseDisplay.TrimEnd('/')}/{relative}", file);
        }
    }

    private static string GlobToRegex(string glob)
    {
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < glob.Length; i++)
        {
            char c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                bool slash = i + 2 < glob.Length && glob[i + 2] == '/';
                sb.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (c == '*') sb.Append("[^/]*");
            else if (c == '?') sb.Append("[^/]");
            else sb.Append(Regex.Escape(c.ToString()));
        }
        return sb.ToString();
    }
}
