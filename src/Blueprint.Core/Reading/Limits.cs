namespace Blueprint.Core.Reading;

/// <summary>Limits that keep hostile or broken input from hanging or exhausting the tool. Documented in the README.</summary>
public static class Limits
{
    /// <summary>Largest blueprint file read: 10 MiB (a generated 10,000-step blueprint is about 9 MB).</summary>
    public const long MaxFileBytes = 10 * 1024 * 1024;

    /// <summary>Deepest nesting of YAML collections (a blueprint needs about 8).</summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// Most values YAML aliases may add to a document when expanded (stops alias bombs). Only what aliases add counts:
    /// the values written out in a file of any size up to <see cref="MaxFileBytes"/> are never limited.
    /// </summary>
    public const int MaxAliasValues = 1_000_000;
}
