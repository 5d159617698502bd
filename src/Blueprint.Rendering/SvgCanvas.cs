using System.Globalization;
using System.Text;
using Blueprint.Layout;
using Blueprint.Rendering.Text;

namespace Blueprint.Rendering;

/// <summary>
/// Writes SVG by hand (not Skia's SVG canvas, which turns text into glyph outlines): real &lt;text&gt; elements,
/// one per wrapped line, so text stays selectable and searchable. Numbers are written with at most two decimals in
/// the invariant culture, and elements in call order, so the same calls give the same bytes. Baselines come from
/// the text engine, so each line sits where the PNG and PDF canvases draw it.
/// </summary>
public sealed class SvgCanvas : IDiagramCanvas
{
    private readonly Stream _output;
    private readonly StringBuilder _svg = new();
    private bool _begun;
    private bool _finished;
    private int _views;
    private int _groups;
    private int _clipIds;
    private readonly Dictionary<string, string> _families = [];

    /// <param name="output">Receives the SVG document (UTF-8, no byte-order mark) on <see cref="Finish"/>.</param>
    public SvgCanvas(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
    }

    public void BeginPage(double width, double height)
    {
        if (_begun)
        {
            throw new InvalidOperationException("An SVG image holds one page; draw several pages to PDF.");
        }

        if (!(width > 0) || !(height > 0) || double.IsInfinity(width) || double.IsInfinity(height))
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"A page must have a positive size, not {width} x {height}.");
        }

        _begun = true;
        _svg.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            .Append("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"")
            .Append(" width=\"").Append(Number(width)).Append("\" height=\"").Append(Number(height))
            .Append("\" viewBox=\"0 0 ").Append(Number(width)).Append(' ').Append(Number(height)).Append("\">\n");
    }

    public void DrawRectangle(double x, double y, double width, double height, Color? fill, Stroke? stroke = null, double cornerRadius = 0)
    {
        EnsureDrawing();
        _svg.Append("<rect x=\"").Append(Number(x)).Append("\" y=\"").Append(Number(y))
            .Append("\" width=\"").Append(Number(Math.Max(width, 0))).Append("\" height=\"").Append(Number(Math.Max(height, 0))).Append('"');
        var radius = Math.Min(Math.Max(cornerRadius, 0), Math.Min(width, height) / 2);
        if (radius > 0)
        {
            _svg.Append(" rx=\"").Append(Number(radius)).Append('"');
        }

        AppendPaint(fill, stroke);
        _svg.Append("/>\n");
    }

    public void DrawEllipse(double centerX, double centerY, double radiusX, double radiusY, Color? fill, Stroke? stroke = null)
    {
        EnsureDrawing();
        if (radiusX <= 0 || radiusY <= 0)
        {
            return;
        }

        if (radiusX == radiusY)
        {
            _svg.Append("<circle cx=\"").Append(Number(centerX)).Append("\" cy=\"").Append(Number(centerY))
                .Append("\" r=\"").Append(Number(radiusX)).Append('"');
        }
        else
        {
            _svg.Append("<ellipse cx=\"").Append(Number(centerX)).Append("\" cy=\"").Append(Number(centerY))
                .Append("\" rx=\"").Append(Number(radiusX)).Append("\" ry=\"").Append(Number(radiusY)).Append('"');
        }

        AppendPaint(fill, stroke);
        _svg.Append("/>\n");
    }

    public void DrawPolyline(IReadOnlyList<(double X, double Y)> points, Stroke stroke, double arrowHead = 0)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(stroke);
        EnsureDrawing();
        if (points.Count < 2)
        {
            return;
        }

        var arrow = arrowHead > 0 ? ArrowHead.Compute(points, arrowHead) : null;
        _svg.Append("<path d=\"M").Append(Number(points[0].X)).Append(' ').Append(Number(points[0].Y));
        for (var i = 1; i < points.Count; i++)
        {
            var point = i == points.Count - 1 && arrow is { LineEnd: var end } ? end : points[i];
            _svg.Append(" L").Append(Number(point.X)).Append(' ').Append(Number(point.Y));
        }

        _svg.Append('"');
        AppendPaint(null, stroke);
        _svg.Append("/>\n");

        if (arrow is { Triangle: var triangle })
        {
            _svg.Append("<path d=\"M").Append(Number(triangle[0].X)).Append(' ').Append(Number(triangle[0].Y))
                .Append(" L").Append(Number(triangle[1].X)).Append(' ').Append(Number(triangle[1].Y))
                .Append(" L").Append(Number(triangle[2].X)).Append(' ').Append(Number(triangle[2].Y)).Append(" Z\"");
            AppendPaint(stroke.Color, null);
            _svg.Append("/>\n");
        }
    }

    public void DrawText(string text, double x, double top, FontSpec font, Color color, TextAlign align = TextAlign.Start)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(font);
        EnsureDrawing();
        if (text.Length == 0)
        {
            return;
        }

        var baseline = ShapedLines.Get(text, font).Baseline;
        _svg.Append("<text x=\"").Append(Number(x)).Append("\" y=\"").Append(Number(top + baseline))
            .Append("\" font-family=\"").Append(CssFamily(font.Family))
            .Append("\" font-size=\"").Append(Number(font.Size)).Append('"');
        if (font.Bold)
        {
            _svg.Append(" font-weight=\"bold\"");
        }

        if (font.Italic)
        {
            _svg.Append(" font-style=\"italic\"");
        }

        AppendPaint(color, null);
        // A right-to-left line is written with its direction, so a browser orders its runs as the other outputs do;
        // its start is then its right edge.
        bool rightToLeft = ShapedLines.IsRightToLeft(text);
        if (rightToLeft)
        {
            _svg.Append(" direction=\"rtl\"");
        }

        var anchor = align switch
        {
            TextAlign.Center => "middle",
            TextAlign.End => rightToLeft ? "start" : "end",
            _ => rightToLeft ? "end" : null,
        };
        if (anchor is not null)
        {
            _svg.Append(" text-anchor=\"").Append(anchor).Append('"');
        }

        _svg.Append(" xml:space=\"preserve\">").Append(Escape(SingleLine(text))).Append("</text>\n");
    }

    public void AddLink(double x, double y, double width, double height, string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        EnsureDrawing();
        if (width <= 0 || height <= 0 || url.Length == 0)
        {
            return;
        }

        var href = Escape(url);
        _svg.Append("<a href=\"").Append(href).Append("\" xlink:href=\"").Append(href).Append("\">")
            .Append("<rect x=\"").Append(Number(x)).Append("\" y=\"").Append(Number(y))
            .Append("\" width=\"").Append(Number(width)).Append("\" height=\"").Append(Number(height))
            .Append("\" fill=\"none\" pointer-events=\"all\"/></a>\n");
    }

    public void Finish()
    {
        EnsureDrawing();
        _svg.Append("</svg>\n");
        _finished = true;
        try
        {
            var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(_svg.ToString());
            _output.Write(bytes);
            _output.Flush();
        }
        catch (IOException e)
        {
            throw new RenderException($"Could not write the SVG image: {e.Message}", e);
        }
    }

    public void BeginView(double clipX, double clipY, double clipWidth, double clipHeight, double offsetX, double offsetY, double scale)
    {
        EnsureDrawing();
        var id = "view" + (++_clipIds).ToString(CultureInfo.InvariantCulture);
        _svg.Append("<clipPath id=\"").Append(id).Append("\"><rect x=\"").Append(Number(clipX)).Append("\" y=\"").Append(Number(clipY))
            .Append("\" width=\"").Append(Number(clipWidth)).Append("\" height=\"").Append(Number(clipHeight)).Append("\"/></clipPath>\n")
            .Append("<g clip-path=\"url(#").Append(id).Append(")\"><g transform=\"scale(").Append(Number(scale))
            .Append(") translate(").Append(Number(offsetX)).Append(' ').Append(Number(offsetY)).Append(")\">\n");
        _views++;
    }

    public void EndView()
    {
        EnsureDrawing();
        if (_views == 0)
        {
            throw new InvalidOperationException("EndView without BeginView.");
        }

        _svg.Append("</g></g>\n");
        _views--;
    }

    public void BeginGroup(string kind, IReadOnlyList<KeyValuePair<string, string>> data)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(data);
        EnsureDrawing();
        _svg.Append("<g class=\"bp-").Append(Escape(kind)).Append('"');
        foreach (var (name, value) in data)
        {
            _svg.Append(" data-").Append(Escape(name)).Append("=\"").Append(Escape(value)).Append('"');
        }

        _svg.Append(">\n");
        _groups++;
    }

    public void EndGroup()
    {
        EnsureDrawing();
        if (_groups == 0)
        {
            throw new InvalidOperationException("EndGroup without BeginGroup.");
        }

        _svg.Append("</g>\n");
        _groups--;
    }

    public void Dispose()
    {
    }

    /// <summary>At most two decimals, invariant culture, never "-0".</summary>
    internal static string Number(double value)
    {
        var rounded = Math.Round(value, 2, MidpointRounding.AwayFromZero);
        return rounded == 0 ? "0" : rounded.ToString("0.##", CultureInfo.InvariantCulture);
    }

    /// <summary>Escapes XML text and double-quoted attribute values; drops characters XML 1.0 cannot hold.</summary>
    internal static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\t' or '\n' or '\r': builder.Append(c); break;
                case < ' ' or '\uFFFE' or '\uFFFF': break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        builder.Append(c).Append(text[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        builder.Append('\uFFFD');
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>The escaped CSS family list of a family, made once per family: a diagram has thousands of lines in one or two.</summary>
    private string CssFamily(string family)
    {
        if (!_families.TryGetValue(family, out var css)) _families[family] = css = Escape(FontFamily(family));
        return css;
    }

    /// <summary>A CSS font-family list from a family list (comma-separated), with a generic fallback at the end.</summary>
    internal static string FontFamily(string family)
    {
        string[] generics = ["serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui"];
        var names = family.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(name => name.Trim('"', '\''))
            .Where(name => name.Length > 0)
            .ToList();
        var hasGeneric = names.Any(name => generics.Contains(name, StringComparer.OrdinalIgnoreCase));
        var css = names.Select(name => generics.Contains(name, StringComparer.OrdinalIgnoreCase)
            ? name.ToLowerInvariant()
            : "'" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'");
        return string.Join(", ", hasGeneric ? css : css.Append(GuessGeneric(family)));

        static string GuessGeneric(string family) =>
            family.Contains("mono", StringComparison.OrdinalIgnoreCase) ? "monospace"
            : family.Contains("serif", StringComparison.OrdinalIgnoreCase) && !family.Contains("sans", StringComparison.OrdinalIgnoreCase) ? "serif"
            : "sans-serif";
    }

    /// <summary>The line as the other outputs draw it: every control character as a space.</summary>
    private static string SingleLine(string text) => TextShaper.WithoutControls(text);

    private void AppendPaint(Color? fill, Stroke? stroke)
    {
        if (fill is { } color)
        {
            _svg.Append(" fill=\"").Append(color.ToRgbHex()).Append('"');
            AppendOpacity("fill-opacity", color);
        }
        else
        {
            _svg.Append(" fill=\"none\"");
        }

        if (stroke is null || stroke.Width <= 0)
        {
            return;
        }

        _svg.Append(" stroke=\"").Append(stroke.Color.ToRgbHex()).Append("\" stroke-width=\"").Append(Number(stroke.Width)).Append('"');
        AppendOpacity("stroke-opacity", stroke.Color);
        // As written (SVG repeats an odd list itself), when it is a pattern at all.
        if (CanvasGeometry.DashIntervals(stroke) is not null)
        {
            _svg.Append(" stroke-dasharray=\"").AppendJoin(' ', stroke.Dash.Select(Number)).Append('"');
        }
    }

    private void AppendOpacity(string attribute, Color color)
    {
        if (!color.IsOpaque)
        {
            var opacity = Math.Round(color.A / 255.0, 3, MidpointRounding.AwayFromZero);
            _svg.Append(' ').Append(attribute).Append("=\"").Append(opacity.ToString("0.###", CultureInfo.InvariantCulture)).Append('"');
        }
    }

    private void EnsureDrawing()
    {
        if (!_begun)
        {
            throw new InvalidOperationException("Call BeginPage before drawing.");
        }

        if (_finished)
        {
            throw new InvalidOperationException("The canvas is finished; nothing more can be drawn.");
        }
    }
}
