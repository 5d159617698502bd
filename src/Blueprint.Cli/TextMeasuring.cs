using Blueprint.Rendering.Text;

namespace Blueprint.Cli;

/// <summary>The process's text measurer: one engine and cache for lint (BP110), layout and the canvases; a process runs one command.</summary>
internal static class TextMeasuring
{
    public static readonly Lazy<TextEngine> ForRender = new(() => TextEngine.Shared);

    public static readonly Lazy<TextEngine> ForLint = ForRender;
}
