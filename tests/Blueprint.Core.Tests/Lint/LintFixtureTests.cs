using System.Text.RegularExpressions;
using Blueprint.Core.Analysis;
using Blueprint.Core.Diagnostics;
using Blueprint.Core.Model;
using Blueprint.Core.Reading;

namespace Blueprint.Core.Tests.Lint;

/// <summary>
/// The lint fixtures: every <c># expect: ID</c> marker must be matched by a finding on its line, and every finding
/// must be marked (see tests/Fixtures/lint/README.md).
/// </summary>
public sealed partial class LintFixtureTests
{
    /// <summary>Stands in for the layout's measurement in fixtures: longer than 120 characters is cut.</summary>
    public static readonly Func<Card, bool> FakeIsTextCut = card => card.Text.Length > 120;

    [GeneratedRegex(@"#\s*expect:\s*(?<ids>BP\d{3}(?:[\s,]+BP\d{3})*)\s*$")]
    private static partial Regex Marker();

    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(LintTestPaths.LintFixtures, "*.blueprint.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(LintTestPaths.Relative(file));
        return data;
    }

    public static IReadOnlyList<Diagnostic> Lint(string relativePath)
    {
        string text = File.ReadAllText(Path.Combine(LintTestPaths.Root, relativePath));
        var read = BlueprintReader.ReadText(relativePath, text);
        return Analyzer.Analyze(read, new AnalysisOptions(IsTextCut: FakeIsTextCut));
    }

    public static List<(int Line, string Id)> Markers(string text)
    {
        var markers = new List<(int, string)>();
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var m = Marker().Match(lines[i].TrimEnd('\r'));
            if (!m.Success) continue;
            foreach (var id in m.Groups["ids"].Value.Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries))
                markers.Add((i + 1, id));
        }
        return markers;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Findings_match_the_expect_markers(string fixture)
    {
        string text = File.ReadAllText(Path.Combine(LintTestPaths.Root, fixture));
        var expected = Markers(text).Select(m => $"{m.Line}: {m.Id}").Order(StringComparer.Ordinal).ToList();
        var findings = Lint(fixture);
        var actual = findings.Select(d => $"{d.Location.Line}: {d.Id}").Order(StringComparer.Ordinal).ToList();
        Assert.True(expected.SequenceEqual(actual),
            $"{fixture}\nexpected (markers):\n  {string.Join("\n  ", expected)}\nactual findings:\n  {string.Join("\n  ", findings)}");
    }

    [Fact]
    public void Every_lint_check_has_a_fixture_where_it_fires_and_one_where_it_does_not()
    {
        foreach (var rule in Descriptors.All.Where(d => d.IsConfigurable))
        {
            string folder = Path.Combine(LintTestPaths.LintFixtures, $"{rule.Id}-{rule.Name}");
            Assert.True(Directory.Exists(folder), $"missing fixture folder {LintTestPaths.Relative(folder)}");
            var files = Directory.GetFiles(folder, "*.blueprint.yaml");
            var fires = files.Where(f => Path.GetFileName(f).StartsWith("fires", StringComparison.Ordinal)).ToList();
            var clean = files.Where(f => Path.GetFileName(f).StartsWith("clean", StringComparison.Ordinal)).ToList();
            Assert.True(fires.Count > 0, $"{rule.Id}: no fires*.blueprint.yaml");
            Assert.True(clean.Count > 0, $"{rule.Id}: no clean*.blueprint.yaml");
            foreach (var f in fires)
                Assert.Contains(Markers(File.ReadAllText(f)), m => m.Id == rule.Id);
            foreach (var f in clean)
                Assert.DoesNotContain(Markers(File.ReadAllText(f)), m => m.Id == rule.Id);
        }
    }

    [Fact]
    public void The_real_world_fixtures_and_the_examples_have_no_findings()
    {
        var files = Directory.GetFiles(Path.Combine(LintTestPaths.LintFixtures, "clean"), "*.blueprint.yaml")
            .Concat(Directory.GetFiles(LintTestPaths.Examples, "*.blueprint.y*ml"))
            .Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            string relative = LintTestPaths.Relative(file);
            var findings = Lint(relative);
            Assert.True(findings.Count == 0, $"{relative}:\n  {string.Join("\n  ", findings)}");
        }
    }

    [Fact]
    public void Markers_are_read_from_trailing_comments()
    {
        var markers = Markers("a: b  # expect: BP101, BP107\nc: d\n  - e  # expect: BP109\nf: g # expects nothing\n");
        Assert.Equal([(1, "BP101"), (1, "BP107"), (3, "BP109")], markers);
    }
}
