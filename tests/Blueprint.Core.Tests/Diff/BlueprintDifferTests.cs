using Blueprint.Core.Diff;
using Blueprint.Core.Model;
using Blueprint.Core.Reading;
using Blueprint.Core.Tests.Markdown;
using Blueprint.Core.Writing;

namespace Blueprint.Core.Tests.Diff;

/// <summary>The semantic diff as a pure function: matching by id, then by similarity; moves; what a converted file shows.</summary>
public sealed class BlueprintDifferTests
{
    private static BlueprintDocument Yaml(string text)
    {
        var read = BlueprintReader.ReadText("t.blueprint.yaml", text);
        Assert.False(read.HasErrors, string.Join("\n", read.Diagnostics));
        return read.Document!;
    }

    private static string Lines(BlueprintDiff diff) => string.Join("\n", diff.Changes.Select(c => $"{c.Kind} {c.Element} {c.Id} {c.Field}: {c.Before ?? "-"} > {c.After ?? "-"}"));

    private const string Two = """
        blueprint: T
        scenes:
          - scene: S
            steps:
              - step: Order at the counter
                customer: Orders a coffee
                frontstage: Barista takes the order
              - step: Pay
                customer: Pays by card
        """;

    [Fact]
    public void Every_example_converted_to_the_other_format_shows_no_change()
    {
        foreach (var file in Directory.EnumerateFiles(TestFiles.Examples).Where(BlueprintReader.IsBlueprintFile))
        {
            var read = BlueprintReader.ReadText(file, TestFiles.Read(file));
            var other = read.Format == SourceFormat.Yaml ? SourceFormat.Markdown : SourceFormat.Yaml;
            string converted = BlueprintConverter.Write(read.Document!, other);
            var back = BlueprintReader.ReadText(other == SourceFormat.Yaml ? "c.blueprint.yaml" : "c.blueprint.md", converted);
            var diff = BlueprintDiffer.Compare(read.Document, back.Document);
            Assert.True(!diff.HasChanges, $"{file}:\n{Lines(diff)}");
            Assert.Equal(diff.Before, diff.After);
        }
    }

    [Fact]
    public void A_step_renamed_past_recognition_with_other_cards_is_removed_and_added()
    {
        var after = Yaml(Two.Replace("- step: Pay\n        customer: Pays by card", "- step: Leave\n        customer: Walks out of the shop"));
        Assert.Equal("""
            Removed Step pay : Pay > -
            Removed Card pay.customer : Pays by card > -
            Added Step leave : - > Leave
            Added Card leave.customer : - > Walks out of the shop
            """.Replace("\r", ""), Lines(BlueprintDiffer.Compare(Yaml(Two), after)));
    }

    [Fact]
    public void A_step_renamed_with_its_cards_kept_is_renamed_and_its_cards_unchanged()
    {
        var after = Yaml(Two.Replace("step: Order at the counter", "step: Pick a drink"));
        Assert.Equal("Renamed Step pick-a-drink name: Order at the counter > Pick a drink", Lines(BlueprintDiffer.Compare(Yaml(Two), after)));
    }

    [Fact]
    public void Similar_names_are_a_rename_at_the_threshold_and_different_ones_are_not()
    {
        Assert.True(Similarity.Of("Check in", "Check in at the desk") >= Similarity.Threshold);
        Assert.True(Similarity.Of("Pay", "Leave") < Similarity.Threshold);
        Assert.Equal(1, Similarity.Of("Check  In", "check in"));
    }

    [Fact]
    public void A_card_keeps_its_identity_by_explicit_id_when_its_text_and_lane_change()
    {
        const string before = """
            blueprint: T
            scenes:
              - scene: S
                steps:
                  - step: A
                    customer: Asks
                    backstage: { id: k, text: Kitchen cooks }
                  - step: B
                    customer: Eats
            """;
        var after = Yaml(before.Replace("backstage: { id: k, text: Kitchen cooks }", "").Replace("customer: Eats", "customer: Eats\n        frontstage: { id: k, text: Chef serves }"));
        Assert.Equal("""
            Moved Card k step: a > b
            Moved Card k lane: backstage > frontstage
            Changed Card k text: Kitchen cooks > Chef serves
            """.Replace("\r", ""), Lines(BlueprintDiffer.Compare(Yaml(before), after)));
    }

    [Fact]
    public void An_added_card_before_another_in_its_cell_does_not_change_the_other()
    {
        var after = Yaml(Two.Replace("frontstage: Barista takes the order", "frontstage: [Barista greets, Barista takes the order]"));
        Assert.Equal("Added Card order-at-the-counter.frontstage : - > Barista greets", Lines(BlueprintDiffer.Compare(Yaml(Two), after)));
    }

    [Fact]
    public void Without_an_old_version_everything_is_added_and_the_totals_start_at_zero()
    {
        var diff = BlueprintDiffer.Compare(null, Yaml(Two));
        Assert.All(diff.Changes, c => Assert.Equal(ChangeKind.Added, c.Kind));
        Assert.Equal(6, diff.Changes.Count);
        Assert.Equal(DiffTotals.Zero, diff.Before);
        Assert.Equal(new DiffTotals(2, 3, 0, 0, 0), diff.After);
    }

    [Fact]
    public void A_long_scene_table_is_folded_in_details()
    {
        var steps = string.Join("\n", Enumerable.Range(1, 6).Select(i => $"      - step: Step {i}\n        customer: Does thing {i}"));
        var after = Yaml($"blueprint: T\nscenes:\n  - scene: S\n    steps:\n{steps}\n");
        string md = DiffReport.Markdown([new FileDiff("x.blueprint.yaml", BlueprintDiffer.Compare(null, after))]);
        Assert.Contains("<details><summary>Scene: S: 13 changes</summary>", md);
        Assert.Contains("\n</details>\n", md);
        string shortOne = DiffReport.Markdown([new FileDiff("x.blueprint.yaml", BlueprintDiffer.Compare(null, Yaml(Two)))]);
        Assert.DoesNotContain("<details>", shortOne);
        Assert.Contains("**Scene: S**", shortOne);
    }

    [Fact]
    public void Pipes_in_text_do_not_break_a_markdown_table()
    {
        var after = Yaml(Two.Replace("Pays by card", "Pays | tips"));
        string md = DiffReport.Markdown([new FileDiff("x.blueprint.yaml", BlueprintDiffer.Compare(Yaml(Two), after))]);
        Assert.Contains("| Pays by card | Pays \\| tips |", md);
    }
}
