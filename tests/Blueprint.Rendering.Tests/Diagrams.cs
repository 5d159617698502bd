using System.Collections.Concurrent;
using Blueprint.Core.Model;
using Blueprint.Core.Reading;
using Blueprint.Layout;
using Blueprint.Layout.Tests;
using Blueprint.Rendering.Text;
using Blueprint.Tests;

namespace Blueprint.Rendering.Tests;

/// <summary>Blueprints laid out once per test run (with the text engine, as the CLI does) and rendered to bytes.</summary>
internal static class Diagrams
{
    public static readonly TextEngine Measurer = TextEngine.Shared;

    private static readonly ConcurrentDictionary<(string, string), DiagramLayout> Layouts = new();

    private static readonly Lazy<DiagramLayout> Long = new(() =>
        DiagramLayouter.Layout(Generated.Blueprint(1000), LayoutOptions.Default, new FakeMeasurer()));

    public static IEnumerable<string> ExampleFiles =>
        Directory.GetFiles(Repo.PathOf("examples")).Where(BlueprintReader.IsBlueprintFile).Order(StringComparer.Ordinal);

    public static TheoryData<string> Examples => new(ExampleFiles.Select(Path.GetFileName)!);

    /// <summary>A generated 1,000-step blueprint (100 scenes) laid out with the fake measurer: wide, quick, and fine for geometry.</summary>
    public static DiagramLayout Generated1000 => Long.Value;

    public static BlueprintDocument Read(string path)
    {
        var read = BlueprintReader.Read(path, File.ReadAllBytes(path));
        Assert.DoesNotContain(read.Diagnostics, d => d.Severity == Core.Diagnostics.Severity.Error);
        return read.Document!;
    }

    public static BlueprintDocument ReadText(string yaml) => BlueprintReader.ReadText("test.blueprint.yaml", yaml).Document!;

    /// <summary>An example (by file name) or a fixture path, laid out in a theme.</summary>
    public static DiagramLayout Layout(string file, string theme = "light") =>
        Layouts.GetOrAdd((file, theme), key =>
        {
            string path = File.Exists(key.Item1) ? key.Item1 : Repo.PathOf("examples", key.Item1);
            return Layout(Read(path), key.Item2);
        });

    public static DiagramLayout Layout(BlueprintDocument document, string theme = "light") =>
        DiagramLayouter.Layout(document, LayoutOptions.Default with { Theme = Themes.ByName(theme)! }, Measurer);

    public static (byte[] Bytes, RenderResult Result) Render(DiagramLayout layout, OutputFormat format, double scale = 1, string? page = null)
    {
        using var stream = new MemoryStream();
        var options = new RenderOptions(format, scale, page is null ? null : PageSize.Find(page), "Test");
        var result = DiagramRenderer.Render(layout, options, stream);
        return (stream.ToArray(), result);
    }

    public static byte[] Bytes(DiagramLayout layout, OutputFormat format, double scale = 1, string? page = null) =>
        Render(layout, format, scale, page).Bytes;
}
