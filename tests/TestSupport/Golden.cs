using Xunit.Sdk;

namespace Blueprint.Tests;

/// <summary>
/// Golden files: compares text with a file kept in git. A mismatch writes <c>NAME.received.EXT</c> beside it
/// (git-ignored) for review; <c>BLUEPRINT_ACCEPT=1</c> overwrites the golden instead (never set in CI).
/// </summary>
public static class Golden
{
    public static bool Accepting => Environment.GetEnvironmentVariable("BLUEPRINT_ACCEPT") == "1"
                                    && Environment.GetEnvironmentVariable("CI") is null or "";

    public static void Verify(string goldenPath, string actual)
    {
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        string received = ReceivedPath(goldenPath);
        Directory.CreateDirectory(Path.GetDirectoryName(goldenPath)!);
        if (Accepting)
        {
            File.WriteAllText(goldenPath, actual);
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        string? expected = File.Exists(goldenPath) ? File.ReadAllText(goldenPath).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (expected == actual)
        {
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        File.WriteAllText(received, actual);
        string why = expected is null ? "no golden file yet" : FirstDifference(expected, actual);
        throw new XunitException($"{Path.GetFileName(goldenPath)} differs ({why}); see {received}. Review it and run with BLUEPRINT_ACCEPT=1 to accept.");
    }

    public static string ReceivedPath(string goldenPath)
    {
        string ext = Path.GetExtension(goldenPath);
        return goldenPath[..^ext.Length] + ".received" + ext;
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            string el = i < e.Length ? e[i] : "<end>";
            string al = i < a.Length ? a[i] : "<end>";
            if (el != al) return $"line {i + 1}: expected \"{el}\", got \"{al}\"";
        }
        return "line endings";
    }
}
