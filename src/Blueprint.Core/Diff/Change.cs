using Blueprint.Core.Stats;

namespace Blueprint.Core.Diff;

/// <summary>What happened to an element between two versions (SPEC section 9).</summary>
public enum ChangeKind { Added, Removed, Changed, Moved, Renamed }

/// <summary>What kind of element a change is about.</summary>
public enum ElementKind { Blueprint, Scene, Step, Card, Arrow }

/// <summary>
/// One change: an element added or removed, or one field of it changed, moved or renamed, with the value before and
/// after (strings; null where there was none). <see cref="Id"/> is the element's name as diagnostics print it (the
/// new one, or the old one for what was removed); null for the blueprint itself. <see cref="Scene"/> is the name of the
/// scene the element is in (its new scene, else its old one), for grouping; null for the blueprint's own fields.
/// </summary>
public sealed record Change(ChangeKind Kind, ElementKind Element, string? Id, string? Field, string? Before, string? After)
{
    public string? Scene { get; init; }
}

/// <summary>The figures compared before and after: steps, cards, fail and wait points, customer-visible duration.</summary>
public sealed record DiffTotals(int Steps, int Cards, int FailPoints, int WaitPoints, long CustomerVisibleDurationSeconds)
{
    public static readonly DiffTotals Zero = new(0, 0, 0, 0, 0);

    public static DiffTotals Of(Model.BlueprintDocument? document)
    {
        if (document is null) return Zero;
        var s = BlueprintStats.Compute("", document);
        return new DiffTotals(s.Steps, s.TotalCards, s.FailPoints, s.WaitPoints, s.CustomerVisibleDurationSeconds);
    }

    public DiffTotals Plus(DiffTotals other) => new(Steps + other.Steps, Cards + other.Cards, FailPoints + other.FailPoints,
        WaitPoints + other.WaitPoints, CustomerVisibleDurationSeconds + other.CustomerVisibleDurationSeconds);
}

/// <summary>The changes between two versions of one blueprint, in reading order, and the totals of both.</summary>
public sealed record BlueprintDiff(IReadOnlyList<Change> Changes, DiffTotals Before, DiffTotals After)
{
    public bool HasChanges => Changes.Count > 0;
}
