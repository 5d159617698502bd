using Blueprint.Core.Reading;

namespace Blueprint.Cli.Serve;

/// <summary>
/// What <c>serve</c> shows and at which address (SPEC section 8): a blueprint at <c>/</c>, or a folder's index at
/// <c>/</c> and each blueprint below it at its relative path. Nothing else is served: a path that leaves the folder
/// (<c>..</c>, an absolute path, a drive, an encoded slash or dot), a hidden file or folder, or anything that is not a
/// blueprint is no file here at all.
/// </summary>
public sealed record ServedFiles(string Root, string? SingleFile)
{
    /// <summary>Where each page's updates are sent from: this prefix and the page's own path. A dot folder is never a page.</summary>
    public const string EventsPrefix = "/.events";

    /// <summary>For <c>serve PATH</c>: PATH's full path is a file (shown at <c>/</c>) or a folder (an index at <c>/</c>).</summary>
    public static ServedFiles For(string fullPath) =>
        File.Exists(fullPath) ? new ServedFiles(Path.GetDirectoryName(fullPath)!, fullPath) : new ServedFiles(Path.TrimEndingDirectorySeparator(fullPath), null);

    /// <summary>The blueprint a request path names (decoded, as the server hands it over), or null: then the answer is 404.</summary>
    public string? Resolve(string requestPath)
    {
        if (SingleFile is not null) return requestPath == "/" ? SingleFile : null;
        if (requestPath.Length < 2 || requestPath[0] != '/') return null;
        string relative = requestPath[1..];
        // Separators and drives of other systems, NUL, and '%' (an encoded slash or dot the server left encoded).
        if (relative.IndexOfAny(['\\', '\0', ':', '%']) >= 0) return null;
        var segments = relative.Split('/');
        if (segments.Any(s => s.Length == 0 || s[0] == '.' || s.Trim().Length == 0)) return null;
        if (!BlueprintReader.IsBlueprintFile(relative)) return null;

        string full = Path.GetFullPath(Path.Combine([Root, .. segments]));
        if (!IsBelowRoot(full) || !File.Exists(full)) return null;
        // A link below the folder to a file outside it is outside it.
        if (new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true) is { } target && !IsBelowRoot(Path.GetFullPath(target.FullName))) return null;
        return full;
    }

    /// <summary>The address of a served blueprint: <c>/</c> for the one file, else its path below the folder.</summary>
    public string PagePath(string fullPath) =>
        SingleFile is not null ? "/" : "/" + string.Join('/', Path.GetRelativePath(Root, fullPath).Split(Path.DirectorySeparatorChar).Select(Uri.EscapeDataString));

    private bool IsBelowRoot(string full) =>
        full.StartsWith(Root.EndsWith(Path.DirectorySeparatorChar) ? Root : Root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>Whether a changed file is one of those served, or a lint configuration that shapes their findings.</summary>
    public bool Concerns(string fullPath)
    {
        if (Core.Analysis.LintConfig.FileNames.Contains(Path.GetFileName(fullPath))) return true;
        if (SingleFile is not null) return fullPath == SingleFile;
        if (!IsBelowRoot(fullPath) || !BlueprintReader.IsBlueprintFile(fullPath)) return false;
        return !Path.GetRelativePath(Root, fullPath).Split(Path.DirectorySeparatorChar).Any(s => s.StartsWith('.'));
    }
}
