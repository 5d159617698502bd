using System.Text.RegularExpressions;
using Blueprint.Core.Analysis;
using Blueprint.Core.Reading;

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
}
