using System.Text.RegularExpressions;
using Blueprint.Tests;

namespace Blueprint.Cli.Tests.Html;

/// <summary>What <c>render -f html</c> and <c>-f svg</c> write for the interactive page (SPEC section 8), read as text.</summary>
public sealed class HtmlRenderTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Render(string yaml, string output, params string[] more)
    {
        _dir.Write("sample.blueprint.yaml", yaml);
        var run = CliRun.Run(_dir.Path, null, ["render", "sample.blueprint.yaml", "-o", output, .. more]);
        Assert.True(run.ExitCode == 0, run.Error);
        return File.ReadAllText(Path.Combine(_dir.Path, output));
    }

    [Fact]
    public void The_svg_names_cards_arrows_steps_and_lanes_with_data_attributes()
    {
        string svg = Render(HtmlSamples.Chain, "sample.svg");
        Assert.Contains("<g class=\"bp-card\" data-id=\"take\" data-step=\"taking\" data-lane=\"frontstage\">", svg, StringComparison.Ordinal);
        Assert.Contains("<g class=\"bp-arrow\" data-from=\"take\" data-to=\"bill\">", svg, StringComparison.Ordinal);
        Assert.Contains("<g class=\"bp-step\" data-id=\"brewing\">", svg, StringComparison.Ordinal);
        Assert.Contains("<g class=\"bp-lane\" data-id=\"backstage\">", svg, StringComparison.Ordinal);
        Assert.Equal(7, Regex.Matches(svg, "<g class=\"bp-card\"").Count);
        Assert.Equal(5, Regex.Matches(svg, "<g class=\"bp-arrow\"").Count);
        Assert.Equal(4, Regex.Matches(svg, "<g class=\"bp-step\"").Count);
        Assert.Equal(6, Regex.Matches(svg, "<g class=\"bp-lane\"").Count);
    }

    [Fact]
    public void A_card_without_an_id_is_named_as_findings_name_it_and_the_journey_line_is_an_arrow_too()
    {
        string svg = Render("""
            blueprint: Names
            lanes: [customer, frontstage]
            scenes:
              - scene: S
                steps:
                  - step: One
                    customer: Arrives
                    frontstage: [Greets, Seats]
                  - step: Two
                    customer: Leaves
            """, "names.svg");
        Assert.Contains("data-id=\"one.frontstage\"", svg, StringComparison.Ordinal);
        Assert.Contains("data-id=\"one.frontstage#2\"", svg, StringComparison.Ordinal);
        Assert.Contains("<g class=\"bp-arrow\" data-from=\"one.customer\" data-to=\"two.customer\">", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_is_one_file_that_asks_for_nothing_else_and_holds_every_card_s_details()
    {
        string html = Render(HtmlSamples.Chain, "sample.html");
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<svg xmlns=\"http://www.w3.org/2000/svg\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<?xml", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
        // No script, style sheet, font or image from anywhere: nothing with src=, no <link>, no @import or url( in the CSS.
        Assert.DoesNotMatch(@"<(script|img|iframe|link)\b[^>]*\s(src|href)=", html);
        Assert.DoesNotMatch(@"@import|url\((?!#)", html);
        Assert.Matches("<script type=\"application/json\" id=\"bp-data\">\\{\"order\":\\{\"text\":\"Orders a flat white\"", html);
        Assert.Contains("\"owner\":\"Barista\"", html, StringComparison.Ordinal);
        Assert.Contains("\"fail\":\"The order is misheard\"", html, StringComparison.Ordinal);
        Assert.Contains("\"policy\":\"Greet within 10 seconds\"", html, StringComparison.Ordinal);
        // The same input, the same bytes.
        Assert.Equal(html, Render(HtmlSamples.Chain, "again.html"));
    }

    [Fact]
    public void The_page_is_in_the_blueprints_language_and_its_details_name_the_lane_as_the_diagram_does()
    {
        string html = Render(HtmlSamples.Chain.Replace("blueprint:", "lang: nl-BE\nblueprint:", StringComparison.Ordinal), "diner.html");
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"nl-BE\"", html, StringComparison.Ordinal);
        Assert.Contains("\"lane\":\"Frontstage acties\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\"lane\":\"Frontstage actions\"", html, StringComparison.Ordinal);

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\"", Render(HtmlSamples.Chain, "dinner.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_would_end_a_script_stays_text()
    {
        string html = Render(HtmlSamples.Chain.Replace("Bills the card", "Bills </script><b>x</b>", StringComparison.Ordinal), "sample.html");
        Assert.Equal(2, Regex.Matches(html, "</script>").Count);
        Assert.Contains("Bills \\u003C/script\\u003E\\u003Cb\\u003Ex\\u003C/b\\u003E", html, StringComparison.Ordinal);
        Assert.Contains("Bills &lt;/script&gt;&lt;b&gt;x&lt;/b&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_restaurant_example_s_page_stays_under_300_KB()
    {
        File.Copy(Repo.PathOf("examples", "restaurant.blueprint.yaml"), Path.Combine(_dir.Path, "restaurant.blueprint.yaml"));
        var run = CliRun.Run(_dir.Path, null, "render", "restaurant.blueprint.yaml", "-f", "html");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["wrote restaurant.html"], run.OutLines);
        long size = new FileInfo(Path.Combine(_dir.Path, "restaurant.html")).Length;
        Assert.True(size < 300 * 1024, $"the restaurant page is {size} bytes");
    }

    [Theory]
    [InlineData(new[] { "-o", "x.html", "-f", "svg" }, "-o 'x.html' writes HTML but -f says svg; drop -f, or name the output .svg")]
    [InlineData(new[] { "-o", "x.html", "--page", "a4" }, "--page a4 is for PDF output, but -o 'x.html' writes HTML; drop --page, or name the output .pdf")]
    public void Html_options_that_contradict_each_other_are_refused(string[] options, string message)
    {
        _dir.Write("sample.blueprint.yaml", HtmlSamples.Chain);
        var run = CliRun.Run(_dir.Path, null, ["render", "sample.blueprint.yaml", .. options]);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("blueprint: " + message, run.ErrorLines[0]);
    }
}
