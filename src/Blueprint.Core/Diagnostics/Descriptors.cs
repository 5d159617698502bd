namespace Blueprint.Core.Diagnostics;

/// <summary>Every check the tool has, by id (SPEC section 4). Message formats take the arguments named in each comment.</summary>
public static class Descriptors
{
    // Errors: render refuses to draw.
    public static readonly DiagnosticDescriptor Syntax = new("BP001", "syntax", Severity.Error,
        "The file cannot be read as YAML or Markdown", "{0}");
    public static readonly DiagnosticDescriptor UnknownKey = new("BP002", "unknown-key", Severity.Error,
        "A key or item label the format does not have", "{0}");
    public static readonly DiagnosticDescriptor BadValue = new("BP003", "bad-value", Severity.Error,
        "A value of the wrong type or out of range", "{0}");
    public static readonly DiagnosticDescriptor DuplicateId = new("BP004", "duplicate-id", Severity.Error,
        "Two scenes, steps or cards share an id", "{0}");
    public static readonly DiagnosticDescriptor BrokenLink = new("BP005", "broken-link", Severity.Error,
        "A reference to an id that does not exist", "{0}");
    public static readonly DiagnosticDescriptor UnknownLane = new("BP006", "unknown-lane", Severity.Error,
        "A lane that is neither standard, an alias, nor declared in `lanes`", "{0}");
    public static readonly DiagnosticDescriptor Cycle = new("BP007", "cycle", Severity.Error,
        "Arrows form a cycle with no edge marked `loop: true`", "{0}");
    public static readonly DiagnosticDescriptor Empty = new("BP008", "empty", Severity.Error,
        "The blueprint has no scene or no step", "{0}");

    // Warnings: lint.
    public static readonly DiagnosticDescriptor MissingLayer = new("BP101", "missing-layer", Severity.Warning,
        "A lane the diagram shows has no card in any step", "{0}");
    public static readonly DiagnosticDescriptor NoCustomerAction = new("BP102", "no-customer-action", Severity.Warning,
        "A step has no customer card", "{0}");
    public static readonly DiagnosticDescriptor NoInteraction = new("BP103", "no-interaction", Severity.Warning,
        "A step with a customer action has neither touchpoint nor frontstage", "{0}");
    public static readonly DiagnosticDescriptor CrossesVisibility = new("BP104", "crosses-visibility", Severity.Warning,
        "An arrow joins a customer card to a backstage or support card directly", "{0}");
    public static readonly DiagnosticDescriptor BackwardLink = new("BP105", "backward-link", Severity.Warning,
        "An arrow points to an earlier step without `loop: true`", "{0}");
    public static readonly DiagnosticDescriptor EmptyScene = new("BP106", "empty-scene", Severity.Warning,
        "A scene with no steps", "{0}");
    public static readonly DiagnosticDescriptor NoGoal = new("BP107", "no-goal", Severity.Warning,
        "The blueprint states no goal", "{0}");
    public static readonly DiagnosticDescriptor NoScenario = new("BP108", "no-scenario", Severity.Warning,
        "The blueprint states no scenario", "{0}");
    public static readonly DiagnosticDescriptor OrphanCard = new("BP109", "orphan-card", Severity.Warning,
        "A backstage or support card with no arrow in or out", "{0}");
    public static readonly DiagnosticDescriptor LongText = new("BP110", "long-text", Severity.Warning,
        "Card text longer than the card can show", "{0}");
    public static readonly DiagnosticDescriptor UnownedFailPoint = new("BP111", "unowned-fail-point", Severity.Warning,
        "A fail point on a card with no owner", "{0}");

    /// <summary>Not a check: a fault inside the tool while checking a file, reported instead of crashing.</summary>
    public static readonly DiagnosticDescriptor InternalError = new("BP000", "internal-error", Severity.Error,
        "The tool failed while checking this file", "{0}");

    /// <summary>All checks, in id order (BP000 excluded: it cannot be configured).</summary>
    public static readonly IReadOnlyList<DiagnosticDescriptor> All =
    [
        Syntax, UnknownKey, BadValue, DuplicateId, BrokenLink, UnknownLane, Cycle, Empty,
        MissingLayer, NoCustomerAction, NoInteraction, CrossesVisibility, BackwardLink, EmptyScene,
        NoGoal, NoScenario, OrphanCard, LongText, UnownedFailPoint,
    ];

    /// <summary>Finds a check by id (<c>BP101</c>) or name (<c>missing-layer</c>), case-insensitively.</summary>
    public static DiagnosticDescriptor? Find(string idOrName) =>
        All.FirstOrDefault(d => string.Equals(d.Id, idOrName, StringComparison.OrdinalIgnoreCase)
                             || string.Equals(d.Name, idOrName, StringComparison.OrdinalIgnoreCase));
}
