using Blueprint.Layout;

namespace Blueprint.Rendering;

/// <summary>
/// Where a diagram is drawn: one implementation per output (PNG, PDF, SVG), all in points with the origin at the
/// top left and y growing down. Text is drawn one already-wrapped line at a time (wrap with
/// <see cref="Text.TextEngine"/>), so every output breaks lines in the same places. The same calls give
/// byte-identical output. A canvas is used by one thread at a time; call <see cref="Finish"/> to write the
/// document to the stream given at construction, then dispose.
/// </summary>
public interface IDiagramCanvas : IDisposable
{
    /// <summary>Starts a page of the given size in points. Only PDF accepts more than one page.</summary>
    void BeginPage(double width, double height);

    /// <summary>A rectangle, filled and/or stroked (the stroke centred on the edge), with optional rounded corners.</summary>
    void DrawRectangle(double x, double y, double width, double height, Color? fill, Stroke? stroke = null, double cornerRadius = 0);

    /// <summary>An ellipse (a circle when the radii are equal), filled and/or stroked.</summary>
    void DrawEllipse(double centerX, double centerY, double radiusX, double radiusY, Color? fill, Stroke? stroke = null);

    /// <summary>Connected straight segments; when <paramref name="arrowHead"/> is above zero, a solid arrowhead of that
    /// length (0.8 of it wide) whose tip is the last point.</summary>
    void DrawPolyline(IReadOnlyList<(double X, double Y)> points, Stroke stroke, double arrowHead = 0);

    /// <summary>
    /// One line of text. <paramref name="top"/> is the top of the line box (lines of a wrapped text sit
    /// <see cref="WrappedText.LineHeight"/> apart); <paramref name="x"/> is the left edge, centre or right edge per
    /// <paramref name="align"/>. Line breaks in <paramref name="text"/> are drawn as spaces.
    /// </summary>
    void DrawText(string text, double x, double top, FontSpec font, Color color, TextAlign align = TextAlign.Start);

    /// <summary>Makes an area open <paramref name="url"/> when clicked (PDF and SVG; PNG ignores it). Draws nothing.</summary>
    void AddLink(double x, double y, double width, double height, string url);

    /// <summary>
    /// Draws what follows through a view until <see cref="EndView"/>: a diagram point p lands on the page at
    /// (p + offset) × scale, and only inside the clip rectangle (page coordinates). Views nest. Pagination uses this.
    /// </summary>
    void BeginView(double clipX, double clipY, double clipWidth, double clipHeight, double offsetX, double offsetY, double scale);

    /// <summary>Ends the innermost view begun by <see cref="BeginView"/>.</summary>
    void EndView();

    /// <summary>
    /// Marks what is drawn up to <see cref="EndGroup"/> as one element of the diagram (SPEC section 8): SVG writes
    /// <c>&lt;g class="bp-KIND" data-NAME="VALUE"&gt;</c>; outputs without elements draw the same and mark nothing.
    /// </summary>
    void BeginGroup(string kind, IReadOnlyList<KeyValuePair<string, string>> data) { }

    /// <summary>Ends the group begun by <see cref="BeginGroup"/>.</summary>
    void EndGroup() { }

    /// <summary>Completes the document and writes it to the output stream. Drawing after this throws.</summary>
    void Finish();
}
