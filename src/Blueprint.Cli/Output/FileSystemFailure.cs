namespace Blueprint.Cli.Output;

/// <summary>
/// The one wording of a file-system failure (SPEC section 5): <c>cannot write 'PATH': CAUSE</c> or
/// <c>cannot read 'PATH': CAUSE</c>, with the path the user named and the cause in plain words. Never an
/// exception's text, which may name a temporary file. An output that fails exits 1, an input 2.
/// </summary>
public static class FileSystemFailure
{
    /// <summary>The exceptions this helper speaks for: what the file system throws.</summary>
    public static bool Is(Exception e) => e is IOException or UnauthorizedAccessException;

    /// <summary><c>cannot write 'shown': cause</c>; <paramref name="fullPath"/> is where <paramref name="shown"/> resolves to.</summary>
    public static string Writing(string shown, string fullPath, Exception e) => $"cannot write '{shown}': {Cause(shown, fullPath, e, writing: true)}";

    /// <summary><c>cannot read 'shown': cause</c>.</summary>
    public static string Reading(string shown, string fullPath, Exception e) => $"cannot read '{shown}': {Cause(shown, fullPath, e, writing: false)}";

    /// <summary>
    /// Why it failed, looked up in the file system first (a folder where the file should be, a file where a folder
    /// should be), then from the error the system gave.
    /// </summary>
    public static string Cause(string shown, string fullPath, Exception e, bool writing = true)
    {
        if (Obstacle(shown, fullPath) is { } obstacle) return obstacle;
        if (e is UnauthorizedAccessException) return "permission denied";
        if (e is PathTooLongException) return "the name is too long";
        if (e is FileNotFoundException or DirectoryNotFoundException) return writing ? "no such folder" : "no such file";
        return e.HResult switch
        {
            // Unix errno values, which .NET gives as the HResult of an IOException there; then the Windows codes.
            1 or 13 => "permission denied",
            2 => writing ? "no such folder" : "no such file",
            5 => "input/output error",
            6 => "not a file (a socket or a device)",
            20 => "not a folder",
            21 => "is a folder",
            28 => "no space left on device",
            122 => "disk quota exceeded",
            30 => "read-only file system",
            32 => "the reading end was closed",
            36 => "the name is too long",
            unchecked((int)0x80070005) => "permission denied",
            unchecked((int)0x80070003) => "no such folder",
            unchecked((int)0x80070002) => writing ? "no such folder" : "no such file",
            unchecked((int)0x80070070) or unchecked((int)0x80070027) => "no space left on device",
            unchecked((int)0x80070013) => "read-only file system",
            _ => "the file system refused it",
        };
    }

    /// <summary>
    /// What stands where a file is to be written, before trying: <c>is a folder</c> when the path is a folder,
    /// <c>'x' is a file, not a folder</c> when a folder on the way is a file; null when nothing does.
    /// </summary>
    public static string? Obstacle(string shown, string fullPath)
    {
        if (Directory.Exists(fullPath)) return "is a folder";
        int levels = 0;
        for (string? folder = Path.GetDirectoryName(fullPath); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            levels++;
            if (File.Exists(folder)) return $"'{Ancestor(shown, folder, levels)}' is a file, not a folder";
            if (Directory.Exists(folder)) break;
        }
        return null;
    }

    /// <summary>The folder <paramref name="levels"/> above the file as the user spelled it, when the spelling has that many parts.</summary>
    private static string Ancestor(string shown, string folderFull, int levels)
    {
        string trimmed = shown.Replace('\\', '/').TrimEnd('/');
        for (int i = 0; i < levels; i++)
        {
            int slash = trimmed.LastIndexOf('/');
            if (slash <= 0) return folderFull;
            trimmed = trimmed[..slash];
        }
        return trimmed;
    }
}
