using Blueprint.Layout;

namespace Blueprint.Rendering;

public enum TextAlign
{
    Left,
    Center,
    Right,
}

/// <summary>How a line is drawn: colour, width in points, and an optional dash pattern (on, off, ... lengths in points).</summary>
public sealed record Stroke(Rgba Color, double Width = 1, IReadOnlyList<double>? Dash = null);

/// <summary>
/// Where a diagram is drawn: one implementation per output (PNG, PDF, SVG), all in points with the origin at the
/// top left and y growing down. Text is drawn one already-wrapped line at a time (wrap with
/// <see cref="PangoTextMeasurer"/>), so every output breaks lines in the same places. The same calls give
/// byte-identical output. A canvas is used by one thread at a time; call <see cref="Finish"/> to write the
/// document to the stream given at construction, then dispose.
/// </summary>
public interface IDiagramCanvas : IDisposable
{
    /// <summary>Starts a page of the given size in points. Only PDF accepts more than one page.</summary>
    void BeginPage(double width, double height);

    /// <summary>A rectangle, filled and/or stroked (the stroke centred on the edge), with optional rounded corners.</summary>
    void DrawRectangle(double x, double y, double width, double height, Rgba? fill, Stroke? stroke = null, double cornerRadius = 0);

    /// <summary>An ellipse (a circle when the radii are equal), filled and/or stroked.</summary>
    void DrawEllipse(double centerX, double centerY, double radiusX, double radiusY, Rgba? fill, Stroke? stroke = null);

    /// <summary>Connected straight segments; with <paramref name="arrowAtEnd"/> a solid arrowhead whose tip is the last point.</summary>
    void DrawPolyline(IReadOnlyList<(double X, double Y)> points, Stroke stroke, bool arrowAtEnd = false);

    /// <summary>
    /// One line of text. <paramref name="top"/> is the top of the line box (lines of a wrapped text sit
    /// <see cref="WrappedText.LineHeight"/> apart); <paramref name="x"/> is the left edge, centre or right edge per
    /// <paramref name="align"/>. Line breaks in <paramref name="text"/> are drawn as spaces.
    /// </summary>
    void DrawText(string text, double x, double top, FontSpec font, Rgba color, TextAlign align = TextAlign.Left);

    /// <summary>Makes an area open <paramref name="url"/> when clicked (PDF and SVG; PNG ignores it). Draws nothing.</summary>
    void AddLink(double x, double y, double width, double height, string url);

    /// <summary>Completes the document and writes it to the output stream. Drawing after this throws.</summary>
    void Finish();
}
