using Blueprint.Tests;

namespace Blueprint.Cli.Tests.Render;

/// <summary><c>render --diff OLD</c> through the command line: every format draws the marks; usage that cannot work is refused.</summary>
public sealed class RenderDiffTests
{
    private static TempFolder Pair()
    {
        var dir = new TempFolder();
        foreach (var name in new[] { "old.blueprint.yaml", "new.blueprint.yaml" })
            File.Copy(Repo.Fixtures("diff", "drawing", name), Path.Combine(dir.Path, name));
        return dir;
    }

    [Fact]
    public void Svg_shows_the_ghosts_text_and_the_legend_of_marks()
    {
        using var dir = Pair();
        var run = CliRun.Run(dir.Path, null, "render", "new.blueprint.yaml", "--diff", "old.blueprint.yaml", "-o", "d.svg");
        Assert.Equal(0, run.ExitCode);
        string svg = File.ReadAllText(Path.Combine(dir.Path, "d.svg"));
        foreach (var text in new[] { ">Card terminal<", ">Leaves the hotel<", ">Removed (ghost)<", ">Added arrow<", ">Removed arrow<", ">Changed<", ">~<", ">+<" })
            Assert.Contains(text, svg);
        var plain = CliRun.Run(dir.Path, null, "render", "new.blueprint.yaml", "-o", "p.svg");
        Assert.Equal(0, plain.ExitCode);
        Assert.DoesNotContain(">Card terminal<", File.ReadAllText(Path.Combine(dir.Path, "p.svg")));
    }

    [Fact]
    public void Png_and_pdf_are_drawn_and_the_pdf_text_has_the_ghosts()
    {
        using var dir = Pair();
        foreach (var (name, theme) in new[] { ("d.png", "print"), ("d.pdf", "light") })
        {
            var run = CliRun.Run(dir.Path, null, "render", "new.blueprint.yaml", "--diff", "old.blueprint.yaml", "-o", name, "--theme", theme);
            Assert.Equal(0, run.ExitCode);
        }
        var png = File.ReadAllBytes(Path.Combine(dir.Path, "d.png"));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        string text = PdfText.Extract(Path.Combine(dir.Path, "d.pdf"));
        Assert.Contains("Leaves the hotel", text, StringComparison.Ordinal);
        Assert.Contains("Removed (ghost)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Old_from_standard_input()
    {
        using var dir = Pair();
        var run = CliRun.Run(dir.Path, File.ReadAllText(Path.Combine(dir.Path, "old.blueprint.yaml")), "render", "new.blueprint.yaml", "--diff", "-", "-o", "d.svg");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains(">Leaves the hotel<", File.ReadAllText(Path.Combine(dir.Path, "d.svg")));
    }

    [Theory]
    [InlineData(new[] { "render", "new.blueprint.yaml", "old.blueprint.yaml", "--diff", "old.blueprint.yaml", "-o", "out" }, 2, "blueprint: --diff OLD draws the changes of one blueprint, but 2 inputs were given; render them one at a time")]
    [InlineData(new[] { "render", "new.blueprint.yaml", "--diff", "gone.blueprint.yaml", "-o", "d.svg" }, 2, "blueprint: cannot read 'gone.blueprint.yaml': no such file")]
    [InlineData(new[] { "render", "new.blueprint.yaml", "--diff", "broken.blueprint.yaml", "-o", "d.svg" }, 1, "blueprint: cannot compare 'broken.blueprint.yaml': fix the errors above")]
    public void Diff_that_cannot_be_drawn_is_refused_and_nothing_is_written(string[] args, int exit, string lastLine)
    {
        using var dir = Pair();
        dir.Write("broken.blueprint.yaml", Samples.Broken);
        var run = CliRun.Run(dir.Path, null, args);
        Assert.Equal((exit, lastLine), (run.ExitCode, run.ErrorLines[^1]));
        Assert.False(File.Exists(Path.Combine(dir.Path, "d.svg")));
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "out")));
    }
}
