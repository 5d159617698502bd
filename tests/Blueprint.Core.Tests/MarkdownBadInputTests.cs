using System.Text;
using Blueprint.Core.Analysis;
using Blueprint.Core.Diagnostics;
using Blueprint.Core.Reading;

namespace Blueprint.Core.Tests;

/// <summary>Hostile or broken Markdown gives findings with check ids: never an exception, a hang or a crash.</summary>
public class MarkdownBadInputTests
{
    private static IReadOnlyList<Diagnostic> Lint(string text) =>
        Analyzer.Analyze(BlueprintReader.Read("bad.blueprint.md", Encoding.UTF8.GetBytes(text)));

    [Theory]
    [InlineData("> ", 20000)]
    [InlineData("- ", 20000)]
    [InlineData("* ", 5000)]
    [InlineData("[", 20000)]
    [InlineData("`", 20000)]
    public void Deep_or_long_nesting_is_a_finding(string piece, int count)
    {
        var findings = Lint("# T\n\n## S\n\n### A\n\n" + string.Concat(Enumerable.Repeat(piece, count)) + "x\n");
        Assert.NotEmpty(findings);
        Assert.All(findings, d => Assert.NotEqual("BP000", d.Id));
    }

    [Fact]
    public void Unclosed_front_matter_is_a_syntax_error()
    {
        Assert.Contains(Lint("---\ngoal: x\n# Title\n"), d => d.Id == "BP001");
    }

    [Fact]
    public void Empty_markdown_is_empty()
    {
        Assert.Contains(Lint(""), d => d.Id == "BP008");
    }

    [Fact]
    public void Many_random_markdown_strings_never_throw()
    {
        var random = new Random(7);
        string[] pieces = ["# ", "## ", "### ", "#### ", "\n", "- ", "  - ", "Customer: ", "Fail: ", "Duration: 2m", "[x](#a)", "-> ", "{#id}", "|", "| --- |", "---\n", "goal: g\n", "`", "*", "> ", "é", "\t", "<br>", "Emotion: 9"];
        for (int i = 0; i < 500; i++)
        {
            var sb = new StringBuilder();
            int n = random.Next(1, 60);
            for (int j = 0; j < n; j++) sb.Append(pieces[random.Next(pieces.Length)]);
            var findings = Lint(sb.ToString());
            Assert.All(findings, d => Assert.NotEqual("BP000", d.Id));
        }
    }
}
