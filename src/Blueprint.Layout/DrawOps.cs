namespace Blueprint.Layout;

/// <summary>
/// Which part of the diagram an operation belongs to, so a paginating renderer can repeat the frozen parts:
/// <see cref="Header"/> (title block, top left), <see cref="Labels"/> (the lane label column, repeated on every
/// page), <see cref="Body"/> (everything over the step columns, clipped to a page's scene range) and
/// <see cref="Legend"/> (bottom left).
/// </summary>
public enum Region { Header, Labels, Body, Legend }

/// <summary>Horizontal alignment of a text line inside its box.</summary>
public enum TextAlign { Start, Center, End }

/// <summary>How a line is stroked. <see cref="Dash"/> holds on/off lengths in points; empty means solid.</summary>
public sealed record Stroke(Color Color, double Width, IReadOnlyList<double> Dash)
{
    public Stroke(Color color, double width) : this(color, width, []) { }
    public bool IsDashed => Dash.Count > 0;
}

/// <summary>
/// One drawing primitive of the display list. Renderers draw the list in order (later on top) and need nothing
/// else: geometry, colours and wrapped text are final.
/// </summary>
public abstract record DrawOp(Region Region);

/// <summary>A rectangle, filled and/or stroked; rounded when <see cref="CornerRadius"/> is above zero.</summary>
public sealed record RectOp(Region Region, Rect Rect, Color? Fill, Stroke? Stroke, double CornerRadius = 0) : DrawOp(Region);

/// <summary>
/// An open polyline. When <see cref="ArrowHead"/> is above zero a filled triangle of that length (and 0.8 times that
/// width) in the stroke colour ends it: its tip is the last point, pointing along the last segment; renderers pull the
/// line back under the head so a thick line does not poke through the tip.
/// </summary>
public sealed record PolylineOp(Region Region, IReadOnlyList<Point> Points, Stroke Stroke, double ArrowHead = 0) : DrawOp(Region);

/// <summary>
/// One line of text, already wrapped (and cut with "…" where needed) by the layout's <see cref="ITextMeasurer"/>.
/// <see cref="Box"/> is the line box: its top is the top of the drawn line, its height the
/// line height, and the text is aligned inside its width by <see cref="Align"/>.
/// </summary>
public sealed record TextOp(Region Region, string Text, Rect Box, TextAlign Align, FontSpec Font, Color Color) : DrawOp(Region);

/// <summary>A circle, filled and/or stroked.</summary>
public sealed record CircleOp(Region Region, Point Center, double Radius, Color? Fill, Stroke? Stroke) : DrawOp(Region);

/// <summary>A clickable area (PDF link annotation, SVG anchor); draws nothing.</summary>
public sealed record LinkOp(Region Region, Rect Rect, string Url) : DrawOp(Region);

/// <summary>
/// Starts a group of the operations up to the matching <see cref="EndGroupOp"/>: one element of the diagram (a card,
/// an arrow, a step header, a lane) that SVG writes as <c>&lt;g class="bp-KIND" data-NAME="VALUE"&gt;</c> (SPEC section 8)
/// and the other outputs ignore. Groups do not nest.
/// </summary>
public sealed record GroupOp(Region Region, string Kind, IReadOnlyList<KeyValuePair<string, string>> Data) : DrawOp(Region);

/// <summary>Ends the group begun by the last <see cref="GroupOp"/>.</summary>
public sealed record EndGroupOp(Region Region) : DrawOp(Region);
