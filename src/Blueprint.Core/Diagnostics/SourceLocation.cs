namespace Blueprint.Core.Diagnostics;

/// <summary>A position in a source file. Line and column are 1-based; every reader converts to this once.</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    public static SourceLocation StartOf(string file) => new(file, 1, 1);

    /// <summary>The one place a location is formatted: <c>path:line:col</c>.</summary>
    public override string ToString() => $"{File}:{Line}:{Column}";
}
