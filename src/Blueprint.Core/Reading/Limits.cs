namespace Blueprint.Core.Reading;

/// <summary>Limits that keep hostile or broken input from hanging or exhausting the tool. Documented in the README.</summary>
public static class Limits
{
    /// <summary>Largest blueprint file read: 10 MiB (a 1,000-step blueprint is about 300 KB).</summary>
    public const long MaxFileBytes = 10 * 1024 * 1024;

    /// <summary>Deepest nesting of YAML collections (a blueprint needs about 8).</summary>
    public const int MaxDepth = 64;

    /// <summary>Most nodes a YAML document may have once aliases are expanded (stops alias bombs).</summary>
    public const int MaxNodes = 1_000_000;
}
