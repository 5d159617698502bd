using Blueprint.Rendering.Text;

namespace Blueprint.Cli;

/// <summary>The process's text measurer (one cache); a process runs one command.</summary>
internal static class TextMeasuring
{
    /// <summary>For render: its lint (BP110) and layout share the wraps, and the canvases the shaped lines.</summary>
    public static readonly Lazy<TextEngine> ForRender = new(() => new TextEngine());

    /// <summary>For lint (BP110): wraps only, no lines kept for drawing.</summary>
    public static readonly Lazy<TextEngine> ForLint = new(() => new TextEngine(keepLinesForDrawing: false));
}
