using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Blueprint.Layout;
using Blueprint.Rendering.Pdf;
using Blueprint.Rendering.Text;
using Blueprint.Tests;

namespace Blueprint.Rendering.Tests;

/// <summary>
/// The PDF writers, ours (<see cref="PdfCanvas"/>) and Skia's (<see cref="SkiaPdfCanvas"/>, with our TrueType subsets):
/// what they draw, embed and link, checked with poppler; and which one the renderer picks for a document.
/// </summary>
public sealed partial class PdfWriterTests
{
    private static readonly FontSpec Font = new("DejaVu Sans", 10);

    /// <summary>The share of pixels that may differ between our PNG and poppler's drawing of our PDF.</summary>
    private const double LooksAlike = 0.01;

    public static TheoryData<string> Writers => PdfWriters.All;

    public static TheoryData<string, string> ExamplesByWriter
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var example in Diagrams.ExampleFiles.Select(Path.GetFileName))
                foreach (var writer in PdfWriters.All) data.Add(example!, writer);
            return data;
        }
    }

    /// <summary>The layout's PDF from the writer the renderer picks for it, or from <paramref name="writer"/>.</summary>
    private static byte[] Pdf(DiagramLayout layout, string? writer = null, Func<IDiagramCanvas, IDiagramCanvas>? wrap = null)
    {
        using var stream = new MemoryStream();
        using (var pdf = writer is null ? DiagramRenderer.PdfCanvasFor(layout, stream, "Test", layout.Language) : PdfWriters.Create(writer, stream, "Test", layout.Language))
        {
            var canvas = wrap is null ? pdf : wrap(pdf);
            foreach (var page in Pagination.Plan(layout, null)) Pagination.PaintPage(layout, page, canvas);
            canvas.Finish();
        }

        return stream.ToArray();
    }

    /// <summary>Pixels of two images of one size that differ clearly (not just in antialiasing).</summary>
    private static int Differing(PngImage a, PngImage b)
    {
        Assert.Equal((b.Width, b.Height), (a.Width, a.Height));
        int differing = 0;
        for (int y = 0; y < a.Height; y++)
        {
            for (int x = 0; x < a.Width; x++)
            {
                Color p = a[x, y], q = b[x, y];
                if (Math.Max(Math.Abs(p.R - q.R), Math.Max(Math.Abs(p.G - q.G), Math.Abs(p.B - q.B))) > 96) differing++;
            }
        }

        return differing;
    }

    private static double DifferingShare(PngImage a, PngImage b) => Differing(a, b) / (double)(a.Width * a.Height);

    /// <summary>
    /// Points (1 pt squares) whose colour differs clearly between our PNG and poppler's drawing of our PDF of the same
    /// calls, both drawn at <paramref name="supersample"/> times the size and averaged down to points: poppler puts
    /// glyphs on whole pixels and antialiases them otherwise than Skia, which at 72 dpi alone moves a small line by a
    /// pixel; averaged, only a real change in shape or place shows.
    /// </summary>
    private static int DifferingPoints(string writer, Action<IDiagramCanvas> draw, Action<IDiagramCanvas>? drawPdf = null, int supersample = 8)
    {
        var png = Png(draw, supersample);
        var pdf = PdfTools.Raster(Draw(writer, drawPdf ?? draw), 72 * supersample);
        Assert.Equal((png.Width, png.Height), (pdf.Width, pdf.Height));
        int differing = 0, k = supersample;
        for (int y = 0; y + k <= png.Height; y += k)
        {
            for (int x = 0; x + k <= png.Width; x += k)
            {
                int r = 0, g = 0, b = 0;
                for (int j = 0; j < k; j++)
                {
                    for (int i = 0; i < k; i++)
                    {
                        Color p = png[x + i, y + j], q = pdf[x + i, y + j];
                        (r, g, b) = (r + p.R - q.R, g + p.G - q.G, b + p.B - q.B);
                    }
                }

                if (Math.Max(Math.Abs(r), Math.Max(Math.Abs(g), Math.Abs(b))) > 64 * k * k) differing++;
            }
        }

        return differing;
    }

    private static byte[] Draw(string writer, Action<IDiagramCanvas> draw, string? title = null)
    {
        using var stream = new MemoryStream();
        using (var canvas = PdfWriters.Create(writer, stream, title))
        {
            draw(canvas);
            canvas.Finish();
        }

        return stream.ToArray();
    }

    private static PngImage Png(Action<IDiagramCanvas> draw, double scale = 1)
    {
        using var stream = new MemoryStream();
        using (var canvas = new PngCanvas(stream, scale))
        {
            draw(canvas);
            canvas.Finish();
        }

        return PngImage.Decode(stream.ToArray());
    }

    [Theory]
    [MemberData(nameof(ExamplesByWriter))]
    public void Every_example_looks_like_our_png_of_it(string example, string writer)
    {
        var layout = Diagrams.Layout(example);
        var png = PngImage.Decode(Diagrams.Bytes(layout, OutputFormat.Png));
        var pdf = PdfTools.Raster(Pdf(layout, writer), 72);
        // The negative control: the same PDF with every line of text drawn 3 pt lower must not pass for the PNG.
        var shifted = PdfTools.Raster(Pdf(layout, writer, canvas => new TextShifted(canvas, 3)), 72);

        // Antialiasing of curves and glyph edges differs a little between Skia and poppler; shapes, colours and text positions must not.
        double share = DifferingShare(png, pdf);
        Assert.True(share < LooksAlike, $"{example}: {share:P2} of the pixels of the PDF differ from the PNG");
        double control = DifferingShare(png, shifted);
        Assert.True(control >= LooksAlike, $"{example}: with the text 3 pt lower only {control:P2} of the pixels differ; the check would not see it");
    }

    [Theory]
    [MemberData(nameof(DiagramRendererTests.Examples), MemberType = typeof(DiagramRendererTests))]
    public void Every_line_of_text_the_layout_draws_reads_back_in_order(string example)
    {
        var layout = Diagrams.Layout(example);
        string text = PdfText.Extract(Pdf(layout));

        var lines = layout.Ops.OfType<TextOp>().Select(t => PdfText.Normalize(t.Text)).Where(t => t.Length > 0).ToList();
        Assert.NotEmpty(lines);
        // In drawing order, each line whole: poppler reads the page as the content stream draws it.
        int at = 0;
        foreach (var line in lines)
        {
            int found = text.IndexOf(line, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"{example}: \"{line}\" is not in the PDF's text after position {at}: \"{text[at..Math.Min(text.Length, at + 200)]}…\"");
            at = found + line.Length;
        }
    }

    [Fact]
    public void Fonts_are_embedded_subsets_with_a_unicode_map()
    {
        var pdf = Pdf(Diagrams.Layout("restaurant.blueprint.yaml"));
        var fonts = PdfTools.Fonts(pdf).Split('\n').Skip(2).Where(l => l.Length > 0).ToList();

        Assert.Equal(3, fonts.Count); // regular, bold and oblique (owners, notes)
        Assert.All(fonts, line => Assert.Matches(@"^[A-Z]{6}\+DejaVuSans(-Bold|-Oblique)?\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes", line));
        // The three DejaVu files are over 2 MB together; only the glyphs drawn are kept.
        long files = new[] { Font, Font with { Bold = true }, Font with { Italic = true } }.Sum(FontFileSize);
        Assert.True(pdf.Length < files / 10, $"{pdf.Length} bytes of PDF for {files} bytes of font files");
    }

    /// <summary>The size of the font file drawn for <paramref name="font"/>.</summary>
    private static long FontFileSize(FontSpec font)
    {
        using var stream = Fonts.Resolve(font).Face.Typeface.OpenStream();
        return stream.Length;
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public void Only_the_glyphs_drawn_are_kept(string writer)
    {
        var few = Draw(writer, c => { c.BeginPage(100, 50); c.DrawText("ab", 10, 10, Font, Color.Black); });
        var more = Draw(writer, c => { c.BeginPage(100, 50); c.DrawText("abcdefghijklmnopqrstuvwxyz", 10, 10, Font, Color.Black); });
        var word = Draw(writer, c => { c.BeginPage(100, 50); c.DrawText("Kitchen", 10, 10, Font, Color.Black); });

        Assert.True(few.Length < more.Length, $"{few.Length} bytes for two letters, {more.Length} for the alphabet");
        Assert.Equal("ab", PdfText.Extract(few));
        Assert.Equal("Kitchen", PdfText.Extract(word));
        long file = FontFileSize(Font);
        Assert.True(word.Length < file / 20, $"a PDF of one word is {word.Length} bytes; the font file is {file}");
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public void Accented_letters_and_ligature_prone_words_read_back_as_written(string writer)
    {
        var pdf = Draw(writer, c =>
        {
            c.BeginPage(300, 50);
            c.DrawText("Café crème, office fluff — naïve", 10, 10, Font, Color.Black);
        });

        Assert.Equal("Café crème, office fluff — naïve", PdfText.Extract(pdf));
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public void A_link_inside_a_view_is_moved_scaled_and_clipped_to_it(string writer)
    {
        var pdf = Encoding.Latin1.GetString(Draw(writer, c =>
        {
            c.BeginPage(200, 100);
            c.BeginView(50, 0, 100, 100, 10, 0, 0.5);
            c.AddLink(0, 0, 400, 20, "https://example.com/a");
            c.EndView();
        }));

        // (0 + 10) x 0.5 = 5 is cut to the view's left edge 50; (400 + 10) x 0.5 = 205 to its right edge 150; y 0..10 from the top.
        Assert.Equal([(50, 90, 150, 100)], LinkRects(pdf));
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public void A_link_outside_the_view_is_left_out(string writer)
    {
        var pdf = Draw(writer, c =>
        {
            c.BeginPage(200, 100);
            c.BeginView(0, 0, 50, 100, 0, 0, 1);
            c.AddLink(100, 10, 20, 20, "https://example.com/a");
            c.AddLink(10, 10, 20, 20, "https://example.com/b");
            c.EndView();
        });

        Assert.Equal(["https://example.com/b"], PdfTools.Urls(pdf));
        Assert.Equal([(10, 70, 30, 90)], LinkRects(Encoding.Latin1.GetString(pdf)));
    }

    /// <summary>The rectangles of the link annotations, rounded to whole points (PDF coordinates: y up).</summary>
    private static List<(int, int, int, int)> LinkRects(string pdf) =>
        pdf.Split("endobj").Where(o => o.Contains("/Subtype /Link", StringComparison.Ordinal)).Select(o =>
        {
            var numbers = LinkRect().Match(o).Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(n => (int)Math.Round(double.Parse(n, CultureInfo.InvariantCulture))).ToArray();
            Assert.Equal(4, numbers.Length);
            return (numbers[0], numbers[1], numbers[2], numbers[3]);
        }).ToList();

    [GeneratedRegex(@"/Rect \[([-\d. ]+)\]")]
    private static partial Regex LinkRect();

    [Theory]
    [MemberData(nameof(Writers))]
    public void See_through_colours_get_a_graphics_state_with_their_opacity(string writer)
    {
        var bytes = Draw(writer, c =>
        {
            c.BeginPage(100, 50);
            c.DrawRectangle(0, 0, 100, 50, Color.White);
            c.DrawRectangle(10, 10, 30, 30, Color.Parse("#ff000080"));
            c.DrawRectangle(60, 10, 30, 30, null, new Stroke(Color.Parse("#0000ff40"), 4));
        });
        var pdf = Encoding.Latin1.GetString(bytes);

        Assert.Contains(Opacities(pdf, "ca"), a => Math.Abs(a - (128 / 255.0)) < 0.002);
        Assert.Contains(Opacities(pdf, "CA"), a => Math.Abs(a - (64 / 255.0)) < 0.002);
        // Drawn blended with the white below: half red is pink, a quarter blue is pale blue.
        var image = PdfTools.Raster(bytes, 72);
        AssertNear(new Color(255, 127, 127), image[25, 25]);
        AssertNear(new Color(191, 191, 255), image[60, 25]);
    }

    private static IEnumerable<double> Opacities(string pdf, string key) =>
        Regex.Matches(pdf, $@"/{key} ([\d.]+)").Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));

    private static void AssertNear(Color expected, Color actual)
    {
        bool near = Math.Abs(expected.R - actual.R) <= 3 && Math.Abs(expected.G - actual.G) <= 3 && Math.Abs(expected.B - actual.B) <= 3;
        Assert.True(near, $"expected {expected}, found {actual}");
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public void A_non_ascii_title_reads_back_whole(string writer)
    {
        var pdf = Draw(writer, c => c.BeginPage(10, 10), "Café – 日本 ✓");

        Assert.Contains("Title:           Café – 日本 ✓\n", PdfTools.Info(pdf), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public void Drawing_before_a_page_or_after_finishing_is_refused(string writer)
    {
        using var canvas = PdfWriters.Create(writer, new MemoryStream());
        Assert.Throws<InvalidOperationException>(() => canvas.DrawText("x", 0, 0, Font, Color.Black));
        Assert.Throws<InvalidOperationException>(() => canvas.DrawRectangle(0, 0, 1, 1, Color.Black));
        Assert.Throws<InvalidOperationException>(canvas.Finish);
        canvas.BeginPage(10, 10);
        canvas.Finish();
        Assert.Throws<InvalidOperationException>(() => canvas.DrawRectangle(0, 0, 1, 1, Color.Black));
        Assert.Throws<InvalidOperationException>(() => canvas.DrawText("x", 0, 0, Font, Color.Black));
        Assert.Throws<InvalidOperationException>(() => canvas.BeginPage(10, 10));
    }

    [Theory]
    [InlineData("The waiter takes the order, suggests a wine and sends the ticket to the kitchen at once", 90)]
    [InlineData("Waiter brings the bill and the terminal; Tapas, Tee, AVA and WAY are kerned pairs", 60)]
    [InlineData("שלום לכולם, the order ABC-123 ships מחר בבוקר to the kitchen 42 והמלצר מביא", 70)]
    public void A_wrapped_line_has_the_glyphs_it_has_when_shaped_alone(string text, double width)
    {
        var wrapped = new TextEngine().Wrap(text, Font, width, 0);
        Assert.True(wrapped.Lines.Count > 2);
        foreach (var line in wrapped.Lines)
        {
            var filed = ShapedLines.Get(line, Font);
            var alone = ShapedLines.Shape(line, Font);
            Assert.Equal(alone.Runs.SelectMany(r => r.Glyphs), filed.Runs.SelectMany(r => r.Glyphs));
            Assert.Equal(alone.Runs.SelectMany(r => r.Positions), filed.Runs.SelectMany(r => r.Positions));
            Assert.Equal(alone.Width, filed.Width, 6);
            Assert.Equal(alone.Baseline, filed.Baseline, 6);
        }
    }

    [Fact]
    public void A_composite_glyph_names_its_components()
    {
        // numberOfContours -1, a bounding box, then two components: word arguments (flag 1) with more to come (0x20), then byte arguments.
        byte[] glyph =
        [
            0xFF, 0xFF, 0, 0, 0, 0, 0, 0, 0, 0,
            0x00, 0x21, 0x00, 0x44, 0, 0, 0, 0,
            0x00, 0x00, 0x01, 0x0B, 0, 0,
        ];

        Assert.Equal([0x44, 0x10B], TrueTypeSubset.Components(glyph));
        Assert.Empty(TrueTypeSubset.Components([0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 0]));
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public void A_letter_built_of_components_is_drawn_from_the_subset(string writer)
    {
        // In DejaVu Sans "é" is a composite of "e" and the acute; a subset without the components would draw nothing.
        var face = Fonts.Resolve(Font).Face;
        Assert.True(face.HarfBuzz.TryGetNominalGlyph('é', out uint glyph));
        var outline = face.Typeface.GetTableData(TableTag("glyf"));
        Assert.NotEmpty(TrueTypeSubset.Components(GlyphData(face.Typeface, (int)glyph, outline)));

        void Letter(IDiagramCanvas c)
        {
            c.BeginPage(40, 40);
            c.DrawRectangle(0, 0, 40, 40, Color.White);
            c.DrawText("é", 10, 5, new FontSpec("DejaVu Sans", 24), Color.Black);
        }

        Assert.True(Dark(Png(Letter)) > 30, "the PNG shows no letter");
        int differing = DifferingPoints(writer, Letter);
        Assert.True(differing == 0, $"{differing} points of the letter differ between the PDF and the PNG");
    }

    private static uint TableTag(string tag) => (uint)((tag[0] << 24) | (tag[1] << 16) | (tag[2] << 8) | tag[3]);

    private static byte[] GlyphData(SkiaSharp.SKTypeface typeface, int glyph, byte[] glyf)
    {
        var head = typeface.GetTableData(TableTag("head"));
        var loca = typeface.GetTableData(TableTag("loca"));
        bool longOffsets = head[51] == 1;
        int Offset(int g) => longOffsets
            ? (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(loca.AsSpan(g * 4))
            : System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(loca.AsSpan(g * 2)) * 2;
        return glyf[Offset(glyph)..Offset(glyph + 1)];
    }

    private static int Dark(PngImage image)
    {
        int dark = 0;
        for (int y = 0; y < image.Height; y++)
            for (int x = 0; x < image.Width; x++)
                if (image[x, y].R < 128) dark++;
        return dark;
    }

    [Theory]
    [MemberData(nameof(DiagramRendererTests.Examples), MemberType = typeof(DiagramRendererTests))]
    public void Every_example_is_drawn_by_our_writer(string example)
    {
        var layout = Diagrams.Layout(example);

        Assert.True(PdfCanvas.CanDraw(layout), $"{example} has a face our PDF writer cannot embed");
        Assert.Equal(Pdf(layout, PdfWriters.Ours), Diagrams.Bytes(layout, OutputFormat.Pdf));
    }

    /// <summary>Asserts that the renderer leaves the layout to Skia's writer: our writer cannot draw it, and the PDF is Skia's.</summary>
    private static byte[] AssertDrawnBySkia(DiagramLayout layout)
    {
        Assert.False(PdfCanvas.CanDraw(layout));
        var pdf = Diagrams.Bytes(layout, OutputFormat.Pdf);
        Assert.Equal(Pdf(layout, PdfWriters.Skia), pdf);
        return pdf;
    }

    [Fact]
    public void A_font_with_cff_outlines_is_left_to_skia_and_gives_a_valid_pdf_with_selectable_text()
    {
        Assert.True(TextEngine.SubstituteFor("Inconsolata") is null, "Inconsolata (CFF outlines) is not installed; ./test.sh installs fonts-inconsolata");
        var face = Fonts.Resolve(new FontSpec("Inconsolata", 10)).Face;
        Assert.False(TrueTypeSubset.CanSubset(face), "Inconsolata should have CFF outlines, not TrueType ones");
        Assert.False(PdfFont.CanEmbed(face));

        var document = Diagrams.Read(Repo.PathOf("examples", "restaurant.blueprint.yaml"));
        var layout = DiagramLayouter.Layout(document, LayoutOptions.Default with { FontFamily = "Inconsolata" }, Diagrams.Measurer);
        var pdf = AssertDrawnBySkia(layout);

        // Skia embeds a CFF font as Type 3 glyph procedures (a named font where it can): either way embedded, with a Unicode map.
        var fonts = PdfTools.Fonts(pdf).Split('\n').Skip(2).Where(l => l.Length > 0).ToList();
        Assert.Contains(fonts, f => f.Contains("Type 3", StringComparison.Ordinal) || f.Contains("Inconsolata", StringComparison.Ordinal));
        Assert.All(fonts, f => Assert.Matches(@"\s+yes\s+(yes|no)\s+yes\s+\d+\s+\d+$", f));
        Assert.Contains("Pages:           1\n", PdfTools.Info(pdf), StringComparison.Ordinal); // poppler reads it without complaint
        string text = PdfText.Extract(pdf);
        Assert.Contains(document.Title, text, StringComparison.Ordinal);
        foreach (var card in layout.Cards.Take(5))
            Assert.Contains(PdfText.Normalize(string.Join(' ', card.Lines)), text, StringComparison.Ordinal);
    }

    [Fact]
    public void Our_writer_refuses_a_face_it_cannot_embed_rather_than_draw_it_otherwise()
    {
        using var canvas = new PdfCanvas(new MemoryStream());
        canvas.BeginPage(100, 40);

        var error = Assert.Throws<RenderException>(() => canvas.DrawText("Kitchen", 10, 10, new FontSpec("Inconsolata", 10), Color.Black));
        Assert.Contains("SkiaPdfCanvas", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_emoji_in_a_colour_font_is_left_to_skia_and_the_text_around_it_stays_selectable()
    {
        var emoji = Fonts.Fallback(0x1F355, new FontSpec("DejaVu Sans", 10));
        Assert.True(emoji is not null && emoji.FamilyName == "Noto Color Emoji", "Noto Color Emoji is not installed; ./test.sh installs fonts-noto-color-emoji");
        Assert.False(PdfFont.CanEmbed(emoji));

        var layout = Diagrams.Layout(Diagrams.ReadText("""
            blueprint: Pizza night
            scenes:
              - scene: Dinner
                steps:
                  - step: Order
                    customer: Orders a pizza 🍕 for two
            """));
        var pdf = AssertDrawnBySkia(layout);

        string text = PdfText.Extract(pdf);
        Assert.Contains("Pizza night", text, StringComparison.Ordinal);
        Assert.Contains("Orders a pizza", text, StringComparison.Ordinal);
        Assert.Contains("for two", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bold_that_skia_makes_up_is_left_to_skia_and_stays_selectable()
    {
        const string Family = "DejaVu Math TeX Gyre";
        Assert.True(TextEngine.SubstituteFor(Family) is null, $"{Family} (TrueType, no bold face) is not installed; ./test.sh installs fonts-dejavu-extra");
        var regular = Fonts.Resolve(new FontSpec(Family, 10));
        Assert.True(PdfFont.CanEmbed(regular.Face), "the family's one face is plain TrueType: only the bold and slant made up of it are not");
        // The font file decides, not what fontconfig says of the typeface it hands out for the style.
        Assert.True(Fonts.Resolve(new FontSpec(Family, 10, Bold: true)).FakeBold);
        Assert.True(Fonts.Resolve(new FontSpec(Family, 10, Italic: true)).FakeItalic);
        Assert.False(Fonts.Resolve(new FontSpec("DejaVu Sans", 10, Bold: true)).FakeBold);
        Assert.False(Fonts.Resolve(new FontSpec("DejaVu Sans", 10, Italic: true)).FakeItalic);

        // The made-up bold is as heavy in the PDF as in the PNG.
        void Word(IDiagramCanvas c, bool bold)
        {
            c.BeginPage(200, 40);
            c.DrawRectangle(0, 0, 200, 40, Color.White);
            c.DrawText("Heavy words", 10, 5, new FontSpec(Family, 24, Bold: bold), Color.Black);
            c.Finish();
        }

        int Ink(bool bold) => Dark(PdfTools.Raster(CanvasTestDrawing.Render(stream => new SkiaPdfCanvas(stream), c => Word(c, bold)), 72));
        int PngInk(bool bold) => Dark(PngImage.Decode(CanvasTestDrawing.Render(stream => new PngCanvas(stream), c => Word(c, bold))));
        Assert.True(Ink(true) > Ink(false) * 1.15, $"bold {Ink(true)} dark pixels, regular {Ink(false)}: the PDF's bold is not heavier");
        Assert.InRange(Ink(true), PngInk(true) * 0.85, PngInk(true) * 1.15);

        var document = Diagrams.Read(Repo.PathOf("examples", "coffee-shop.blueprint.yaml"));
        var layout = DiagramLayouter.Layout(document, LayoutOptions.Default with { FontFamily = Family }, Diagrams.Measurer);
        var pdf = AssertDrawnBySkia(layout);

        string text = PdfText.Extract(pdf);
        Assert.Contains(document.Title, text, StringComparison.Ordinal);
        foreach (var step in layout.Steps) Assert.Contains(step.Name, text, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> MixedLinesByWriter
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var text in new[] { "Two\nlines drawn as one", "Café ☕ Ελληνικά Ω≈ç √∫ ✓", "Café ☕ שלום مرحبا Ελληνικά", "Tab\there and a soft\u00adhyphen" })
                foreach (var writer in PdfWriters.All) data.Add(text, writer);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(MixedLinesByWriter))]
    public void A_line_in_mixed_scripts_and_control_characters_reads_back_whole_and_looks_as_the_png(string text, string writer)
    {
        void Line(IDiagramCanvas canvas)
        {
            canvas.BeginPage(400, 40);
            canvas.DrawRectangle(0, 0, 400, 40, Color.White);
            canvas.DrawText(text, 10, 10, new FontSpec("DejaVu Sans", 14), Color.Black);
        }

        void Lower(IDiagramCanvas canvas) => Line(new TextShifted(canvas, 1.5));

        var pdf = Draw(writer, Line);
        Assert.True(Dark(Png(Line)) > 100, "the PNG shows no text");
        int differing = DifferingPoints(writer, Line);
        Assert.True(differing < 5, $"{differing} points of the PDF differ from the PNG of \"{text}\"");
        // The negative control: the line drawn 1.5 pt lower in the PDF does not pass for it.
        int control = DifferingPoints(writer, Line, Lower);
        Assert.True(control >= 20, $"with the PDF's text 1.5 pt lower only {control} points differ; the check would not see it");
        // Every word reads back whole (pdftotext marks right-to-left runs with embedding controls).
        string read = new(PdfText.Extract(pdf).Where(c => c is not ('\u202A' or '\u202B' or '\u202C')).ToArray());
        foreach (var word in text.Replace('\u00ad', ' ').Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries))
            Assert.Contains(word, read, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public void A_link_target_is_written_as_seven_bit_ascii(string writer)
    {
        var bytes = Draw(writer, canvas =>
        {
            canvas.BeginPage(100, 100);
            canvas.DrawRectangle(10, 10, 20, 20, Color.Black);
            canvas.AddLink(10, 10, 20, 20, "https://example.com/a b/(x)/ü?q=100%");
        });

        var pdf = Encoding.Latin1.GetString(bytes);
        Assert.Equal(["https://example.com/a%20b/(x)/%C3%BC?q=100%"], PdfTools.Urls(bytes));
        var uri = Assert.Single(Regex.Matches(pdf, @"/URI \(((?:[^()\\]|\\.)*)\)")).Groups[1].Value;
        Assert.All(uri, c => Assert.InRange(c, '!', '~'));
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public void A_glyph_shown_for_two_spellings_keeps_each_spelling_in_copied_text(string writer)
    {
        // HarfBuzz draws "e" + combining acute with the glyph of "é": the Unicode map can name only one of them.
        var pdf = Draw(writer, c =>
        {
            c.BeginPage(300, 60);
            c.DrawText("cafe\u0301 one", 10, 10, Font, Color.Black);
            c.DrawText("caf\u00e9 two", 10, 30, Font, Color.Black);
        });

        string text = PdfText.Extract(pdf);
        Assert.Contains("caf\u00e9 two", text, StringComparison.Ordinal);
        Assert.Contains("cafe\u0301 one", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public void A_character_no_font_has_is_drawn_as_an_empty_box(string writer)
    {
        void Box(IDiagramCanvas c)
        {
            c.BeginPage(60, 40);
            c.DrawRectangle(0, 0, 60, 40, Color.White);
            c.DrawText("\uE000", 10, 10, new FontSpec("DejaVu Sans", 20), Color.Black);
        }

        Assert.Equal(1, new TextEngine().Wrap("\uE000", new FontSpec("DejaVu Sans", 20), 100, 0).MissingGlyphs);
        var image = PdfTools.Raster(Draw(writer, Box), 72);
        Assert.True(Dark(image) > 20, $"{Dark(image)} dark pixels: no box was drawn");
        // A box, not a filled block: its middle is white.
        var line = ShapedLines.Get("\uE000", new FontSpec("DejaVu Sans", 20));
        var (boxX, boxWidth) = Assert.Single(line.Missing);
        int middleX = (int)(10 + boxX + (boxWidth / 2)), middleY = (int)(10 + line.Baseline - 7);
        Assert.Equal(Color.White, image[middleX, middleY]);
        int differing = DifferingPoints(writer, Box);
        Assert.True(differing == 0, $"{differing} points of the PDF's box differ from the PNG's");
    }

    /// <summary>A canvas that draws every line of text <paramref name="dy"/> points lower and the rest as it is.</summary>
    private sealed class TextShifted(IDiagramCanvas inner, double dy) : IDiagramCanvas
    {
        public void BeginPage(double width, double height) => inner.BeginPage(width, height);

        public void DrawRectangle(double x, double y, double width, double height, Color? fill, Stroke? stroke = null, double cornerRadius = 0) =>
            inner.DrawRectangle(x, y, width, height, fill, stroke, cornerRadius);

        public void DrawEllipse(double centerX, double centerY, double radiusX, double radiusY, Color? fill, Stroke? stroke = null) =>
            inner.DrawEllipse(centerX, centerY, radiusX, radiusY, fill, stroke);

        public void DrawPolyline(IReadOnlyList<(double X, double Y)> points, Stroke stroke, double arrowHead = 0) => inner.DrawPolyline(points, stroke, arrowHead);

        public void DrawText(string text, double x, double top, FontSpec font, Color color, TextAlign align = TextAlign.Start) =>
            inner.DrawText(text, x, top + dy, font, color, align);

        public void AddLink(double x, double y, double width, double height, string url) => inner.AddLink(x, y, width, height, url);

        public void BeginView(double clipX, double clipY, double clipWidth, double clipHeight, double offsetX, double offsetY, double scale) =>
            inner.BeginView(clipX, clipY, clipWidth, clipHeight, offsetX, offsetY, scale);

        public void EndView() => inner.EndView();

        public void Finish() => inner.Finish();

        public void Dispose()
        {
        }
    }
}
