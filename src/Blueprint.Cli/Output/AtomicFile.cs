namespace Blueprint.Cli.Output;

/// <summary>
/// Writes a file whole or not at all: into a temporary file in the same folder, then renamed over the target.
/// A failure (an exception from <c>write</c> included) leaves no file behind and the target untouched.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, Action<Stream> write, bool overwrite = true) =>
        Write(path, stream => { write(stream); return true; }, overwrite);

    /// <summary>As <see cref="Write(string, Action{Stream}, bool)"/>, returning what the writer returns.
    /// With <paramref name="overwrite"/> false an existing target is never replaced (the move fails instead).</summary>
    public static T Write<T>(string path, Func<Stream, T> write, bool overwrite = true)
    {
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        string temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            T result;
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                result = write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite);
            return result;
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    public static void WriteText(string path, string text, bool overwrite = true) =>
        Write(path, s => s.Write(new System.Text.UTF8Encoding(false).GetBytes(text)), overwrite);
}
