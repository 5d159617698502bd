using Blueprint.Core.Model;
using Blueprint.Core.Reading;

namespace Blueprint.Layout.Tests;

internal static class TestFiles
{
    public static string RepoRoot => Blueprint.Tests.Repo.Root;

    public static string Fixtures => Path.Combine(RepoRoot, "tests", "Fixtures", "layout");
    public static string Examples => Path.Combine(RepoRoot, "examples");

    public static BlueprintDocument Read(string path) => Parse(Path.GetFileName(path), File.ReadAllText(path));

    public static BlueprintDocument Parse(string name, string yaml)
    {
        var result = BlueprintReader.ReadText(name, yaml);
        Assert.True(result.Document is not null && !result.HasErrors,
            $"{name} does not read cleanly:\n" + string.Join("\n", result.Diagnostics.Select(d => d.ToString())));
        return result.Document!;
    }

    /// <summary>Fixture and example files as theory data: (kind, file name).</summary>
    public static TheoryData<string> AllBlueprints()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Fixtures, "*.blueprint.yaml").OrderBy(f => f, StringComparer.Ordinal))
            data.Add("fixture:" + Path.GetFileName(f));
        foreach (var f in Directory.GetFiles(Examples, "*.blueprint.*").OrderBy(f => f, StringComparer.Ordinal))
            if (f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal))
                data.Add("example:" + Path.GetFileName(f));
        return data;
    }

    /// <summary>The file name without <c>.blueprint.yaml</c> or <c>.blueprint.md</c>.</summary>
    public static string NameOf(string key)
    {
        string file = Path.GetFileName(PathOf(key));
        return file[..file.IndexOf(".blueprint.", StringComparison.Ordinal)];
    }

    public static string PathOf(string key) => key.StartsWith("fixture:", StringComparison.Ordinal)
        ? Path.Combine(Fixtures, key["fixture:".Length..])
        : Path.Combine(Examples, key["example:".Length..]);

    public static DiagramLayout Lay(BlueprintDocument doc, Theme? theme = null) =>
        DiagramLayouter.Layout(doc, LayoutOptions.Default with { Theme = theme ?? Themes.Light }, new FakeMeasurer());

    public static DiagramLayout Lay(string key, Theme? theme = null) => Lay(Read(PathOf(key)), theme);
}
