using Blueprint.Layout;
using Blueprint.Rendering.Text;
using System.Text;
using System.Xml.Linq;

namespace Blueprint.Rendering.Tests;

public sealed class SvgCanvasTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static string Render(Action<IDiagramCanvas> draw) =>
        Encoding.UTF8.GetString(CanvasTestDrawing.Render(stream => new SvgCanvas(stream), draw));

    [Fact]
    public void Writes_real_text_elements_with_escaped_content()
    {
        var svg = Render(CanvasTestDrawing.Draw);

        Assert.Contains(">Café &amp; &lt;crème&gt; 日本</text>", svg, StringComparison.Ordinal);
        var texts = XDocument.Parse(svg).Descendants(Svg + "text").ToList();
        Assert.Equal(["Café & <crème> 日本", "right"], texts.Select(t => t.Value));
        Assert.Equal("'DejaVu Sans', sans-serif", texts[0].Attribute("font-family")?.Value);
        Assert.Equal("11", texts[0].Attribute("font-size")?.Value);
        Assert.Equal("end", texts[1].Attribute("text-anchor")?.Value);
        Assert.Equal("bold", texts[1].Attribute("font-weight")?.Value);
        Assert.Equal("0.502", texts[1].Attribute("fill-opacity")?.Value);
    }

    [Fact]
    public void Puts_the_baseline_below_the_line_top()
    {
        var text = XDocument.Parse(Render(CanvasTestDrawing.Draw)).Descendants(Svg + "text").First();

        Assert.Equal("10", text.Attribute("x")?.Value);
        // Between the middle and the bottom of the line box, whatever fallback fonts the machine has.
        double lineHeight = TextEngine.Shared.Wrap(text.Value, CanvasTestDrawing.Font, double.PositiveInfinity, 0).LineHeight;
        Assert.InRange(double.Parse(text.Attribute("y")!.Value, System.Globalization.CultureInfo.InvariantCulture), 70 + lineHeight / 2, 70 + lineHeight);
    }

    [Fact]
    public void Writes_shapes_dashes_arrowheads_and_links()
    {
        var svg = Render(CanvasTestDrawing.Draw);

        Assert.Contains("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"200\" height=\"100\" viewBox=\"0 0 200 100\">", svg, StringComparison.Ordinal);
        Assert.Contains("<rect x=\"10\" y=\"10\" width=\"40\" height=\"30\" rx=\"4\" fill=\"#ff0000\" stroke=\"#000000\" stroke-width=\"2\"/>", svg, StringComparison.Ordinal);
        Assert.Contains("<circle cx=\"150\" cy=\"25\" r=\"10\" fill=\"#0000ff\"/>", svg, StringComparison.Ordinal);
        Assert.Contains("stroke-dasharray=\"4 2\"", svg, StringComparison.Ordinal);
        // The line stops inside the arrowhead; the head's tip is the polyline's last point.
        Assert.Contains("<path d=\"M60 25 L100 25 L100 52.4\"", svg, StringComparison.Ordinal);
        Assert.Contains("<path d=\"M100 60 L", svg, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.com/card?id=1&amp;x='y'\"", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Is_byte_identical_across_renders()
    {
        Assert.Equal(Render(CanvasTestDrawing.Draw), Render(CanvasTestDrawing.Draw));
    }

    [Fact]
    public void Writes_controls_as_spaces_as_the_other_outputs_draw_them_and_replaces_what_xml_cannot_hold()
    {
        var svg = Render(canvas =>
        {
            canvas.BeginPage(10, 10);
            canvas.DrawText("a\u0001b\"c\ud800d", 0, 0, CanvasTestDrawing.Font, Color.Black);
            canvas.Finish();
        });

        Assert.Equal("a b\"c\uFFFDd", XDocument.Parse(svg).Descendants(Svg + "text").Single().Value);
    }

    [Theory]
    [InlineData(1.125, "1.13")]
    [InlineData(12.0, "12")]
    [InlineData(-0.001, "0")]
    [InlineData(-3.456, "-3.46")]
    [InlineData(1234567.891, "1234567.89")]
    public void Formats_numbers_with_at_most_two_decimals(double value, string expected)
    {
        Assert.Equal(expected, SvgCanvas.Number(value));
    }

    [Theory]
    [InlineData("DejaVu Sans", "'DejaVu Sans', sans-serif")]
    [InlineData("Noto Serif, DejaVu Serif", "'Noto Serif', 'DejaVu Serif', serif")]
    [InlineData("DejaVu Sans Mono", "'DejaVu Sans Mono', monospace")]
    [InlineData("Inter, sans-serif", "'Inter', sans-serif")]
    public void Writes_css_font_families(string family, string expected)
    {
        Assert.Equal(expected, SvgCanvas.FontFamily(family));
    }

    [Fact]
    public void Holds_one_page_only()
    {
        var canvas = new SvgCanvas(new MemoryStream());
        canvas.BeginPage(10, 10);

        Assert.Throws<InvalidOperationException>(() => canvas.BeginPage(10, 10));
    }
}
