using Blueprint.Core.Model;

namespace Blueprint.Core.Stats;

/// <summary>A channel of the service and the steps (ids, in journey order) whose touchpoint card names it.</summary>
public sealed record Touchpoint(string Text, IReadOnlyList<string> StepIds);

/// <summary>
/// The figures <c>blueprint stats</c> reports for one blueprint (SPEC section 5). Fail, wait and pain points count both
/// step-level and card-level marks. A step is customer-visible when it has a customer card; its duration then counts
/// towards <see cref="CustomerVisibleDurationSeconds"/>.
/// </summary>
public sealed record BlueprintStats(
    string File,
    string Title,
    int Scenes,
    int Steps,
    IReadOnlyList<KeyValuePair<string, int>> Cards,
    int Arrows,
    int FailPoints,
    int WaitPoints,
    int PainPoints,
    long DurationSeconds,
    long CustomerVisibleDurationSeconds,
    int StepsWithoutDuration,
    IReadOnlyList<Touchpoint> Touchpoints)
{
    public int TotalCards => Cards.Sum(c => c.Value);

    public static BlueprintStats Compute(string file, BlueprintDocument doc)
    {
        var steps = doc.Steps.ToList();
        var cards = steps.SelectMany(s => s.Cards).ToList();

        // Every lane the diagram shows (zero included), then any lane that has cards without being shown.
        var perLane = doc.Lanes.Select(l => l.Id).Concat(cards.Select(c => c.LaneId)).Distinct()
            .Select(id => new KeyValuePair<string, int>(id, cards.Count(c => c.LaneId == id)))
            .ToList();

        var touchpoints = new List<(string Text, List<string> Steps)>();
        foreach (var step in steps)
        {
            foreach (var card in step.CardsIn(Lane.Touchpoint))
            {
                int i = touchpoints.FindIndex(t => t.Text == card.Text);
                if (i < 0) touchpoints.Add((card.Text, [step.Id]));
                else if (!touchpoints[i].Steps.Contains(step.Id)) touchpoints[i].Steps.Add(step.Id);
            }
        }

        static long Seconds(Step s) => s.Duration is { } d ? (long)d.TotalSeconds : 0;
        return new BlueprintStats(
            File: file,
            Title: doc.Title,
            Scenes: doc.Scenes.Count,
            Steps: steps.Count,
            Cards: perLane,
            Arrows: cards.Sum(c => c.Arrows.Count),
            FailPoints: steps.Count(s => s.Fail is not null) + cards.Count(c => c.Fail is not null),
            WaitPoints: steps.Count(s => s.Wait is not null) + cards.Count(c => c.Wait is not null),
            PainPoints: steps.Count(s => s.Pain is not null) + cards.Count(c => c.Pain is not null),
            DurationSeconds: steps.Sum(Seconds),
            CustomerVisibleDurationSeconds: steps.Where(s => s.CardsIn(Lane.Customer).Any()).Sum(Seconds),
            StepsWithoutDuration: steps.Count(s => s.Duration is null),
            Touchpoints: touchpoints.Select(t => new Touchpoint(t.Text, t.Steps)).ToList());
    }
}
