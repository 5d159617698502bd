using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Blueprint.Core.Model;
using Blueprint.Layout;
using Blueprint.Rendering.Pdf;
using Blueprint.Tests;

namespace Blueprint.Rendering.Tests;

/// <summary>The diagram's own words in the blueprint's <c>lang:</c>, as drawn (SVG text, PDF text) and the PDF's document language.</summary>
public sealed class LanguageRenderingTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>Every lane, the three lines, the header keys, notes, emotion and a legend entry of each kind.</summary>
    private static string Blueprint(string lang) => $"""
        blueprint: Diner
        goal: Minder wachten
        scenario: Een stel dineert.
        persona: Stel op vrijdag
        lang: {lang}
        scenes:
          - scene: Aankomst
            steps:
              - step: Binnenkomen
                evidence: Bord
                customer: Noemt de naam
                touchpoint: Balie
                frontstage: {"{"} id: begroeten, text: Begroet, to: [opzoeken] {"}"}
                backstage: {"{"} id: opzoeken, text: Zoekt op, owner: Gastheer, fail: Kwijt, to: [systeem] {"}"}
                support: {"{"} id: systeem, text: Systeem {"}"}
                wait: Rij
                pain: Niemand komt
                emotion: -1
                metrics: Wachttijd
                policy: Altijd begroeten
                note: Druk
              - step: Plaatsnemen
                customer: Loopt mee
                frontstage: {"{"} text: Wijst de tafel, to: [{"{"} ref: begroeten, loop: true {"}"}] {"}"}
                emotion: 1
        """;

    public static TheoryData<string> Codes => new(Languages.All.Select(v => v.Code));

    private static (DiagramLayout Layout, string Text) SvgText(string lang)
    {
        var layout = Diagrams.Layout(Diagrams.ReadText(Blueprint(lang)));
        var svg = Encoding.UTF8.GetString(Diagrams.Bytes(layout, OutputFormat.Svg));
        var lines = XDocument.Parse(svg).Descendants(Svg + "text").Select(t => t.Value);
        return (layout, string.Join(" ", lines));
    }

    private static string Letters(string text) => string.Concat(text.Where(char.IsLetter));

    [Theory]
    [MemberData(nameof(Codes))]
    public void Svg_shows_the_lane_names_of_the_language(string lang)
    {
        var words = Languages.For(lang);
        var (layout, text) = SvgText(lang);

        Assert.Equal(Lane.StandardIds.Select(words.LaneName), layout.Lanes.Select(l => l.Name));
        // A label wraps (at spaces, hyphens, soft hyphens): compare the letters only.
        foreach (var id in Lane.StandardIds)
            Assert.Contains(Letters(words.LaneName(id)), Letters(text), StringComparison.Ordinal);
        if (lang != "en")
            foreach (var english in Languages.English.LaneNames.Values.Where(n => !words.LaneNames.Values.Contains(n)))
                Assert.DoesNotContain(english, text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Svg_shows_the_lines_header_notes_emotion_and_legend_in_the_language(string lang)
    {
        var w = Languages.For(lang);
        var (layout, text) = SvgText(lang);

        Assert.Equal([w.LineOfInteraction, w.LineOfVisibility, w.LineOfInternalInteraction], layout.Separators.Select(s => s.Label));
        foreach (var word in new[]
                 {
                     w.LineOfInteraction, w.LineOfVisibility, w.LineOfInternalInteraction, w.Goal, w.Persona, w.Scenario, w.Notes,
                     w.Labelled(w.Metric, "Wachttijd"), w.Labelled(w.Policy, "Altijd begroeten"), w.Labelled(w.Note, "Druk"),
                     w.Emotion, w.Legend, w.FailPoint, w.WaitPoint, w.PainPoint, w.Arrow, w.LoopArrow, w.Journey,
                 })
            Assert.Contains(word, text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lane_named_in_the_file_keeps_its_name_in_any_language()
    {
        var doc = Diagrams.ReadText(Blueprint("nl").Replace("lang: nl\n", "lang: nl\nlanes: [{ id: customer, name: Gasten }, frontstage]\n", StringComparison.Ordinal));

        var layout = Diagrams.Layout(doc);

        Assert.Equal(["Gasten", "Frontstage acties"], layout.Lanes.Select(l => l.Name));
    }

    [Fact]
    public void A_long_german_lane_name_breaks_at_its_hyphenation_point_and_fits()
    {
        var layout = Diagrams.Layout(Diagrams.ReadText(Blueprint("de")));
        var labels = layout.Ops.OfType<TextOp>().Where(t => t.Region == Region.Labels).ToList();

        Assert.Contains(labels, t => t.Text == "Unterstützungs-");
        Assert.Contains(labels, t => t.Text == "prozesse");
        foreach (var label in labels)
            Assert.True(label.Box.Right <= layout.LabelColumn.Right, $"`{label.Text}` ends at {label.Box.Right}, past the label column ({layout.LabelColumn.Right})");
        Assert.DoesNotContain(labels, t => t.Text.EndsWith('…'));
    }

    [Theory]
    [MemberData(nameof(PdfWriters.All), MemberType = typeof(PdfWriters))]
    public void Pdf_names_its_document_language(string writer)
    {
        var layout = Diagrams.Layout(Diagrams.ReadText(Blueprint("nl-BE")));

        byte[] pdf = Pdf(layout, writer, layout.Language);

        Assert.Equal("nl-BE", layout.Language);
        Assert.Equal("nl-BE", CatalogLanguage(pdf));
        // A reader takes the file as it is (no repaired cross-references) and finds the Dutch words.
        PdfTools.Info(pdf);
        Assert.Contains("Ondersteunende processen", PdfText.Extract(pdf), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nl-BE", "nl-BE")]
    [InlineData(null, "en")]
    public void Svg_names_its_language_on_the_root(string? lang, string expected)
    {
        string text = lang is null ? Blueprint("nl").Replace("lang: nl\n", "", StringComparison.Ordinal) : Blueprint(lang);
        var svg = XDocument.Parse(Encoding.UTF8.GetString(Diagrams.Bytes(Diagrams.Layout(Diagrams.ReadText(text)), OutputFormat.Svg)));

        Assert.Equal(expected, (string?)svg.Root!.Attribute(XNamespace.Xml + "lang"));
    }

    [Fact]
    public void The_renderer_writes_english_as_the_language_of_a_blueprint_without_lang()
    {
        var layout = Diagrams.Layout(Diagrams.ReadText(Blueprint("nl").Replace("lang: nl\n", "", StringComparison.Ordinal)));

        Assert.Equal("en", CatalogLanguage(Diagrams.Bytes(layout, OutputFormat.Pdf)));
    }

    [Fact]
    public void Setting_the_language_again_replaces_it_and_keeps_the_original_bytes()
    {
        var layout = Diagrams.Layout(Diagrams.ReadText(Blueprint("de")));
        byte[] first = Pdf(layout, PdfWriters.Skia, "de");

        byte[] second = PdfCatalogLanguage.Set(first, "fr");

        Assert.Equal(first, second[..first.Length]);
        Assert.Equal("fr", CatalogLanguage(second));
        PdfTools.Info(second);
    }

    [Fact]
    public void A_file_without_a_classic_cross_reference_table_is_left_as_it_is()
    {
        byte[] notClassic = Encoding.Latin1.GetBytes("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R /Size 2 >>\nstartxref\n9\n%%EOF\n");

        Assert.Same(notClassic, PdfCatalogLanguage.Set(notClassic, "nl"));
        Assert.Throws<ArgumentException>(() => PdfCatalogLanguage.Set(notClassic, "nl) /Evil (x"));
    }

    private static byte[] Pdf(DiagramLayout layout, string writer, string language)
    {
        using var stream = new MemoryStream();
        using (var canvas = PdfWriters.Create(writer, stream, "Test", language))
        {
            foreach (var page in Pagination.Plan(layout, null)) Pagination.PaintPage(layout, page, canvas);
            canvas.Finish();
        }
        return stream.ToArray();
    }

    /// <summary>The <c>/Lang</c> of the catalog the last trailer names (the last definition of that object wins, as in a reader).</summary>
    private static string? CatalogLanguage(byte[] pdf)
    {
        string text = Encoding.Latin1.GetString(pdf);
        string trailer = text[text.LastIndexOf("trailer", StringComparison.Ordinal)..];
        var root = Regex.Match(trailer, @"/Root (\d+) (\d+) R");
        Assert.True(root.Success, "no /Root in the trailer");
        var catalog = Regex.Matches(text, $@"(?<![0-9]){root.Groups[1].Value} {root.Groups[2].Value} obj\s*(<<.*?>>)\s*endobj", RegexOptions.Singleline).LastOrDefault();
        Assert.NotNull(catalog);
        Assert.Contains("/Type /Catalog", Regex.Replace(catalog.Groups[1].Value, @"\s+", " "), StringComparison.Ordinal);
        return Regex.Match(catalog.Groups[1].Value, @"/Lang\s*\(([^)]*)\)") is { Success: true } lang ? lang.Groups[1].Value : null;
    }
}
