using System.Text.RegularExpressions;
using Blueprint.Core.Analysis;
using Blueprint.Core.Diagnostics;
using Blueprint.Core.Reading;

namespace Blueprint.Core.Tests.Lint;

/// <summary>docs/rules/ and the descriptors stay in step, and each page's examples do what the page says.</summary>
public sealed partial class RuleDocsTests
{
    private static readonly IReadOnlyList<DiagnosticDescriptor> Documented = [Descriptors.InternalError, .. Descriptors.All];

    private static readonly string[] Sections =
        ["## What it checks", "## Why it matters", "## Failing example", "## Passing example", "## How to fix", "## Turning it off"];

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var d in Documented) data.Add(d.Id);
        return data;
    }

    private static string Page(string id) => File.ReadAllText(Path.Combine(LintTestPaths.RuleDocs, id + ".md")).Replace("\r\n", "\n");

    [Fact]
    public void Every_descriptor_has_a_page_and_every_page_a_descriptor()
    {
        var pages = Directory.GetFiles(LintTestPaths.RuleDocs, "*.md").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);
        Assert.Equal(Documented.Select(d => d.Id).Order(StringComparer.Ordinal), pages);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_page_heading_and_severity_match_the_descriptor(string id)
    {
        var descriptor = Documented.Single(d => d.Id == id);
        var lines = Page(id).Split('\n');
        Assert.Equal($"# {descriptor.Id} {descriptor.Name}", lines[0]);
        string configurable = descriptor.IsConfigurable ? "yes" : "no";
        Assert.Equal($"**Severity:** {descriptor.DefaultSeverity.ToName()} · **Configurable:** {configurable}", lines[2]);
        int at = 0;
        foreach (var section in Sections)
        {
            int found = Array.IndexOf(lines, section, at);
            Assert.True(found > at, $"{id}.md: missing or misplaced section `{section}`");
            at = found;
        }
        if (descriptor.IsConfigurable)
        {
            string page = Page(id);
            Assert.Contains($"lint: {{ disable: [{id}] }}", page);
            Assert.Contains($"  {id}: off", page);
        }
    }

    [GeneratedRegex(@"```yaml\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();

    private static string? Example(string page, string section)
    {
        int start = page.IndexOf("\n" + section + "\n", StringComparison.Ordinal);
        if (start < 0) return null;
        int end = page.IndexOf("\n## ", start + section.Length + 2, StringComparison.Ordinal);
        string body = end < 0 ? page[start..] : page[start..end];
        var m = YamlBlock().Match(body);
        return m.Success ? m.Groups["body"].Value : null;
    }

    private static IReadOnlyList<Diagnostic> Lint(string id, string yaml) =>
        Analyzer.Analyze(YamlReader.Read($"{id}.md", yaml), new AnalysisOptions(IsTextCut: LintFixtureTests.FakeIsTextCut));

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_failing_example_fails_and_the_passing_example_passes(string id)
    {
        if (id == Descriptors.InternalError.Id) return; // no blueprint should cause it
        string page = Page(id);
        string failing = Example(page, "## Failing example") ?? throw new Xunit.Sdk.XunitException($"{id}.md: no ```yaml block under Failing example");
        string passing = Example(page, "## Passing example") ?? throw new Xunit.Sdk.XunitException($"{id}.md: no ```yaml block under Passing example");

        var bad = Lint(id, failing);
        Assert.True(bad.Any(d => d.Id == id), $"{id}.md failing example does not report {id}:\n  {string.Join("\n  ", bad)}");

        var good = Lint(id, passing);
        Assert.True(good.All(d => d.Id != id && d.Severity != Severity.Error),
            $"{id}.md passing example reports {id} or an error:\n  {string.Join("\n  ", good)}");
    }
}
