using System.Diagnostics;
using Blueprint.Tests;

namespace Blueprint.Cli.Tests;

/// <summary>
/// The command on machines with other fonts than ours, or none: run as a process of its own with a fontconfig
/// configuration that lists only a folder of the test's choosing (fontconfig is read once a process).
/// </summary>
public class FontAvailabilityTests
{
    private static (int ExitCode, string Output) Run(TempFolder dir, string fonts, params string[] arguments)
    {
        string config = dir.Write("fonts.conf",
            $"<?xml version=\"1.0\"?>\n<fontconfig><dir>{fonts}</dir><cachedir>{Path.Combine(dir.Path, "cache")}</cachedir></fontconfig>\n");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = dir.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "blueprint.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["FONTCONFIG_FILE"] = config;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "blueprint did not finish in a minute");
        return (process.ExitCode, output + error.Result);
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
    public void Without_the_default_family_a_render_warns_and_draws_with_an_installed_one()
    {
        using var dir = new TempFolder();
        var run = Run(dir, OnlyMonospace(dir), "render", Repo.PathOf("examples", "coffee-shop.blueprint.yaml"), "-o", "out.png");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("warning: the font family 'DejaVu Sans' is not installed; drawing with 'DejaVu Sans Mono' instead", run.Output, StringComparison.Ordinal);
        Assert.True(new FileInfo(Path.Combine(dir.Path, "out.png")).Length > 10_000);
    }

    [Fact]
    public void Without_any_font_a_render_says_what_to_install_and_writes_nothing()
    {
        using var dir = new TempFolder();
        var run = Run(dir, Path.Combine(dir.Path, "no-fonts"), "render", Repo.PathOf("examples", "coffee-shop.blueprint.yaml"), "-o", "out.png");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("blueprint: no installed font can be read; install one (Debian: fonts-dejavu-core)", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("internal", run.Output, StringComparison.OrdinalIgnoreCase);
        Assert.False(File.Exists(Path.Combine(dir.Path, "out.png")));
    }

    [Fact]
    public void Without_any_font_lint_runs_every_other_check_and_says_the_long_text_check_was_skipped()
    {
        using var dir = new TempFolder();
        string file = dir.Write("long.blueprint.yaml", """
            blueprint: Long cards
            scenes:
              - scene: One
                steps:
                  - step: Only
                    customer: A card text long enough that the long-text check has to measure it before it can say it fits
                    frontsage: misspelt lane
            """);
        var run = Run(dir, Path.Combine(dir.Path, "no-fonts"), "lint", file);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("BP002 unknown-key", run.Output, StringComparison.Ordinal);
        Assert.Contains("warning: the long-text check (BP110) was skipped: no installed font can be read", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("BP000", run.Output, StringComparison.Ordinal);
    }
}
