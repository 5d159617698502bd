using System.Text.RegularExpressions;
using Blueprint.Core.Analysis;
using Blueprint.Core.Reading;
using Blueprint.Core.Stats;

namespace Blueprint.Core.Tests.Markdown;

/// <summary>The Markdown examples in docs/markdown-format.md read without errors.</summary>
public partial class DocExampleTests
{
    [GeneratedRegex("```markdown\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex MarkdownBlock();

    [Fact]
    public void The_documented_examples_read_cleanly()
    {
        string doc = TestFiles.Read(Path.Combine(TestFiles.Root, "docs", "markdown-format.md"));
        var blocks = MarkdownBlock().Matches(doc).Select(m => m.Groups[1].Value).ToList();
        Assert.True(blocks.Count >= 3);
        foreach (var block in blocks)
        {
            // Fragments (a card, a table scene) are read inside a minimal blueprint.
            string text = block.StartsWith("---", StringComparison.Ordinal) ? block
                : block.StartsWith("##", StringComparison.Ordinal) ? "# T\n\n" + block
                : "# T\n\n## S\n\n### A\n\n" + block;
            var read = MarkdownReader.Read("doc.blueprint.md", text);
            var errors = Analyzer.Analyze(read).Where(d => d.Severity == Blueprint.Core.Diagnostics.Severity.Error
                && d.Id != "BP005").ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors) + "\n" + text);
        }
    }

    [Fact]
    public void The_documented_stats_of_the_restaurant_are_what_stats_prints()
    {
        string doc = TestFiles.Read(Path.Combine(TestFiles.Root, "docs", "markdown-format.md"));
        const string file = "examples/restaurant.blueprint.yaml";
        var read = BlueprintReader.ReadText(file, TestFiles.Read(Path.Combine(TestFiles.Root, file)));
        string printed = StatsReport.Text([BlueprintStats.Compute(file, read.Document!)]).Replace("\r\n", "\n", StringComparison.Ordinal);
        var documented = Regex.Match(doc, "```\n(" + Regex.Escape(file) + ":.*?)```", RegexOptions.Singleline);
        Assert.True(documented.Success, "docs/markdown-format.md shows no `stats` output of the restaurant");
        Assert.Equal(printed.TrimEnd(), documented.Groups[1].Value.TrimEnd());
    }
}
