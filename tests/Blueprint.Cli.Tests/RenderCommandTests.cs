using System.Text;
using Blueprint.Cli.Output;
using Blueprint.Core.Reading;
using Blueprint.Layout;
using Blueprint.Rendering;
using Blueprint.Rendering.Text;
using Blueprint.Tests;

namespace Blueprint.Cli.Tests;

public class RenderCommandTests
{
    private const string Good = Samples.GoodWithEveryLane;

    private const string Broken = """
        blueprint: Broken
        scenes:
          - scene: Visit
            steps:
              - step: Arrive
                customer: Walks in
                frontstage:
                  text: Greets
                  to: [nowhere]
        """;

    private static readonly Lazy<TextEngine> Measurer = new(() => TextEngine.Shared);

    private static string[] Examples =>
        Directory.GetFiles(Repo.PathOf("examples")).Where(BlueprintReader.IsBlueprintFile).Order(StringComparer.Ordinal).ToArray();

    private static string StemOf(string path) => Path.GetFileName(path)[..Path.GetFileName(path).IndexOf(".blueprint.", StringComparison.Ordinal)];

    private static DiagramLayout LayoutOf(string path)
    {
        var read = BlueprintReader.Read(path, File.ReadAllBytes(path));
        return DiagramLayouter.Layout(read.Document!, LayoutOptions.Default, Measurer.Value);
    }

    private static string[] FilesIn(string folder) =>
        Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    [Theory]
    [InlineData("png")]
    [InlineData("pdf")]
    [InlineData("svg")]
    public void Every_example_renders(string format)
    {
        using var dir = new TempFolder();
        var run = CliRun.Run(Repo.Root, null, "render", "examples", "-o", dir.Path, "-f", format);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        Assert.Equal(Examples.Select(e => StemOf(e) + "." + format).Order(StringComparer.Ordinal), FilesIn(dir.Path));
        Assert.Equal(Examples.Length, run.OutLines.Count(l => l.StartsWith("wrote ", StringComparison.Ordinal)));
        foreach (var example in Examples)
        {
            byte[] bytes = File.ReadAllBytes(Path.Combine(dir.Path, StemOf(example) + "." + format));
            switch (format)
            {
                case "png":
                    var layout = LayoutOf(example);
                    Assert.Equal(((int)Math.Ceiling(layout.Width), (int)Math.Ceiling(layout.Height)), PngImage.ReadHeader(bytes));
                    break;
                case "pdf":
                    Assert.StartsWith("%PDF-", Encoding.Latin1.GetString(bytes, 0, 5), StringComparison.Ordinal);
                    break;
                default:
                    Assert.Contains("<svg", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
                    break;
            }
        }
    }

    [Fact]
    public void Scale_two_doubles_the_png()
    {
        using var dir = new TempFolder();
        var one = CliRun.Run(Repo.Root, null, "render", "examples/coffee-shop.blueprint.yaml", "-o", Path.Combine(dir.Path, "one.png"));
        var two = CliRun.Run(Repo.Root, null, "render", "examples/coffee-shop.blueprint.yaml", "-o", Path.Combine(dir.Path, "two.png"), "--scale", "2");

        Assert.Equal((0, 0), (one.ExitCode, two.ExitCode));
        var (w1, h1) = PngImage.ReadHeader(File.ReadAllBytes(Path.Combine(dir.Path, "one.png")));
        var (w2, h2) = PngImage.ReadHeader(File.ReadAllBytes(Path.Combine(dir.Path, "two.png")));
        Assert.Equal((w1 * 2, h1 * 2), (w2, h2));
    }

    [Theory]
    [InlineData("png")]
    [InlineData("pdf")]
    [InlineData("svg")]
    public void Rendering_twice_gives_identical_files(string format)
    {
        using var dir = new TempFolder();
        CliRun.Run(Repo.Root, null, "render", "examples/restaurant.blueprint.yaml", "-o", Path.Combine(dir.Path, "a." + format));
        CliRun.Run(Repo.Root, null, "render", "examples/restaurant.blueprint.yaml", "-o", Path.Combine(dir.Path, "b." + format));

        Assert.Equal(File.ReadAllBytes(Path.Combine(dir.Path, "a." + format)), File.ReadAllBytes(Path.Combine(dir.Path, "b." + format)));
    }

    [Fact]
    public void A_pdf_on_paper_reports_its_pages_and_repeats_the_lane_labels()
    {
        using var dir = new TempFolder();
        var run = CliRun.Run(Repo.Root, null, "render", "examples/restaurant.blueprint.yaml", "-o", Path.Combine(dir.Path, "r.pdf"), "--page", "a4");

        int pages = Pagination.Plan(LayoutOf(Repo.PathOf("examples", "restaurant.blueprint.yaml")), PageSize.Find("a4")).Count;
        Assert.True(pages > 1);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal([$"wrote {Path.Combine(dir.Path, "r.pdf")} ({pages} pages)"], run.OutLines);
        for (int page = 1; page <= pages; page++)
        {
            string text = PdfText.Extract(Path.Combine(dir.Path, "r.pdf"), page);
            Assert.Contains("Customer actions", text, StringComparison.Ordinal);
            Assert.Contains("Support processes", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_pdf_on_paper_says_which_scene_it_split_and_why()
    {
        using var dir = new TempFolder();
        var run = CliRun.Run(Repo.Root, null, "render", "tests/Fixtures/paged/wide-scene.blueprint.yaml", "-o", Path.Combine(dir.Path, "w.pdf"), "--page", "a4");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal([$"wrote {Path.Combine(dir.Path, "w.pdf")} (4 pages; scene 'The guided tour of the whole building' continues over pages 2-3: it does not fit across one A4 page with card text at 6 pt or larger)"], run.OutLines);
    }

    [Fact]
    public void A_one_page_pdf_says_no_page_count()
    {
        using var dir = new TempFolder();
        dir.Write("good.blueprint.yaml", Good);
        var run = CliRun.Run(dir.Path, null, "render", "good.blueprint.yaml", "-o", "good.pdf");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["wrote good.pdf"], run.OutLines);
    }

    [Fact]
    public void Without_output_the_file_goes_beside_the_input()
    {
        using var dir = new TempFolder();
        dir.Write("visit.blueprint.yaml", Good);
        var run = CliRun.Run(dir.Path, null, "render", "visit.blueprint.yaml");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["wrote visit.png"], run.OutLines);
        Assert.Equal(["visit.blueprint.yaml", "visit.png"], FilesIn(dir.Path));
    }

    [Fact]
    public void A_blueprint_with_errors_is_not_rendered()
    {
        using var dir = new TempFolder();
        dir.Write("broken.blueprint.yaml", Broken);
        var run = CliRun.Run(dir.Path, null, "render", "broken.blueprint.yaml", "-o", "broken.png");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["broken.blueprint.yaml"], FilesIn(dir.Path));
        Assert.Contains(run.ErrorLines, l => l.Contains("error BP005", StringComparison.Ordinal));
        Assert.Contains("use --force", run.ErrorLines[^1], StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void Force_renders_a_blueprint_with_errors_and_exits_1()
    {
        using var dir = new TempFolder();
        dir.Write("broken.blueprint.yaml", Broken);
        var run = CliRun.Run(dir.Path, null, "render", "broken.blueprint.yaml", "-o", "broken.png", "--force");

        Assert.Equal(1, run.ExitCode); // drawn, but the errors are still errors
        Assert.Equal(["wrote broken.png"], run.OutLines);
        Assert.Contains(run.ErrorLines, l => l.Contains("error BP005", StringComparison.Ordinal));
        PngImage.ReadHeader(File.ReadAllBytes(Path.Combine(dir.Path, "broken.png")));
    }

    [Fact]
    public void An_output_folder_that_is_a_file_fails_and_leaves_nothing()
    {
        using var dir = new TempFolder();
        dir.Write("good.blueprint.yaml", Good);
        dir.Write("blocker", "not a folder");
        var run = CliRun.Run(dir.Path, null, "render", "good.blueprint.yaml", "-o", "blocker/good.png");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("blueprint: cannot write 'blocker/good.png': 'blocker' is a file, not a folder", run.ErrorLines[^1]);
        Assert.All(run.ErrorLines[..^1], l => Assert.Contains(": warning BP101 missing-layer: ", l, StringComparison.Ordinal));
        Assert.Equal("", run.Out);
        Assert.Equal(["blocker", "good.blueprint.yaml"], FilesIn(dir.Path));
        Assert.Equal("not a folder", File.ReadAllText(Path.Combine(dir.Path, "blocker")));
    }

    [Fact]
    public void An_output_that_cannot_be_replaced_fails_and_leaves_no_temporary_file()
    {
        using var dir = new TempFolder();
        dir.Write("good.blueprint.yaml", Good);
        dir.Write("good.png/keep.txt", "kept");
        var run = CliRun.Run(dir.Path, null, "render", "good.blueprint.yaml", "-o", "good.png");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("blueprint: cannot write 'good.png': is a folder", run.ErrorLines[^1]);
        Assert.All(run.ErrorLines[..^1], l => Assert.Contains(": warning BP101 missing-layer: ", l, StringComparison.Ordinal));
        Assert.Equal(["good.blueprint.yaml", "good.png"], FilesIn(dir.Path));
        Assert.Equal(["keep.txt"], FilesIn(Path.Combine(dir.Path, "good.png")));
    }

    [Theory]
    [InlineData(OutputFormat.Png)]
    [InlineData(OutputFormat.Pdf)]
    [InlineData(OutputFormat.Svg)]
    public void A_render_that_fails_while_writing_leaves_the_old_file_and_no_temporary_file(OutputFormat format)
    {
        using var dir = new TempFolder();
        string target = dir.Write("out." + format.ToString().ToLowerInvariant(), "previous version");
        var layout = LayoutOf(Repo.PathOf("examples", "coffee-shop.blueprint.yaml"));

        var error = Assert.ThrowsAny<Exception>(() => AtomicFile.Write(target, stream =>
            DiagramRenderer.Render(layout, new RenderOptions(format), new FailingStream(stream, failAfter: 1000))));

        Assert.True(error is RenderException or IOException, error.ToString());
        Assert.Equal("previous version", File.ReadAllText(target));
        Assert.Equal([Path.GetFileName(target)], FilesIn(dir.Path));
    }

    [Fact]
    public void The_input_is_never_modified()
    {
        using var dir = new TempFolder();
        string input = dir.Write("good.blueprint.yaml", Good);
        byte[] bytes = File.ReadAllBytes(input);
        var written = File.GetLastWriteTimeUtc(input);

        foreach (var format in new[] { "png", "pdf", "svg" })
            Assert.Equal(0, CliRun.Run(dir.Path, null, "render", "good.blueprint.yaml", "-f", format).ExitCode);

        Assert.Equal(bytes, File.ReadAllBytes(input));
        Assert.Equal(written, File.GetLastWriteTimeUtc(input));
    }

    [Fact]
    public void An_output_named_like_the_input_is_refused()
    {
        using var dir = new TempFolder();
        dir.Write("good.blueprint.yaml", Good);

        var run = CliRun.Run(dir.Path, null, "render", "good.blueprint.yaml", "-o", "good.blueprint.yaml");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(Good, File.ReadAllText(Path.Combine(dir.Path, "good.blueprint.yaml")));
    }

    [Fact]
    public void An_unknown_output_extension_is_bad_usage()
    {
        using var dir = new TempFolder();
        dir.Write("good.blueprint.yaml", Good);
        var run = CliRun.Run(dir.Path, null, "render", "good.blueprint.yaml", "-o", "good.jpg");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cannot tell the format of 'good.jpg'", run.Error, StringComparison.Ordinal);
        Assert.Equal(["good.blueprint.yaml"], FilesIn(dir.Path));
    }

    [Fact]
    public void Several_inputs_into_one_file_is_bad_usage()
    {
        using var dir = new TempFolder();
        dir.Write("a.blueprint.yaml", Good);
        dir.Write("b.blueprint.yaml", Good);
        var run = CliRun.Run(dir.Path, null, "render", "a.blueprint.yaml", "b.blueprint.yaml", "-o", "both.png");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("2 inputs cannot all be written to 'both.png'", run.Error, StringComparison.Ordinal);
        Assert.Equal(["a.blueprint.yaml", "b.blueprint.yaml"], FilesIn(dir.Path));
    }

    [Fact]
    public void Two_inputs_whose_outputs_clash_is_bad_usage()
    {
        using var dir = new TempFolder();
        dir.Write("in/visit.blueprint.yaml", Good);
        dir.Write("in/visit.blueprint.md", "# Good\n\n## Visit\n\n### Arrive\n\n- Customer: Walks in\n");
        var run = CliRun.Run(dir.Path, null, "render", "in", "-o", "out");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["blueprint: 'in/visit.blueprint.md' and 'in/visit.blueprint.yaml' would both be written to 'out/visit.png'; rename one of them, or render them one at a time"], run.ErrorLines);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "out")));
    }

    [Theory]
    [InlineData("--page", "bogus", "unknown --page 'bogus'")]
    [InlineData("--scale", "0", "--scale must be a number from 0.1 to 16, got '0'")]
    [InlineData("--scale", "17", "--scale must be a number from 0.1 to 16, got '17'")]
    [InlineData("--theme", "neon", "neon")]
    [InlineData("-f", "jpg", "jpg")]
    public void Bad_options_are_bad_usage(string option, string value, string message)
    {
        using var dir = new TempFolder();
        dir.Write("good.blueprint.yaml", Good);
        var run = CliRun.Run(dir.Path, null, "render", "good.blueprint.yaml", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Equal(["good.blueprint.yaml"], FilesIn(dir.Path));
    }

    [Fact]
    public void A_dash_reads_standard_input()
    {
        using var dir = new TempFolder();
        var run = CliRun.Run(dir.Path, Good.Replace("Good", "From standard input", StringComparison.Ordinal), "render", "-", "-o", "stdin.svg");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["wrote stdin.svg"], run.OutLines);
        Assert.Contains(">From standard input</text>", File.ReadAllText(Path.Combine(dir.Path, "stdin.svg")), StringComparison.Ordinal);
    }

    [Fact]
    public void An_output_folder_gets_one_file_per_input_named_by_its_stem()
    {
        using var dir = new TempFolder();
        dir.Write("in/arrival.blueprint.yaml", Good);
        dir.Write("in/departure.blueprint.yml", Good);
        dir.Write("in/payment.blueprint.md", "# Payment\n\n## Pay\n\n### Pay\n\n- Customer: Pays\n");
        var run = CliRun.Run(dir.Path, null, "render", "in", "-o", "out", "-f", "pdf");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["arrival.pdf", "departure.pdf", "payment.pdf"], FilesIn(Path.Combine(dir.Path, "out")));
        Assert.Equal(["wrote out/arrival.pdf", "wrote out/departure.pdf", "wrote out/payment.pdf"], run.OutLines);
    }

    [Fact]
    public void Text_no_font_can_show_gives_a_warning_naming_it_and_a_font_package()
    {
        using var dir = new TempFolder();
        dir.Write("glyphs.blueprint.yaml", Good.Replace("Walks in", "Walks in \uE000", StringComparison.Ordinal));
        var run = CliRun.Run(dir.Path, null, "render", "glyphs.blueprint.yaml", "-o", "glyphs.png");

        Assert.Equal(0, run.ExitCode);
        var warning = Assert.Single(run.ErrorLines, l => l.Contains("no installed font", StringComparison.Ordinal));
        Assert.StartsWith("glyphs.blueprint.yaml: warning: ", warning, StringComparison.Ordinal);
        Assert.Contains("\"Walks in \uE000\"", warning, StringComparison.Ordinal);
        Assert.Contains("fonts-noto", warning, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir.Path, "glyphs.png")));
    }

    [Fact]
    public void A_font_family_that_is_not_installed_gives_a_warning_naming_it_and_the_family_drawn_instead()
    {
        using var dir = new TempFolder();
        dir.Write("good.blueprint.yaml", Good);
        var run = CliRun.Run(dir.Path, null, "render", "good.blueprint.yaml", "-o", "good.pdf", "--font", "No Such Family 42");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["wrote good.pdf"], run.OutLines);
        Assert.Equal(
            ["blueprint: warning: the font family 'No Such Family 42' is not installed; drawing with 'DejaVu Sans' instead"],
            run.ErrorLines.Where(l => l.Contains("font", StringComparison.Ordinal)));
        string pdf = Path.Combine(dir.Path, "good.pdf");
        Assert.Contains("Walks in", PdfText.Extract(pdf), StringComparison.Ordinal);
        Assert.Contains("DejaVuSans", PdfTools.Fonts(File.ReadAllBytes(pdf)), StringComparison.Ordinal);
    }

    [Fact]
    public void An_installed_font_family_gives_no_warning_and_is_drawn()
    {
        using var dir = new TempFolder();
        dir.Write("good.blueprint.yaml", Good);
        var run = CliRun.Run(dir.Path, null, "render", "good.blueprint.yaml", "-o", "good.pdf", "--font", "DejaVu Serif");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain(run.ErrorLines, l => l.Contains("font", StringComparison.Ordinal));
        Assert.Contains("DejaVuSerif", PdfTools.Fonts(File.ReadAllBytes(Path.Combine(dir.Path, "good.pdf"))), StringComparison.Ordinal);
    }

    [Fact]
    public void A_card_whose_text_is_cut_is_reported_as_long_text()
    {
        string longText = string.Join(' ', Enumerable.Repeat("The host explains the menu and the specials of the day.", 8));
        using var dir = new TempFolder();
        dir.Write("long.blueprint.yaml", Good.Replace("Greets", longText, StringComparison.Ordinal));
        var run = CliRun.Run(dir.Path, null, "render", "long.blueprint.yaml", "-o", "long.png");

        Assert.Equal(0, run.ExitCode);
        Assert.True(File.Exists(Path.Combine(dir.Path, "long.png")));
        var finding = Assert.Single(run.ErrorLines, l => l.Contains("BP110", StringComparison.Ordinal));
        Assert.StartsWith("long.blueprint.yaml:9:", finding, StringComparison.Ordinal);
        Assert.Contains("warning BP110 long-text", finding, StringComparison.Ordinal);
    }

    /// <summary>Passes writes through until a number of bytes, then throws as a full disk would.</summary>
    private sealed class FailingStream(Stream inner, int failAfter) : Stream
    {
        private long _written;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _written;
        public override long Position { get => _written; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (_written + buffer.Length > failAfter) throw new IOException("No space left on device");
            inner.Write(buffer);
            _written += buffer.Length;
        }

        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
