using Blueprint.Core.Reading;
using Blueprint.Core.Stats;
using Blueprint.Core.Tests.Markdown;

namespace Blueprint.Core.Tests.Stats;

public class BlueprintStatsTests
{
    private static List<BlueprintStats> ExampleStats() =>
        Directory.EnumerateFiles(TestFiles.Examples).Where(BlueprintReader.IsBlueprintFile).Order(StringComparer.Ordinal)
            .Select(f =>
            {
                string file = TestFiles.Relative(f);
                var read = BlueprintReader.ReadText(file, TestFiles.Read(f));
                Assert.False(read.HasErrors, string.Join("\n", read.Diagnostics));
                return BlueprintStats.Compute(file, read.Document!);
            })
            .ToList();

    [Theory]
    [InlineData(StatsFormat.Text, "examples.txt")]
    [InlineData(StatsFormat.Json, "examples.json")]
    [InlineData(StatsFormat.Markdown, "examples.md")]
    public void Stats_of_the_examples_match_the_golden(StatsFormat format, string golden) =>
        TestFiles.Golden(Path.Combine(TestFiles.Fixtures, "stats", golden), StatsReport.Write(ExampleStats(), format));

    [Fact]
    public void Counts_step_and_card_marks_durations_and_touchpoints()
    {
        const string text = """
            # T

            ## S

            ### One

            - Duration: 1h
            - Customer: Walks in
            - Touchpoint: Door
            - Backstage: Checks -> [two](#two)
              - Fail: Late
              - Owner: Host
            - Wait: Queue

            ### Two

            - Duration: 10m
            - Touchpoint: Door
            - Touchpoint: Screen
            - Support: System
              - Pain: Slow
            - Pain: Cold
            - Fail: Broken
            """;
        var read = MarkdownReader.Read("t.blueprint.md", text);
        var s = BlueprintStats.Compute("t.blueprint.md", read.Document!);
        Assert.Equal((1, 2, 6, 1), (s.Scenes, s.Steps, s.TotalCards, s.Arrows));
        Assert.Equal((2, 1, 2), (s.FailPoints, s.WaitPoints, s.PainPoints));
        Assert.Equal((4200L, 3600L, 0), (s.DurationSeconds, s.CustomerVisibleDurationSeconds, s.StepsWithoutDuration));
        Assert.Equal([("Door", "one,two"), ("Screen", "two")], s.Touchpoints.Select(t => (t.Text, string.Join(",", t.StepIds))));
        Assert.Equal(["evidence", "customer", "touchpoint", "frontstage", "backstage", "support"], s.Cards.Select(c => c.Key));
        Assert.Equal([0, 1, 3, 0, 1, 1], s.Cards.Select(c => c.Value));
    }

    [Fact]
    public void Json_has_the_documented_keys()
    {
        string json = StatsReport.Json(ExampleStats());
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var first = doc.RootElement.EnumerateArray().First();
        string[] keys = ["file", "title", "scenes", "steps", "cards", "arrows", "failPoints", "waitPoints", "painPoints",
            "durationSeconds", "customerVisibleDurationSeconds", "stepsWithoutDuration", "touchpoints"];
        Assert.Equal(keys, first.EnumerateObject().Select(p => p.Name));
        Assert.Equal(System.Text.Json.JsonValueKind.Object, first.GetProperty("cards").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Array, first.GetProperty("touchpoints").EnumerateObject().First().Value.ValueKind);
    }
}
