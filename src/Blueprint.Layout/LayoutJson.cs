using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Blueprint.Layout;

/// <summary>
/// The layout as JSON for goldens: invariant culture, two decimals, fixed key order, one array element per line so
/// that a diff shows exactly which card, edge or drawing operation moved.
/// </summary>
public static class LayoutJson
{
    public static string Write(DiagramLayout layout)
    {
        var sb = new StringBuilder();
        sb.Append("{\n");
        sb.Append("  \"width\": ").Append(N(layout.Width)).Append(",\n");
        sb.Append("  \"height\": ").Append(N(layout.Height)).Append(",\n");
        sb.Append("  \"theme\": ").Append(S(layout.ThemeName)).Append(",\n");
        sb.Append("  \"background\": ").Append(S(layout.Background.ToHex())).Append(",\n");
        sb.Append("  \"labelColumn\": ").Append(R(layout.LabelColumn)).Append(",\n");
        sb.Append("  \"header\": ").Append(R(layout.Header)).Append(",\n");
        sb.Append("  \"legend\": ").Append(R(layout.Legend)).Append(",\n");
        Array(sb, "scenes", layout.Scenes, s =>
            $"{{\"id\": {S(s.Id)}, \"name\": {S(s.Name)}, \"firstStep\": {I(s.FirstStep)}, \"stepCount\": {I(s.StepCount)}, \"left\": {N(s.Left)}, \"right\": {N(s.Right)}, \"band\": {R(s.Band)}}}");
        Array(sb, "steps", layout.Steps, s =>
            $"{{\"id\": {S(s.Id)}, \"name\": {S(s.Name)}, \"scene\": {I(s.SceneIndex)}, \"column\": {R(s.Column)}, \"header\": {R(s.Header)}{Opt("url", s.Url)}}}");
        Array(sb, "lanes", layout.Lanes, l =>
            $"{{\"id\": {S(l.Id)}, \"name\": {S(l.Name)}, \"band\": {R(l.Band)}, \"fill\": {C(l.Fill)}, \"cardFill\": {C(l.CardFill)}}}");
        Array(sb, "separators", layout.Separators, s =>
            $"{{\"kind\": {S(Camel(s.Kind.ToString()))}, \"label\": {S(s.Label)}, \"y\": {N(s.Y)}, \"aboveLane\": {I(s.AboveLane)}}}");
        Array(sb, "cards", layout.Cards, c =>
            $"{{\"name\": {S(c.Name)}, \"step\": {I(c.StepIndex)}, \"lane\": {I(c.LaneIndex)}, \"index\": {I(c.IndexInCell)}, \"rect\": {R(c.Rect)}, " +
            $"\"lines\": [{string.Join(", ", c.Lines.Select(S))}], \"cut\": {B(c.TextCut)}, " +
            $"\"badges\": [{string.Join(", ", c.Badges.Select(b => S(b.Label)))}]{Opt("url", c.Url)}{Opt("mark", c.Mark is { } mk ? Camel(mk.ToString()) : null)}}}");
        Array(sb, "edges", layout.Edges, e =>
            $"{{\"kind\": {S(Camel(e.Kind.ToString()))}, \"from\": {I(e.FromCard)}, \"to\": {I(e.ToCard)}, \"points\": {P(e.Points)}" +
            (e.Label is null ? "" : $", \"label\": {S(e.Label)}") + (e.LabelRect is { } lr ? $", \"labelRect\": {R(lr)}" : "") + Opt("mark", e.Mark is { } mk ? Camel(mk.ToString()) : null) + "}");
        Array(sb, "ops", layout.Ops, Op, last: true);
        sb.Append("}\n");
        return sb.ToString();
    }

    private static string Op(DrawOp op)
    {
        string region = S(Camel(op.Region.ToString()));
        return op switch
        {
            RectOp r => $"{{\"op\": \"rect\", \"region\": {region}, \"rect\": {R(r.Rect)}{Fill(r.Fill)}{StrokeJson(r.Stroke)}" +
                        (r.CornerRadius > 0 ? $", \"radius\": {N(r.CornerRadius)}" : "") + "}",
            PolylineOp l => $"{{\"op\": \"polyline\", \"region\": {region}, \"points\": {P(l.Points)}{StrokeJson(l.Stroke)}" +
                            (l.ArrowHead > 0 ? $", \"arrowHead\": {N(l.ArrowHead)}" : "") + "}",
            TextOp t => $"{{\"op\": \"text\", \"region\": {region}, \"text\": {S(t.Text)}, \"box\": {R(t.Box)}, \"align\": {S(Camel(t.Align.ToString()))}, " +
                        $"\"font\": {Font(t.Font)}, \"color\": {C(t.Color)}}}",
            CircleOp c => $"{{\"op\": \"circle\", \"region\": {region}, \"center\": [{N(c.Center.X)}, {N(c.Center.Y)}], \"radius\": {N(c.Radius)}{Fill(c.Fill)}{StrokeJson(c.Stroke)}}}",
            LinkOp k => $"{{\"op\": \"link\", \"region\": {region}, \"rect\": {R(k.Rect)}, \"url\": {S(k.Url)}}}",
            GroupOp g => $"{{\"op\": \"group\", \"region\": {region}, \"kind\": {S(g.Kind)}{string.Concat(g.Data.Select(d => $", {S(d.Key)}: {S(d.Value)}"))}}}",
            EndGroupOp => $"{{\"op\": \"end\", \"region\": {region}}}",
            _ => throw new InvalidOperationException($"unknown drawing operation {op.GetType().Name}"),
        };
    }

    private static void Array<T>(StringBuilder sb, string name, IReadOnlyList<T> items, Func<T, string> write, bool last = false)
    {
        sb.Append("  ").Append(S(name)).Append(": [");
        if (items.Count > 0)
        {
            sb.Append('\n');
            for (int i = 0; i < items.Count; i++)
                sb.Append("    ").Append(write(items[i])).Append(i + 1 < items.Count ? ",\n" : "\n");
            sb.Append("  ");
        }
        sb.Append(']').Append(last ? "\n" : ",\n");
    }

    private static string Fill(Color? fill) => fill is { } f ? $", \"fill\": {C(f)}" : "";

    private static string StrokeJson(Stroke? s) => s is null ? ""
        : $", \"stroke\": {{\"color\": {C(s.Color)}, \"width\": {N(s.Width)}" +
          (s.IsDashed ? $", \"dash\": [{string.Join(", ", s.Dash.Select(N))}]" : "") + "}";

    private static string Font(FontSpec f) =>
        $"{{\"family\": {S(f.Family)}, \"size\": {N(f.Size)}" + (f.Bold ? ", \"bold\": true" : "") + (f.Italic ? ", \"italic\": true" : "") + "}";

    private static string Opt(string key, string? value) => value is null ? "" : $", {S(key)}: {S(value)}";

    private static string P(IReadOnlyList<Point> pts) => "[" + string.Join(", ", pts.Select(p => $"[{N(p.X)}, {N(p.Y)}]")) + "]";

    private static string R(Rect r) => $"[{N(r.X)}, {N(r.Y)}, {N(r.Width)}, {N(r.Height)}]";

    private static string C(Color c) => S(c.ToHex());

    private static string B(bool b) => b ? "true" : "false";

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);

    /// <summary>Two decimals, invariant, never "-0.00".</summary>
    public static string N(double v)
    {
        double r = Math.Round(v, 2, MidpointRounding.AwayFromZero);
        if (r == 0) r = 0;
        return r.ToString("F2", CultureInfo.InvariantCulture);
    }

    private static string S(string s) => "\"" + JsonEncodedText.Encode(s, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString() + "\"";

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
