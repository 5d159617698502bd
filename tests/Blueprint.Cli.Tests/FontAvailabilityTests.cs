using Blueprint.Tests;

namespace Blueprint.Cli.Tests;

/// <summary>
/// The command on machines with other fonts than ours, or none: run as a process of its own with a fontconfig
/// configuration that lists only a folder of the test's choosing (fontconfig is read once a process). The default
/// family is inside the tool, so what it draws must not depend on what is installed.
/// </summary>
public class FontAvailabilityTests
{
    private static (int ExitCode, string Output) Run(TempFolder dir, string fonts, params string[] arguments)
    {
        string config = dir.Write("fonts.conf",
            $"<?xml version=\"1.0\"?>\n<fontconfig><dir>{fonts}</dir><cachedir>{Path.Combine(dir.Path, "cache")}</cachedir></fontconfig>\n");
        return SourceBuild.Run("dotnet", dir.Path, [Path.Combine(AppContext.BaseDirectory, "blueprint.dll"), .. arguments],
            new Dictionary<string, string> { ["FONTCONFIG_FILE"] = config }, minutes: 1);
    }

    private static string OnlyMonospace(TempFolder dir)
    {
        string fonts = Path.Combine(dir.Path, "fonts");
        Directory.CreateDirectory(fonts);
        const string Mono = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf";
        Assert.True(File.Exists(Mono), "DejaVu Sans Mono is not installed; ./test.sh installs fonts-dejavu-core");
        File.Copy(Mono, Path.Combine(fonts, "DejaVuSansMono.ttf"));
        return fonts;
    }

    [Fact]
    public void Without_any_installed_font_a_latin_blueprint_draws_real_text_byte_for_byte_as_on_a_machine_with_fonts()
    {
        using var dir = new TempFolder();
        string example = Repo.PathOf("examples", "restaurant.blueprint.yaml");
        foreach (var format in new[] { "png", "pdf", "svg" })
        {
            var bare = Run(dir, Path.Combine(dir.Path, "no-fonts"), "render", example, "-o", $"bare.{format}");
            Assert.True(bare.ExitCode == 0, bare.Output);
            Assert.DoesNotContain("warning", bare.Output, StringComparison.Ordinal);
            var normal = CliRun.Run(dir.Path, null, "render", example, "-o", $"normal.{format}");
            Assert.Equal(0, normal.ExitCode);
            byte[] drawn = File.ReadAllBytes(Path.Combine(dir.Path, $"bare.{format}"));
            Assert.True(drawn.SequenceEqual(File.ReadAllBytes(Path.Combine(dir.Path, $"normal.{format}"))),
                $"without fonts the {format} differs from the one drawn where fonts are installed");
        }

        // Real text, not boxes: the PDF's words read back, in the bundled face.
        byte[] drawnPdf = File.ReadAllBytes(Path.Combine(dir.Path, "bare.pdf"));
        string text = PdfText.Extract(drawnPdf);
        Assert.Contains("Gives their name to the host", text, StringComparison.Ordinal);
        Assert.Contains("DejaVuSans", PdfTools.Fonts(drawnPdf), StringComparison.Ordinal);
    }

    [Fact]
    public void The_installed_fonts_do_not_change_a_diagram_in_the_default_family()
    {
        using var dir = new TempFolder();
        var run = Run(dir, OnlyMonospace(dir), "render", Repo.PathOf("examples", "coffee-shop.blueprint.yaml"), "-o", "mono.png");
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.DoesNotContain("warning", run.Output, StringComparison.Ordinal);
        Assert.Equal(0, CliRun.Run(dir.Path, null, "render", Repo.PathOf("examples", "coffee-shop.blueprint.yaml"), "-o", "normal.png").ExitCode);
        Assert.True(File.ReadAllBytes(Path.Combine(dir.Path, "mono.png")).SequenceEqual(File.ReadAllBytes(Path.Combine(dir.Path, "normal.png"))));
    }

    [Fact]
    public void A_requested_family_that_is_not_installed_is_drawn_in_the_bundled_one_with_a_warning()
    {
        using var dir = new TempFolder();
        var run = Run(dir, OnlyMonospace(dir), "render", Repo.PathOf("examples", "coffee-shop.blueprint.yaml"), "--font", "Liberation Sans", "-o", "out.png");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("warning: the font family 'Liberation Sans' is not installed; drawing with 'DejaVu Sans' instead", run.Output, StringComparison.Ordinal);
        Assert.True(new FileInfo(Path.Combine(dir.Path, "out.png")).Length > 10_000);
    }

    [Fact]
    public void A_requested_family_that_is_installed_is_used_instead_of_the_bundled_one()
    {
        using var dir = new TempFolder();
        var run = Run(dir, OnlyMonospace(dir), "render", Repo.PathOf("examples", "coffee-shop.blueprint.yaml"), "--font", "DejaVu Sans Mono", "-o", "out.pdf");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.DoesNotContain("warning", run.Output, StringComparison.Ordinal);
        string fonts = PdfTools.Fonts(File.ReadAllBytes(Path.Combine(dir.Path, "out.pdf")));
        Assert.Contains("DejaVuSansMono", fonts, StringComparison.Ordinal);
    }

    [Fact]
    public void Characters_the_bundled_family_lacks_come_from_installed_fonts_and_without_them_are_boxes_with_a_warning()
    {
        using var dir = new TempFolder();
        string file = dir.Write("tea.blueprint.yaml", """
            blueprint: 喫茶店
            scenes:
              - scene: One
                steps:
                  - step: Order
                    customer: お茶を注文する
            """);
        var bare = Run(dir, Path.Combine(dir.Path, "no-fonts"), "render", file, "-o", "bare.png");
        Assert.True(bare.ExitCode == 0, bare.Output);
        Assert.Contains("no installed font can show some characters of \"お茶を注文する\"", bare.Output, StringComparison.Ordinal);

        var normal = CliRun.Run(dir.Path, null, "render", file, "-o", "normal.png");
        Assert.Equal(0, normal.ExitCode);
        Assert.DoesNotContain(normal.ErrorLines, l => l.Contains("no installed font", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_any_installed_font_lint_still_measures_long_texts()
    {
        using var dir = new TempFolder();
        string file = dir.Write("long.blueprint.yaml", """
            blueprint: Long cards
            scenes:
              - scene: One
                steps:
                  - step: Only
                    customer: A card text long enough that the long-text check has to measure it before it can say whether it fits on the card, and it does not fit, because it goes on and on and on well past the six lines a card shows at its width
                    frontsage: misspelt lane
            """);
        var run = Run(dir, Path.Combine(dir.Path, "no-fonts"), "lint", file);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("BP002 unknown-key", run.Output, StringComparison.Ordinal);
        Assert.Contains("BP110", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("skipped", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("BP000", run.Output, StringComparison.Ordinal);
    }
}
