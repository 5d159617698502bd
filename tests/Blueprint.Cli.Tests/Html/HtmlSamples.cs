namespace Blueprint.Cli.Tests.Html;

/// <summary>Blueprints whose arrows make the trace of the interactive page easy to state exactly.</summary>
internal static class HtmlSamples
{
    /// <summary>
    /// A chain of three arrows (order → take → brew → serve), a branch off it (take → bill) and an arrow apart from it
    /// (drink → napkin); no journey line, so these are all the arrows.
    /// </summary>
    public const string Chain = """
        blueprint: Coffee to go
        goal: Serve in two minutes
        scenario: A guest orders a coffee and drinks it.
        journey: false
        scenes:
          - scene: Counter
            steps:
              - step: Ordering
                duration: 1m
                customer: { id: order, text: Orders a flat white, to: [take] }
              - step: Taking
                metrics: Orders a minute
                policy: Greet within 10 seconds
                frontstage: { id: take, text: Takes the order, owner: Barista, fail: The order is misheard, to: [brew, bill] }
                backstage: { id: bill, text: Bills the card }
              - step: Brewing
                backstage: { id: brew, text: Brews the coffee, to: [serve] }
              - step: Serving
                frontstage: { id: serve, text: Serves the cup }
                customer: { id: drink, text: Drinks it, to: [napkin] }
                evidence: { id: napkin, text: A paper napkin }
        """;

    /// <summary>A loop back (c → a, marked) closing a cycle a → b → c, and the journey line joining the customer cards.</summary>
    public const string Cycle = """
        blueprint: Retry
        goal: Pay first time
        scenario: A guest pays, and tries again when it fails.
        scenes:
          - scene: Pay
            steps:
              - step: Choose
                customer: { id: a, text: Chooses to pay, to: [b] }
              - step: Pay
                frontstage: { id: b, text: Runs the card, to: [c] }
              - step: Fail
                backstage: { id: c, text: Declines, to: [{ ref: a, loop: true }] }
              - step: Leave
                customer: { id: d, text: Leaves }
        """;
}
