using Blueprint.Layout;

namespace Blueprint.Rendering;

/// <summary>Draws a layout's display list on a canvas, operation by operation, in order.</summary>
public static class DiagramPainter
{
    public static void Paint(IEnumerable<DrawOp> ops, IDiagramCanvas canvas)
    {
        foreach (var op in ops)
        {
            switch (op)
            {
                case RectOp r:
                    canvas.DrawRectangle(r.Rect.X, r.Rect.Y, r.Rect.Width, r.Rect.Height, r.Fill, r.Stroke, r.CornerRadius);
                    break;
                case PolylineOp p:
                    canvas.DrawPolyline(p.Points.Select(pt => (pt.X, pt.Y)).ToList(), p.Stroke, p.ArrowHead);
                    break;
                case TextOp t:
                    double x = t.Align switch
                    {
                        TextAlign.Center => t.Box.CenterX,
                        TextAlign.End => t.Box.Right,
                        _ => t.Box.X,
                    };
                    canvas.DrawText(t.Text, x, t.Box.Y, t.Font, t.Color, t.Align);
                    break;
                case CircleOp c:
                    canvas.DrawEllipse(c.Center.X, c.Center.Y, c.Radius, c.Radius, c.Fill, c.Stroke);
                    break;
                case LinkOp l:
                    canvas.AddLink(l.Rect.X, l.Rect.Y, l.Rect.Width, l.Rect.Height, l.Url);
                    break;
                case GroupOp g:
                    canvas.BeginGroup(g.Kind, g.Data);
                    break;
                case EndGroupOp:
                    canvas.EndGroup();
                    break;
            }
        }
    }
}
