namespace Blueprint.Cli.Tests;

/// <summary>The small blueprints the command-line tests read, one copy each.</summary>
internal static class Samples
{
    /// <summary>Lints clean: two lanes, one step.</summary>
    public const string Good = """
        blueprint: Good
        goal: A goal
        scenario: A scenario
        lanes: [customer, frontstage]
        scenes:
          - scene: Visit
            steps:
              - step: Arrive
                customer: Walks in
                frontstage: Greets
        """;

    /// <summary>As <see cref="Good"/> with every lane shown: no errors, the missing-layer warnings.</summary>
    public const string GoodWithEveryLane = """
        blueprint: Good
        goal: A goal
        scenario: A scenario
        scenes:
          - scene: Visit
            steps:
              - step: Arrive
                customer: Walks in
                frontstage: Greets
        """;

    /// <summary>One error: the misspelt step key `durration` at 9:9.</summary>
    public const string Broken = """
        blueprint: Broken
        goal: A goal
        scenario: A scenario
        lanes: [customer, frontstage]
        scenes:
          - scene: Visit
            steps:
              - step: Arrive
                durration: 2m
                customer: Walks in
                frontstage: Greets
        """;
}
