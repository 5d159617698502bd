using Blueprint.Core.Analysis;
using Blueprint.Core.Model;
using Blueprint.Core.Reading;
using Blueprint.Tests;

namespace Blueprint.Core.Tests;

/// <summary>The examples read without any finding, and their models match the goldens in tests/Fixtures/models/.</summary>
public class ExampleTests
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.EnumerateFiles(Repo.PathOf("examples")).Where(BlueprintReader.IsBlueprintFile).Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_lints_clean(string name)
    {
        var read = BlueprintReader.Read(name, File.ReadAllBytes(Repo.PathOf("examples", name)));
        var findings = Analyzer.Analyze(read);
        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_model_matches_golden(string name)
    {
        var read = BlueprintReader.Read(name, File.ReadAllBytes(Repo.PathOf("examples", name)));
        Assert.NotNull(read.Document);
        string stem = name[..name.IndexOf(".blueprint.", StringComparison.Ordinal)];
        string ext = Path.GetExtension(name).TrimStart('.');
        Golden.Verify(Repo.Fixtures("models", $"{stem}.{ext}.model.json"), ModelJson.Write(read.Document!));
    }

    [Fact]
    public void There_are_yaml_examples_of_a_restaurant_and_a_coffee_shop()
    {
        Assert.True(File.Exists(Repo.PathOf("examples", "restaurant.blueprint.yaml")));
        Assert.True(File.Exists(Repo.PathOf("examples", "coffee-shop.blueprint.yaml")));
    }
}
