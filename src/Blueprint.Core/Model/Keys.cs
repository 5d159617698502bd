namespace Blueprint.Core.Model;

/// <summary>The keys each level of the format accepts (YAML keys; Markdown labels and front matter use the same).</summary>
public static class Keys
{
    public static readonly IReadOnlyList<string> Document =
        ["blueprint", "goal", "scenario", "persona", "owner", "version", "tags", "updated", "lanes", "journey", "lint", "scenes"];

    public static readonly IReadOnlyList<string> Scene = ["scene", "id", "steps"];

    /// <summary>Step keys other than lanes.</summary>
    public static readonly IReadOnlyList<string> Step =
        ["step", "id", "duration", "fail", "wait", "pain", "emotion", "metrics", "policy", "note", "url"];

    public static readonly IReadOnlyList<string> Card = ["text", "id", "to", "fail", "wait", "pain", "note", "owner", "url"];

    public static readonly IReadOnlyList<string> ArrowEntry = ["ref", "label", "loop"];

    public static readonly IReadOnlyList<string> LaneEntry = ["id", "name", "color"];

    public static readonly IReadOnlyList<string> Lint = ["disable"];

    public const int MinEmotion = -2;
    public const int MaxEmotion = 2;
}
