using Blueprint.Core.Analysis;
using Blueprint.Core.Model;
using Blueprint.Core.Reading;

namespace Blueprint.Core.Tests.Markdown;

/// <summary>Every Markdown fixture against its goldens: the findings annotated under the source lines, and the model JSON.</summary>
public class MarkdownFixtureTests
{
    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.EnumerateFiles(TestFiles.MarkdownFixtures, "*.blueprint.md").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Findings_match_the_golden(string name)
    {
        string path = Path.Combine(TestFiles.MarkdownFixtures, name);
        string source = TestFiles.Read(path);
        string file = TestFiles.Relative(path);
        var read = MarkdownReader.Read(file, source);
        var findings = Analyzer.Analyze(read);
        string stem = name[..^".blueprint.md".Length];
        TestFiles.Golden(Path.Combine(TestFiles.MarkdownFixtures, stem + ".findings.txt"), TestFiles.Annotate(source, findings));
        if (read.Document is not null)
            TestFiles.Golden(Path.Combine(TestFiles.MarkdownFixtures, stem + ".model.json"), ModelJson.Write(read.Document));
    }
}
