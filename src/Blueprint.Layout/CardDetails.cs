using Blueprint.Core.Model;

namespace Blueprint.Layout;

/// <summary>
/// All a card holds, for the details panel of the interactive HTML page (SPEC section 8): the card's own keys, where it
/// is (lane, step, scene) and its step's duration, metrics and policy. <see cref="Id"/> is the card's name as
/// diagnostics print it, the same as its <c>data-id</c> in the SVG.
/// </summary>
public sealed record CardDetail(
    string Id, string Text, string LaneId, string Lane, string StepId, string Step, string Scene,
    string? Owner, string? Fail, string? Wait, string? Pain, string? Note, string? Url,
    string? Duration, IReadOnlyList<string> Metrics, string? Policy)
{
    /// <summary>In a diff drawing (<c>render --diff</c>): "added", "changed" or "removed"; null when the card did not change.</summary>
    public string? Mark { get; init; }

    /// <summary>For a changed card, each field that changed with its value before and after.</summary>
    public IReadOnlyList<Core.Diff.Change> Changes { get; init; } = [];
}

public static class CardDetails
{
    /// <summary>One entry per card of the diagram, in the order the layout draws them (step by step, lane by lane).</summary>
    public static IReadOnlyList<CardDetail> Of(BlueprintDocument document)
    {
        var graph = BlueprintGraph.Build(document);
        var lanes = document.Lanes.DistinctBy(l => l.Id).Select((l, i) => (l, i)).ToDictionary(x => x.l.Id, x => (Name: x.l.NameIn(document.Vocabulary), x.i), StringComparer.Ordinal);
        return graph.Cards
            .Where(p => lanes.ContainsKey(p.Card.LaneId))
            .OrderBy(p => p.StepIndex).ThenBy(p => lanes[p.Card.LaneId].i).ThenBy(p => p.IndexInCell)
            .Select(p => new CardDetail(
                p.DisplayName, p.Card.Text.Trim(), p.Card.LaneId, lanes[p.Card.LaneId].Name, p.Step.Id, p.Step.Name, document.Scenes[p.SceneIndex].Name,
                Given(p.Card.Owner), Given(p.Card.Fail), Given(p.Card.Wait), Given(p.Card.Pain), Given(p.Card.Note), Given(p.Card.Url),
                p.Step.Duration is { } d ? Durations.Format(d) : null,
                p.Step.Metrics.Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => m.Trim()).ToList(),
                Given(p.Step.Policy)))
            .ToList();
    }

    /// <summary>
    /// The details of what <paramref name="layout"/> draws, with each card's diff mark and changes (a diff drawing's
    /// layout carries them); <paramref name="document"/> is the document it was laid out from.
    /// </summary>
    public static IReadOnlyList<CardDetail> Of(BlueprintDocument document, DiagramLayout layout)
    {
        var boxes = layout.Cards.ToDictionary(c => c.Name, StringComparer.Ordinal);
        return Of(document).Select(d => boxes.TryGetValue(d.Id, out var box) && box.Mark is { } mark
            ? d with { Mark = mark.ToString().ToLowerInvariant(), Changes = box.Changes }
            : d).ToList();
    }

    private static string? Given(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
