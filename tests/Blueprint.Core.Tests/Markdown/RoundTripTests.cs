using Blueprint.Core.Model;
using Blueprint.Core.Reading;
using Blueprint.Core.Writing;

namespace Blueprint.Core.Tests.Markdown;

/// <summary>
/// The same blueprint in YAML and in Markdown gives the same model, and converting there and back changes nothing:
/// for every example and every fixture that reads without errors.
/// </summary>
public class RoundTripTests
{
    private static IEnumerable<string> BlueprintFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(BlueprintReader.IsBlueprintFile).Order(StringComparer.Ordinal);

    public static TheoryData<string> ReadableFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in BlueprintFiles(TestFiles.Examples).Concat(BlueprintFiles(TestFiles.Fixtures)))
        {
            var read = BlueprintReader.ReadText(f, TestFiles.Read(f));
            if (read.Document is not null && !read.HasErrors) data.Add(TestFiles.Relative(f));
        }
        return data;
    }

    public static TheoryData<string> HandWrittenMarkdownOfYamlExamples()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.EnumerateFiles(Path.Combine(TestFiles.MarkdownFixtures, "examples"), "*.blueprint.md").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(f));
        return data;
    }

    private static BlueprintDocument ReadClean(string file, string text)
    {
        var read = BlueprintReader.ReadText(file, text);
        Assert.True(read.Document is not null && !read.HasErrors,
            $"{file} does not read cleanly:\n{string.Join("\n", read.Diagnostics)}\n--- text ---\n{text}");
        return read.Document!;
    }

    [Fact]
    public void There_are_examples_in_both_formats()
    {
        var names = BlueprintFiles(TestFiles.Examples).Select(Path.GetFileName).ToList();
        Assert.Contains("clinic-visit.blueprint.md", names);
        Assert.Contains("parcel-return.blueprint.md", names);
        Assert.Contains(names, n => n!.EndsWith(".yaml", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(HandWrittenMarkdownOfYamlExamples))]
    public void A_yaml_example_written_by_hand_in_markdown_gives_the_same_model(string name)
    {
        string markdownPath = Path.Combine(TestFiles.MarkdownFixtures, "examples", name);
        string yamlPath = Path.Combine(TestFiles.Examples, name.Replace(".blueprint.md", ".blueprint.yaml", StringComparison.Ordinal));
        var fromYaml = ReadClean(yamlPath, TestFiles.Read(yamlPath));
        var fromMarkdown = ReadClean(markdownPath, TestFiles.Read(markdownPath));
        Assert.Equal(ModelJson.Write(fromYaml), ModelJson.Write(fromMarkdown));
    }

    [Theory]
    [MemberData(nameof(ReadableFiles))]
    public void Writing_markdown_and_reading_it_back_keeps_the_model(string relative)
    {
        var original = ReadClean(relative, TestFiles.Read(Path.Combine(TestFiles.Root, relative)));
        string markdown = MarkdownWriter.Write(original);
        var back = ReadClean("converted.blueprint.md", markdown);
        Assert.Equal(ModelJson.Write(original), ModelJson.Write(back));
        Assert.Equal(markdown, MarkdownWriter.Write(back));
    }

    [Theory]
    [MemberData(nameof(ReadableFiles))]
    public void Writing_yaml_and_reading_it_back_keeps_the_model(string relative)
    {
        var original = ReadClean(relative, TestFiles.Read(Path.Combine(TestFiles.Root, relative)));
        string yaml = YamlWriter.Write(original);
        var back = ReadClean("converted.blueprint.yaml", yaml);
        Assert.Equal(ModelJson.Write(original), ModelJson.Write(back));
        Assert.Equal(yaml, YamlWriter.Write(back));
    }

    [Theory]
    [MemberData(nameof(ReadableFiles))]
    public void Converting_there_and_back_keeps_the_model(string relative)
    {
        string text = TestFiles.Read(Path.Combine(TestFiles.Root, relative));
        var original = ReadClean(relative, text);
        var format = BlueprintReader.FormatOf(relative);
        var other = format == SourceFormat.Markdown ? SourceFormat.Yaml : SourceFormat.Markdown;

        var there = BlueprintConverter.Convert(relative, text, other);
        Assert.NotNull(there.Text);
        string thereName = other == SourceFormat.Markdown ? "there.blueprint.md" : "there.blueprint.yaml";
        var back = BlueprintConverter.Convert(thereName, there.Text!, format);
        Assert.NotNull(back.Text);
        string backName = format == SourceFormat.Markdown ? "back.blueprint.md" : "back.blueprint.yaml";
        Assert.Equal(ModelJson.Write(original), ModelJson.Write(ReadClean(backName, back.Text!)));
    }

    [Fact]
    public void Convert_refuses_input_with_errors()
    {
        var result = BlueprintConverter.Convert("bad.blueprint.md", "# Title\n\n## Scene\n\n### Step\n\n- Custmer: typo\n", SourceFormat.Yaml);
        Assert.Null(result.Text);
        Assert.Contains(result.Diagnostics, d => d.Id == "BP002");
    }

    [Fact]
    public void The_yaml_writer_writes_in_the_style_of_the_examples()
    {
        string path = Path.Combine(TestFiles.Examples, "restaurant.blueprint.yaml");
        string yaml = YamlWriter.Write(ReadClean(path, TestFiles.Read(path)));
        Assert.Contains("blueprint: Dinner at a restaurant\n", yaml);
        Assert.Contains("version: \"1.2\"\n", yaml);
        Assert.Contains("tags: [hospitality, dining]\n", yaml);
        Assert.Contains("updated: 2026-11-20\n", yaml);
        Assert.Contains("        customer: Gives their name to the host\n", yaml);
        Assert.Contains("          to: [{ ref: assign-waiter, label: table number }]\n", yaml);
        Assert.Contains("        metrics: [Time from order to first dish]\n", yaml);
    }
}
