using System.Diagnostics;
using System.Text.RegularExpressions;
using Blueprint.Tests;

namespace Blueprint.Cli.Tests;

/// <summary>
/// The command as users install it: the README's <c>dotnet publish</c> line (one native executable, Native AOT, with
/// SkiaSharp's and HarfBuzzSharp's native libraries beside it), run on a copy of the sources, gives a program that
/// lints and draws every format byte for byte as the code under test does in-process.
/// </summary>
[Collection(BuiltSourcesCollection.Name)]
public class PublishedCommandTests(BuiltSources built)
{
    [Fact]
    public async Task The_readme_publish_command_builds_a_program_that_draws_the_same_bytes()
    {
        var install = Regex.Match(File.ReadAllText(Repo.PathOf("README.md")), @"^dotnet publish src/Blueprint\.Cli (.*) -o \S+$", RegexOptions.Multiline);
        Assert.True(install.Success, "the README shows no `dotnet publish src/Blueprint.Cli ... -o ...` line");

        string source = built.Source;
        string app = built.Folder("app");

        var publish = Run("dotnet", source, ["publish", "src/Blueprint.Cli", .. install.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries), "-o", app, "--nologo"]);
        Assert.True(publish.ExitCode == 0, $"dotnet publish failed:\n{publish.Output}");
        string blueprint = Path.Combine(app, "blueprint");
        Assert.True(File.Exists(blueprint), "no `blueprint` executable was published");
        Assert.False(File.Exists(Path.Combine(app, "blueprint.dll")), "the published command should be one native executable, not a .NET assembly");
        // Skia (drawing) and HarfBuzz (shaping) are native libraries the executable loads from its own folder.
        foreach (var library in new[] { "libSkiaSharp.so", "libHarfBuzzSharp.so" })
            Assert.True(File.Exists(Path.Combine(app, library)), $"{library} was not published beside the executable");

        string work = built.Folder("published-work");
        SourceBuild.Copy(Repo.PathOf("examples"), Path.Combine(work, "examples"));
        var lint = Run(blueprint, work, ["lint", "examples"], new Dictionary<string, string> { ["LD_DEBUG"] = "libs" });
        Assert.True(lint.ExitCode == 0, lint.Output);
        Assert.Contains("libHarfBuzzSharp.so", lint.Output, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"libSkiaSharp|libfontconfig|libfreetype", lint.Output);
        foreach (var format in new[] { "png", "pdf", "svg", "html" })
        {
            // The dynamic loader lists every library it opens: Skia's, never Cairo's or Pango's.
            var native = Run(blueprint, work, ["render", "examples/restaurant.blueprint.yaml", "-o", $"native.{format}"], new Dictionary<string, string> { ["LD_DEBUG"] = "libs" });
            Assert.True(native.ExitCode == 0, native.Output);
            Assert.Contains("libHarfBuzzSharp.so", native.Output, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"libcairo|libpango", native.Output);
            // In the bundled family, only the PNG needs Skia (and with it fontconfig and FreeType): the PDF writer, the
            // SVG writer and the text engine read the font through HarfBuzz alone.
            if (format == "png") Assert.Contains("libSkiaSharp.so", native.Output, StringComparison.Ordinal);
            else Assert.DoesNotMatch(@"libSkiaSharp|libfontconfig|libfreetype", native.Output);
            var inProcess = CliRun.Run(work, null, "render", "examples/restaurant.blueprint.yaml", "-o", $"managed.{format}");
            Assert.Equal(0, inProcess.ExitCode);
            Assert.True(File.ReadAllBytes(Path.Combine(work, $"native.{format}")).SequenceEqual(File.ReadAllBytes(Path.Combine(work, $"managed.{format}"))),
                $"the published command draws a different {format} than the code under test");
        }

        // serve: Kestrel is compiled into the native executable too; it answers, and Ctrl+C ends it with exit 0.
        var start = new ProcessStartInfo(blueprint) { WorkingDirectory = work, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "serve", "examples/restaurant.blueprint.yaml", "--no-open" }) start.ArgumentList.Add(argument);
        using var serve = Process.Start(start)!;
        var errors = serve.StandardError.ReadToEndAsync();
        try
        {
            string? line = await serve.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
            Assert.Matches(@"^serving http://127\.0\.0\.1:\d+/$", line);
            using var http = new HttpClient();
            string page = await http.GetStringAsync(line!["serving ".Length..]);
            Assert.Contains("<g class=\"bp-card\" data-id=\"book-table\"", page, StringComparison.Ordinal);
            using (var interrupt = Process.Start("kill", ["-INT", serve.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) interrupt.WaitForExit();
            Assert.True(serve.WaitForExit(TimeSpan.FromSeconds(10)), "the published serve did not stop on Ctrl+C");
            Assert.True(serve.ExitCode == 0, await errors);
        }
        finally
        {
            if (!serve.HasExited) serve.Kill(entireProcessTree: true);
        }
    }

    private static (int ExitCode, string Output) Run(string program, string directory, string[] arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        SourceBuild.Run(program, directory, arguments, environment);
}
