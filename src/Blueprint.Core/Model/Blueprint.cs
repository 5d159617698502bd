using Blueprint.Core.Diagnostics;

namespace Blueprint.Core.Model;

/// <summary>One service blueprint: a scenario as scenes of steps, each step with cards in lanes.</summary>
public sealed record BlueprintDocument
{
    public required string Title { get; init; }
    public string? Goal { get; init; }
    public string? Scenario { get; init; }
    public string? Persona { get; init; }
    public string? Owner { get; init; }
    public string? Version { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public string? Updated { get; init; }

    /// <summary>The language of the diagram's own words (a BCP 47 tag as <c>lang:</c> gives it, e.g. <c>nl</c>), or null for English.</summary>
    public string? Lang { get; init; }

    /// <summary>The words of <see cref="Lang"/>.</summary>
    public Vocabulary Vocabulary => Languages.For(Lang);

    /// <summary>The lanes the diagram shows, in order (the six standard lanes unless <c>lanes:</c> says otherwise).</summary>
    public IReadOnlyList<Lane> Lanes { get; init; } = Lane.StandardLanes;

    /// <summary>True when <c>lanes:</c> was given explicitly (a writer then writes it back).</summary>
    public bool LanesDeclared { get; init; }

    /// <summary>Whether the customer cards of consecutive steps are joined by the journey line.</summary>
    public bool Journey { get; init; } = true;

    public IReadOnlyList<Scene> Scenes { get; init; } = [];

    /// <summary>Check ids or names disabled for this file by <c>lint: { disable: [...] }</c>.</summary>
    public IReadOnlyList<string> LintDisable { get; init; } = [];

    public SourceLocation Location { get; init; }

    public IEnumerable<Step> Steps => Scenes.SelectMany(s => s.Steps);
}

/// <summary>A phase of the journey: a header band over its steps.</summary>
public sealed record Scene
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    /// <summary>True when the id was written, false when it is the slug of the name.</summary>
    public bool IdExplicit { get; init; }
    public IReadOnlyList<Step> Steps { get; init; } = [];
    public SourceLocation Location { get; init; }
    public SourceLocation IdLocation { get; init; }
}

/// <summary>A column of the diagram: one moment of the journey with cards in lanes.</summary>
public sealed record Step
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public bool IdExplicit { get; init; }
    public TimeSpan? Duration { get; init; }
    /// <summary>Cards in lane order of appearance in the source; several cards of one lane form a stacked cell.</summary>
    public IReadOnlyList<Card> Cards { get; init; } = [];
    public string? Fail { get; init; }
    public string? Wait { get; init; }
    public string? Pain { get; init; }
    /// <summary>The customer's emotion, -2 (very negative) to 2 (very positive).</summary>
    public int? Emotion { get; init; }
    public IReadOnlyList<string> Metrics { get; init; } = [];
    public string? Policy { get; init; }
    public string? Note { get; init; }
    public string? Url { get; init; }
    public SourceLocation Location { get; init; }
    public SourceLocation IdLocation { get; init; }
    /// <summary>Set when the step is a copy made by a YAML alias (<c>- *enter</c>): the alias and where it is written.</summary>
    public AliasCopy? CopiedByAlias { get; init; }

    public IEnumerable<Card> CardsIn(string laneId) => Cards.Where(c => c.LaneId == laneId);
}

/// <summary>A box in one lane of one step.</summary>
public sealed record Card
{
    public required string LaneId { get; init; }
    public required string Text { get; init; }
    /// <summary>An explicit id, or null (a card is then reachable as <c>step.lane</c>).</summary>
    public string? Id { get; init; }
    public IReadOnlyList<Arrow> Arrows { get; init; } = [];
    public string? Fail { get; init; }
    public string? Wait { get; init; }
    public string? Pain { get; init; }
    public string? Note { get; init; }
    /// <summary>Who performs it: a role or team.</summary>
    public string? Owner { get; init; }
    public string? Url { get; init; }
    public SourceLocation Location { get; init; }
    public SourceLocation IdLocation { get; init; }
}

/// <summary>An arrow from the card that holds it to a reference (<c>step</c>, <c>step.lane</c> or <c>card</c>).</summary>
public sealed record Arrow
{
    public required string Ref { get; init; }
    public string? Label { get; init; }
    /// <summary>An intended back-edge: a retry or a return visit.</summary>
    public bool Loop { get; init; }
    public SourceLocation Location { get; init; }
}

/// <summary>A YAML alias <c>*Anchor</c> at <see cref="At"/> that repeats a value written elsewhere.</summary>
public sealed record AliasCopy(string Anchor, SourceLocation At);
