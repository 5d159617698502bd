using System.Text;
using Blueprint.Layout;
using Blueprint.Rendering.Pdf;
using Blueprint.Rendering.Text;
using Blueprint.Tests;

namespace Blueprint.Rendering.Tests;

/// <summary>Our own PDF writer (<see cref="PdfCanvas"/>): what it draws, embeds and links, checked with poppler.</summary>
public sealed class PdfWriterTests
{
    private static readonly FontSpec Font = new("DejaVu Sans", 10);

    private static byte[] Pdf(DiagramLayout layout, bool cairo)
    {
        using var stream = new MemoryStream();
        using (IDiagramCanvas canvas = cairo ? new CairoPdfCanvas(stream) : new PdfCanvas(stream))
        {
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

    private static byte[] Draw(Action<IDiagramCanvas> draw)
    {
        using var stream = new MemoryStream();
        using (var canvas = new PdfCanvas(stream))
        {
            draw(canvas);
            canvas.Finish();
        }

        return stream.ToArray();
    }

    [Theory]
    [MemberData(nameof(DiagramRendererTests.Examples), MemberType = typeof(DiagramRendererTests))]
    public void Every_example_looks_the_same_as_drawn_by_cairo(string example)
    {
        var layout = Diagrams.Layout(example);
        var ours = PdfTools.Raster(Pdf(layout, cairo: false), 36);
        var cairos = PdfTools.Raster(Pdf(layout, cairo: true), 36);

        // Antialiasing of curves and glyph edges differs a little; shapes, colours and text positions must not.
        double share = Differing(ours, cairos) / (double)(ours.Width * ours.Height);
        Assert.True(share < 0.005, $"{example}: {share:P2} of the pixels differ from Cairo's drawing");
    }

    [Theory]
    [MemberData(nameof(DiagramRendererTests.Examples), MemberType = typeof(DiagramRendererTests))]
    public void Text_reads_the_same_as_in_cairos_pdf(string example)
    {
        var layout = Diagrams.Layout(example);

        Assert.Equal(PdfText.Extract(Pdf(layout, cairo: true)), PdfText.Extract(Pdf(layout, cairo: false)));
    }

    [Fact]
    public void Fonts_are_embedded_subsets_with_a_unicode_map()
    {
        var pdf = Pdf(Diagrams.Layout("restaurant.blueprint.yaml"), cairo: false);
        var fonts = PdfTools.Fonts(pdf).Split('\n').Skip(2).Where(l => l.Length > 0).ToList();

        Assert.Equal(3, fonts.Count); // regular, bold and oblique (owners, notes)
        Assert.All(fonts, line => Assert.Matches(@"^[A-Z]{6}\+DejaVuSans(-Bold|-Oblique)?\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes", line));
        // The three DejaVu files are over 2 MB together; only the glyphs drawn are kept (Cairo's PDF of it: 46 KB).
        Assert.True(pdf.Length < 64_000, $"{pdf.Length} bytes");
    }

    [Fact]
    public void Only_the_glyphs_drawn_are_kept()
    {
        var few = Draw(c => { c.BeginPage(100, 50); c.DrawText("ab", 10, 10, Font, Color.Black); });
        var more = Draw(c => { c.BeginPage(100, 50); c.DrawText("abcdefghijklmnopqrstuvwxyz", 10, 10, Font, Color.Black); });

        Assert.True(few.Length < more.Length, $"{few.Length} bytes for two letters, {more.Length} for the alphabet");
        Assert.Equal("ab", PdfText.Extract(few));
    }

    [Fact]
    public void Accented_letters_and_ligature_prone_words_read_back_as_written()
    {
        var pdf = Draw(c =>
        {
            c.BeginPage(300, 50);
            c.DrawText("Café crème, office fluff — naïve", 10, 10, Font, Color.Black);
        });

        Assert.Equal("Café crème, office fluff — naïve", PdfText.Extract(pdf));
    }

    [Fact]
    public void A_link_inside_a_view_is_moved_scaled_and_clipped_to_it()
    {
        var pdf = Encoding.Latin1.GetString(Draw(c =>
        {
            c.BeginPage(200, 100);
            c.BeginView(50, 0, 100, 100, 10, 0, 0.5);
            c.AddLink(0, 0, 400, 20, "https://example.com/a");
            c.EndView();
        }));

        // (0 + 10) x 0.5 = 5 is cut to the view's left edge 50; (400 + 10) x 0.5 = 205 to its right edge 150; y 0..10 from the top.
        Assert.Contains("/Rect [ 50 90 150 100 ]", pdf, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_outside_the_view_is_left_out()
    {
        var pdf = Encoding.Latin1.GetString(Draw(c =>
        {
            c.BeginPage(200, 100);
            c.BeginView(0, 0, 50, 100, 0, 0, 1);
            c.AddLink(100, 10, 20, 20, "https://example.com/a");
            c.EndView();
        }));

        Assert.DoesNotContain("/Link", pdf, StringComparison.Ordinal);
    }

    [Fact]
    public void See_through_colours_get_a_graphics_state_with_their_opacity()
    {
        var pdf = Encoding.Latin1.GetString(Draw(c =>
        {
            c.BeginPage(100, 50);
            c.DrawRectangle(0, 0, 50, 50, Color.Parse("#ff000080"), new Stroke(Color.Parse("#0000ff40"), 1));
        }));

        Assert.Contains("/fa128 << /ca 0.502 >>", pdf, StringComparison.Ordinal);
        Assert.Contains("/sa64 << /CA 0.251 >>", pdf, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_ascii_title_is_written_as_utf16()
    {
        using var stream = new MemoryStream();
        using (var canvas = new PdfCanvas(stream, "Café"))
        {
            canvas.BeginPage(10, 10);
            canvas.Finish();
        }

        Assert.Contains("/Title <FEFF00430061006600E9>", Encoding.Latin1.GetString(stream.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public void Drawing_before_a_page_or_after_finishing_is_refused()
    {
        using var canvas = new PdfCanvas(new MemoryStream());
        Assert.Throws<InvalidOperationException>(() => canvas.DrawText("x", 0, 0, Font, Color.Black));
        canvas.BeginPage(10, 10);
        canvas.Finish();
        Assert.Throws<InvalidOperationException>(() => canvas.DrawRectangle(0, 0, 1, 1, Color.Black));
    }

    [Theory]
    [InlineData("The waiter takes the order, suggests a wine and sends the ticket to the kitchen at once", 90)]
    [InlineData("Waiter brings the bill and the terminal; Tapas, Tee, AVA and WAY are kerned pairs", 60)]
    [InlineData("שלום לכולם, the order ABC-123 ships מחר בבוקר to the kitchen 42 והמלצר מביא", 70)]
    public void A_wrapped_line_has_the_glyphs_it_has_when_shaped_alone(string text, double width)
    {
        var wrapped = Diagrams.Measurer.Wrap(text, Font, width, 0);
        Assert.True(wrapped.Lines.Count > 2);

        foreach (var line in wrapped.Lines)
        {
            var filed = GlyphLines.Get(line, Font);
            var alone = GlyphLines.Shape(line, Font);
            Assert.Equal(alone.Runs.SelectMany(r => r.Glyphs), filed.Runs.SelectMany(r => r.Glyphs));
            Assert.Equal(alone.Runs.SelectMany(r => r.X), filed.Runs.SelectMany(r => r.X));
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

    [Fact]
    public void A_font_with_cff_outlines_is_left_to_cairo_and_its_text_stays_selectable()
    {
        var document = Diagrams.Read(Repo.PathOf("examples", "restaurant.blueprint.yaml"));
        var options = LayoutOptions.Default with { FontFamily = "Inconsolata" };
        var layout = DiagramLayouter.Layout(document, options, Diagrams.Measurer);
        var card = layout.Cards[0];
        var face = GlyphLines.Get(card.Lines[0], Assert.Single(layout.Ops.OfType<TextOp>(), t => t.Text == card.Lines[0]).Font).Runs[0].Face;
        Assert.False(face.IsEmbeddable, "Inconsolata (CFF outlines) is not installed; ./test.sh installs fonts-inconsolata");

        Assert.False(PdfCanvas.CanDraw(layout));
        Assert.True(PdfCanvas.CanDraw(Diagrams.Layout("restaurant.blueprint.yaml")));
        var pdf = Diagrams.Bytes(layout, OutputFormat.Pdf);
        Assert.Contains("Inconsolata", PdfTools.Fonts(pdf), StringComparison.Ordinal);
        Assert.Contains(document.Title, PdfText.Extract(pdf), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Two\nlines drawn as one")]
    [InlineData("Café ☕ שלום مرحبا Ελληνικά")]
    [InlineData("Tab\there and a soft\u00adhyphen")]
    public void A_line_in_mixed_scripts_and_control_characters_looks_as_cairo_draws_it(string text)
    {
        byte[] Drawn(bool cairo)
        {
            using var stream = new MemoryStream();
            using (IDiagramCanvas canvas = cairo ? new CairoPdfCanvas(stream) : new PdfCanvas(stream))
            {
                canvas.BeginPage(400, 40);
                canvas.DrawRectangle(0, 0, 400, 40, Color.White);
                canvas.DrawText(text, 10, 10, new FontSpec("DejaVu Sans", 14), Color.Black);
                canvas.Finish();
            }

            return stream.ToArray();
        }

        int differing = Differing(PdfTools.Raster(Drawn(cairo: false), 72), PdfTools.Raster(Drawn(cairo: true), 72));
        Assert.True(differing < 40, $"{differing} pixels differ from Cairo's drawing of \"{text}\"");
        // Every word reads back whole (pdftotext marks right-to-left runs with embedding controls).
        string read = new(PdfText.Extract(Drawn(cairo: false)).Where(c => c is not ('\u202A' or '\u202B' or '\u202C')).ToArray());
        foreach (var word in text.Replace('\u00ad', ' ').Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries))
            Assert.Contains(word, read, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bold_that_fontconfig_makes_up_is_left_to_cairo()
    {
        var bold = new FontSpec("DejaVu Math TeX Gyre", 10, Bold: true);
        var run = GlyphLines.Get("Bold title", bold).Runs[0];
        Assert.True(run.Face.IsEmbeddable, "DejaVu Math TeX Gyre (TrueType, no bold face) is not installed; ./test.sh installs fonts-dejavu-extra");

        Assert.True(run.Synthetic);
        Assert.False(GlyphLines.Get("Plain text", bold with { Bold = false }).Runs[0].Synthetic);
        Assert.False(GlyphLines.Get("Bold title", Font with { Bold = true }).Runs[0].Synthetic);
        var document = Diagrams.Read(Repo.PathOf("examples", "coffee-shop.blueprint.yaml"));
        var layout = DiagramLayouter.Layout(document, LayoutOptions.Default with { FontFamily = "DejaVu Math TeX Gyre" }, Diagrams.Measurer);
        Assert.False(PdfCanvas.CanDraw(layout));
        Assert.Contains(document.Title, PdfText.Extract(Diagrams.Bytes(layout, OutputFormat.Pdf)), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public void A_link_target_is_written_as_seven_bit_ascii(string writer)
    {
        using var stream = new MemoryStream();
        using (IDiagramCanvas canvas = writer == "cairo" ? new CairoPdfCanvas(stream) : new PdfCanvas(stream))
        {
            canvas.BeginPage(100, 100);
            canvas.DrawRectangle(10, 10, 20, 20, Color.Black);
            canvas.AddLink(10, 10, 20, 20, "https://example.com/a b/(x)/ü?q=100%");
            canvas.Finish();
        }

        var pdf = Encoding.Latin1.GetString(stream.ToArray());
        Assert.Contains(writer == "cairo" ? "/URI (https://example.com/a%20b/%28x%29/%C3%BC?q=100%)" : @"/URI (https://example.com/a%20b/\(x\)/%C3%BC?q=100%)", pdf, StringComparison.Ordinal);
        Assert.Equal("", PdfText.Extract(stream.ToArray())); // poppler reads the file
    }

    public static TheoryData<string> Writers => PdfCanvasTests.Writers;

    [Fact]
    public void A_glyph_shown_for_two_spellings_keeps_each_spelling_in_copied_text()
    {
        // HarfBuzz draws "e" + combining acute with the glyph of "é": the Unicode map can name only one of them.
        var pdf = Draw(c =>
        {
            c.BeginPage(300, 60);
            c.DrawText("cafe\u0301 one", 10, 10, Font, Color.Black);
            c.DrawText("caf\u00e9 two", 10, 30, Font, Color.Black);
        });

        string text = PdfText.Extract(pdf);
        Assert.Contains("caf\u00e9 two", text, StringComparison.Ordinal);
        Assert.Contains("one", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_character_no_font_has_is_drawn_as_an_empty_box()
    {
        var pdf = Draw(c =>
        {
            c.BeginPage(60, 40);
            c.DrawRectangle(0, 0, 60, 40, Color.White);
            c.DrawText("\uE000", 10, 10, new FontSpec("DejaVu Sans", 20), Color.Black);
        });

        var image = PdfTools.Raster(pdf, 72);
        int dark = 0;
        for (int y = 0; y < image.Height; y++)
            for (int x = 0; x < image.Width; x++)
                if (image[x, y].R < 128) dark++;
        Assert.True(dark > 20, $"{dark} dark pixels: no box was drawn");
    }
}
