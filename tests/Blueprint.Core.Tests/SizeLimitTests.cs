using System.Text;
using Blueprint.Core.Analysis;
using Blueprint.Core.Diagnostics;
using Blueprint.Core.Reading;
using Blueprint.Tests;

namespace Blueprint.Core.Tests;

/// <summary>The input limits stop hostile files only: every honest blueprint up to the size limit is read; aliases are limited by what they add.</summary>
public sealed class SizeLimitTests
{
    private static readonly Lazy<string> TenThousandSteps = new(() => GeneratedYaml.Blueprint(10_000));

    [Fact]
    public void A_blueprint_of_ten_thousand_steps_reads_and_lints_without_errors()
    {
        string yaml = TenThousandSteps.Value;
        var bytes = Encoding.UTF8.GetBytes(yaml);
        Assert.InRange(bytes.Length, 8_000_000, Limits.MaxFileBytes);

        var read = BlueprintReader.Read("big.blueprint.yaml", bytes);
        var findings = Analyzer.Analyze(read);

        Assert.DoesNotContain(findings, d => d.Severity == Severity.Error);
        Assert.Equal(10_000, read.Document!.Steps.Count());
        Assert.Equal(60_000, read.Document.Steps.Sum(s => s.Cards.Count));
    }

    [Fact]
    public void A_large_file_that_only_YamlDotNet_reads_is_not_taken_for_an_alias_bomb()
    {
        // One anchor and alias send the whole file down YamlDotNet's path, whose guard once counted every value
        // (a value once per collection around it): a file of 5,000 steps was refused as an alias bomb.
        string yaml = GeneratedYaml.Blueprint(5_000).Replace("goal: Measure the renderer", "goal: &goal Measure the renderer")
            .Replace("scenario: A generated journey", "persona: *goal\nscenario: A generated journey");

        var read = BlueprintReader.ReadText("big.blueprint.yaml", yaml);

        Assert.DoesNotContain(read.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal("Measure the renderer", read.Document!.Persona);
        Assert.Equal(5_000, read.Document.Steps.Count());
    }

    /// <summary>An anchored list of 1,000 words is 1,001 values; each alias to it adds that many.</summary>
    private static string Aliases(int count) =>
        "words: &w [" + string.Join(", ", Enumerable.Repeat("x", 1000)) + "]\ncopies:\n" + string.Concat(Enumerable.Repeat("  - *w\n", count));

    [Fact]
    public void Aliases_may_add_up_to_the_limit()
    {
        Assert.True(999 * 1001 <= Limits.MaxAliasValues);
        Assert.DoesNotContain(YamlReader.Read("a.yaml", Aliases(999)).Diagnostics, d => d.Id == "BP001");
    }

    [Fact]
    public void Aliases_that_add_more_than_the_limit_are_an_alias_bomb()
    {
        var d = Assert.Single(YamlReader.Read("a.yaml", Aliases(1000)).Diagnostics);

        Assert.Equal("a.yaml:1002:5: error BP001 syntax: YAML aliases add more than 1,000,000 values to the file (an alias bomb?); use fewer aliases, or aliases of smaller values", d.ToString());
    }

    [Fact]
    public void A_billion_laughs_is_stopped_at_the_alias_that_passes_the_limit()
    {
        // Nine levels of ten aliases of the level above: 10^9 values once expanded, from under 400 bytes.
        var sb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'j'; c++)
            sb.Append(c).Append(": &").Append(c).Append(" [").Append(string.Join(", ", Enumerable.Repeat("*" + (char)(c - 1), 10))).Append("]\n");

        var d = Assert.Single(BlueprintReader.ReadText("bomb.blueprint.yaml", sb.ToString()).Diagnostics);

        Assert.Equal("BP001", d.Id);
        Assert.StartsWith("YAML aliases add more than 1,000,000 values", d.Message);
        Assert.Equal(6, d.Location.Line);
    }
}
