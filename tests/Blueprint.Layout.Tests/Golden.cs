namespace Blueprint.Layout.Tests;

/// <summary>
/// Golden files: a mismatch writes <c>*.received.json</c> beside the golden and fails. Setting BLUEPRINT_ACCEPT=1
/// accepts the new output instead, except under CI (the CI variable set), where goldens are never rewritten.
/// </summary>
internal static class Golden
{
    public static void Verify(string goldenPath, string actual)
    {
        string received = Path.ChangeExtension(goldenPath, null) + ".received.json";
        bool accept = Environment.GetEnvironmentVariable("BLUEPRINT_ACCEPT") == "1"
                      && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));
        string? expected = File.Exists(goldenPath) ? File.ReadAllText(goldenPath).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (expected == actual)
        {
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(goldenPath)!);
        if (accept)
        {
            File.WriteAllText(goldenPath, actual);
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        File.WriteAllText(received, actual);
        Assert.Fail(expected is null
            ? $"no golden {goldenPath}; wrote {received}. Review it, then rerun with BLUEPRINT_ACCEPT=1 to accept."
            : $"layout differs from {goldenPath}; wrote {received}. Diff them, then rerun with BLUEPRINT_ACCEPT=1 to accept.");
    }
}
