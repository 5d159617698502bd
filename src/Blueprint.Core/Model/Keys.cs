namespace Blueprint.Core.Model;

/// <summary>The keys each level of the format accepts (YAML keys; Markdown labels and front matter use the same).</summary>
public static class Keys
{
    public static readonly IReadOnlyList<string> Document =
        ["blueprint", "goal", "scenario", "persona", "owner", "version", "tags", "updated", "lang", "lanes", "journey", "lint", "scenes"];

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

    /// <summary>
    /// Why an emotion value was refused (<paramref name="shown"/> is the value as the message quotes it;
    /// <paramref name="text"/> its text, null when it is not a single value): out of range, not whole (<c>1.5</c>), or not a number.
    /// </summary>
    public static string EmotionProblem(string shown, string? text)
    {
        string t = text?.Trim() ?? "";
        string what =
            int.TryParse(t, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _) ? "out of range"
            : double.TryParse(t, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double d) && double.IsFinite(d) ? "not a whole number"
            : "not a number";
        return $"emotion {shown} is {what}; write a whole number from -2 (very negative) to 2 (very positive)";
    }
}
