using System.Text;
using System.Text.RegularExpressions;
using Blueprint.Core.Model;
using Blueprint.Layout;
using Blueprint.Tests;

namespace Blueprint.Rendering.Tests;

/// <summary>Whole diagrams through <see cref="DiagramRenderer"/>: what can be checked robustly in PNG and PDF, SVG exactly.</summary>
public sealed partial class DiagramRendererTests
{
    private const string Restaurant = "restaurant.blueprint.yaml";

    public static TheoryData<string> Examples => Diagrams.Examples;

    [Theory]
    [InlineData(1.0)]
    [InlineData(2.0)]
    [InlineData(0.5)]
    public void Png_is_the_layout_size_times_the_scale(double scale)
    {
        var layout = Diagrams.Layout(Restaurant);
        var (width, height) = PngImage.ReadHeader(Diagrams.Bytes(layout, OutputFormat.Png, scale));

        Assert.Equal(((int)Math.Ceiling(layout.Width * scale), (int)Math.Ceiling(layout.Height * scale)), (width, height));
    }

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    [InlineData("print")]
    public void Lane_bands_and_cards_have_their_lane_colours(string theme)
    {
        var layout = Diagrams.Layout(Restaurant, theme);
        var png = PngImage.Decode(Diagrams.Bytes(layout, OutputFormat.Png));

        Assert.Equal(6, layout.Lanes.Count);
        foreach (var lane in layout.Lanes)
        {
            AssertNear(lane.Fill, png[(int)lane.Band.X + 6, (int)lane.Band.CenterY], $"{lane.Id} band");
            var card = layout.Cards.First(c => c.LaneIndex == layout.Lanes.ToList().IndexOf(lane));
            // The right edge of a card, inside the border and padding, is clear of text; badges sit at the top.
            AssertNear(lane.CardFill, png[(int)card.Rect.Right - 4, (int)card.Rect.Bottom - 6], $"{card.Name} card");
        }
        Assert.Equal(layout.Lanes.Count, layout.Lanes.Select(l => l.Fill).Distinct().Count());
        AssertNear(layout.Background, png[1, 1], "background");
    }

    [Fact]
    public void Light_lanes_are_the_theme_colours()
    {
        var layout = Diagrams.Layout(Restaurant);
        for (int i = 0; i < layout.Lanes.Count; i++)
            Assert.Equal(Themes.Light.StandardLanes[i], layout.Lanes[i].CardFill);
    }

    [Fact]
    public void Dark_differs_from_light()
    {
        var light = PngImage.Decode(Diagrams.Bytes(Diagrams.Layout(Restaurant, "light"), OutputFormat.Png));
        var dark = PngImage.Decode(Diagrams.Bytes(Diagrams.Layout(Restaurant, "dark"), OutputFormat.Png));
        var lanes = Diagrams.Layout(Restaurant).Lanes;

        Assert.Equal((light.Width, light.Height), (dark.Width, dark.Height));
        Assert.True(Luma(dark[1, 1]) < 64 && Luma(light[1, 1]) > 200, "dark background is dark, light is light");
        foreach (var lane in lanes)
        {
            int x = (int)lane.Band.X + 6, y = (int)lane.Band.CenterY;
            Assert.True(Luma(dark[x, y]) < Luma(light[x, y]), $"the {lane.Id} band is darker in the dark theme");
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Print_theme_is_greys_only(string example)
    {
        var png = PngImage.Decode(Diagrams.Bytes(Diagrams.Layout(example, "print"), OutputFormat.Png));

        for (int y = 0; y < png.Height; y++)
        {
            for (int x = 0; x < png.Width; x++)
            {
                var c = png[x, y];
                if (Math.Abs(c.R - c.G) > 2 || Math.Abs(c.G - c.B) > 2)
                    Assert.Fail($"pixel ({x}, {y}) of {example} is {c}, not grey");
            }
        }
    }

    [Theory]
    [InlineData(OutputFormat.Png)]
    [InlineData(OutputFormat.Pdf)]
    [InlineData(OutputFormat.Svg)]
    public void The_same_layout_gives_the_same_bytes(OutputFormat format)
    {
        var first = Diagrams.Bytes(Diagrams.Layout(Restaurant), format);
        var again = Diagrams.Bytes(Diagrams.Layout(Diagrams.Read(Repo.PathOf("examples", Restaurant))), format);

        Assert.Equal(first, again);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Pdf_text_is_selectable(string example)
    {
        var layout = Diagrams.Layout(example);
        string text = PdfText.Extract(Diagrams.Bytes(layout, OutputFormat.Pdf));
        var document = Diagrams.Read(Repo.PathOf("examples", example));

        Assert.Contains(document.Title, text, StringComparison.Ordinal);
        foreach (var scene in layout.Scenes) Assert.Contains(scene.Name, text, StringComparison.Ordinal);
        foreach (var step in layout.Steps) Assert.Contains(step.Name, text, StringComparison.Ordinal);
        foreach (var card in layout.Cards)
            Assert.Contains(PdfText.Normalize(string.Join(' ', card.Lines)), text, StringComparison.Ordinal);
        foreach (var lane in layout.Lanes) Assert.Contains(lane.Name, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_has_a_clickable_link_for_a_card_url()
    {
        var layout = Diagrams.Layout(Restaurant);
        var card = Assert.Single(layout.Cards, c => c.Url is not null);
        string pdf = Encoding.Latin1.GetString(Diagrams.Bytes(layout, OutputFormat.Pdf));

        Assert.Contains($"/URI ({card.Url})", pdf, StringComparison.Ordinal);
        Assert.Contains("/Subtype /Link", pdf, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Svg_has_text_elements_not_glyph_outlines(string example)
    {
        var layout = Diagrams.Layout(example);
        var svg = Encoding.UTF8.GetString(Diagrams.Bytes(layout, OutputFormat.Svg));

        foreach (var card in layout.Cards)
            foreach (var line in card.Lines)
                Assert.Contains(">" + Escape(line) + "</text>", svg, StringComparison.Ordinal);
        var paths = PathData().Matches(svg).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(paths);
        // Lines and arrowheads are straight segments; a glyph outline would have curves and hundreds of points.
        Assert.All(paths, d => Assert.Matches("^[MLZ0-9. -]+$", d));
        Assert.DoesNotContain("<image", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<use", svg, StringComparison.Ordinal);
        Assert.True(svg.Length < 64 * 1024, $"{example}: {svg.Length} bytes of SVG");
    }

    [Fact]
    public void Svg_golden()
    {
        var fixture = Repo.Fixtures("render", "small.blueprint.yaml");
        var svg = Encoding.UTF8.GetString(Diagrams.Bytes(Diagrams.Layout(fixture), OutputFormat.Svg));

        Golden.Verify(Repo.Fixtures("render", "small.svg"), svg);
    }

    [Fact]
    public void Svg_keeps_the_link_and_escapes_text()
    {
        var svg = Encoding.UTF8.GetString(Diagrams.Bytes(Diagrams.Layout(Repo.Fixtures("render", "small.blueprint.yaml")), OutputFormat.Svg));

        Assert.Contains("https://example.com/labels", svg, StringComparison.Ordinal);
        Assert.Contains(">Locker scans the code &amp;</text>", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_too_wide_for_png_is_scaled_down_with_a_warning()
    {
        var layout = Diagrams.Generated1000;
        Assert.True(layout.Width > PngCanvas.MaxPixels);

        var (bytes, result) = Diagrams.Render(layout, OutputFormat.Png);
        var (width, height) = PngImage.ReadHeader(bytes);

        Assert.Equal(PngCanvas.MaxPixels, width);
        Assert.Equal((int)Math.Ceiling(layout.Height * PngCanvas.MaxPixels / layout.Width), height);
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("32,767 pixels", warning, StringComparison.Ordinal);
        Assert.Contains("scaled down", warning, StringComparison.Ordinal);
        Assert.Contains("PDF or SVG", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_that_fits_has_no_warning()
    {
        Assert.Empty(Diagrams.Render(Diagrams.Layout(Restaurant), OutputFormat.Png, 8).Result.Warnings);
    }

    [Fact]
    public void Missing_glyph_warning_names_the_text_and_a_font_package()
    {
        string warning = DiagramRenderer.MissingGlyphWarning("Pay with \uE000 points");

        Assert.Contains("\"Pay with \uE000 points\"", warning, StringComparison.Ordinal);
        Assert.Contains("fonts-noto", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("cjk", warning, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("寿司を注文する")]
    [InlineData("주문하기")]
    [InlineData("Order ラーメン")]
    public void Missing_glyph_warning_for_cjk_names_the_cjk_package(string text)
    {
        Assert.Contains("fonts-noto-cjk", DiagramRenderer.MissingGlyphWarning(text), StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_glyph_warning_shortens_long_text()
    {
        string warning = DiagramRenderer.MissingGlyphWarning(new string('x', 100) + "\uE000");

        Assert.Contains("\"" + new string('x', 39) + "…\"", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void A_glyph_no_font_has_is_reported_by_the_layout()
    {
        var layout = Diagrams.Layout(Diagrams.ReadText("""
            blueprint: Glyphs
            scenes:
              - scene: One
                steps:
                  - step: Only
                    customer: Pays with \uE000 points
                    frontstage: Takes the payment
            """.Replace("\\uE000", "\uE000", StringComparison.Ordinal)));

        Assert.Equal(["Pays with \uE000 points"], layout.MissingGlyphs.Distinct());
    }

    [Fact]
    public void Cut_cards_are_the_ones_the_long_text_check_reports()
    {
        string longText = string.Join(' ', Enumerable.Repeat("The waiter explains every dish on the menu in detail.", 8));
        var document = Diagrams.ReadText($"""
            blueprint: Long
            scenes:
              - scene: One
                steps:
                  - step: Only
                    customer: Orders
                    frontstage: {longText}
                    backstage: Short text
            """);
        var layout = Diagrams.Layout(document);
        var cards = document.Scenes.SelectMany(s => s.Steps).SelectMany(s => s.Cards).ToList();

        var cut = Assert.Single(layout.CutCards);
        Assert.EndsWith("…", cut.Lines[^1], StringComparison.Ordinal);
        Assert.Equal(LayoutOptions.Default.CardMaxLines, cut.Lines.Count);
        Assert.Equal(
            cards.Select(c => CardText.IsTextCut(c, Diagrams.Measurer, LayoutOptions.Default)),
            layout.Cards.Select(c => c.TextCut));
        Assert.Equal([false, true, false], cards.Select(c => CardText.IsTextCut(c, Diagrams.Measurer, LayoutOptions.Default)));
    }

    private static void AssertNear(Color expected, Color actual, string what)
    {
        bool near = Math.Abs(expected.R - actual.R) <= 2 && Math.Abs(expected.G - actual.G) <= 2 && Math.Abs(expected.B - actual.B) <= 2;
        Assert.True(near, $"{what}: expected {expected}, found {actual}");
    }

    private static int Luma(Color c) => (299 * c.R + 587 * c.G + 114 * c.B) / 1000;

    private static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);

    [GeneratedRegex("<path d=\"([^\"]*)\"")]
    private static partial Regex PathData();
}
