using Blueprint.Rendering;

namespace Blueprint.Cli;

/// <summary>One text measurer for the process, shared by lint (BP110) and render: per-thread Pango contexts, one cache.</summary>
internal static class TextMeasuring
{
    public static readonly Lazy<PangoTextMeasurer> Shared = new(() => new PangoTextMeasurer());
}
