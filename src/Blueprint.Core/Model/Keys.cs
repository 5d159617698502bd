namespace Blueprint.Core.Model;

/// <summary>Where a key is written: the top of the file, a scene, a step, a card, an arrow entry, a <c>lanes</c> entry, <c>lint</c>.</summary>
public enum KeyLevel { Document, Scene, Step, Card, Arrow, LaneEntry, Lint }

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

    /// <summary>
    /// What each key means, by the level it is written at (the editor's hover and completion, and the JSON
    /// Schema's descriptions). A standard lane's key means its lane, at the step level.
    /// </summary>
    public static string? Meaning(KeyLevel level, string key) => (level, key) switch
    {
        (KeyLevel.Document, "blueprint") => "The blueprint's title",
        (KeyLevel.Document, "goal") => "What the blueprint is made to change",
        (KeyLevel.Document, "scenario") => "Who does what, from start to end",
        (KeyLevel.Document, "persona") => "The customer the journey is told for",
        (KeyLevel.Document, "owner") => "Who keeps this blueprint",
        (KeyLevel.Document, "version") => "The blueprint's version, shown in the header",
        (KeyLevel.Document, "tags") => "Words to find and group blueprints by (a string or a list)",
        (KeyLevel.Document, "updated") => "When the blueprint was last brought up to date",
        (KeyLevel.Document, "lang") => "The language of the diagram's own words: en, nl, de, fr or es (default en)",
        (KeyLevel.Document, "lanes") => "The lanes the diagram shows and their order; an entry { id, name, color } renames, recolours or adds a lane",
        (KeyLevel.Document, "journey") => "Join the customer cards of consecutive steps (default true)",
        (KeyLevel.Document, "lint") => "Lint settings for this file: { disable: [BP101, ...] }",
        (KeyLevel.Document, "scenes") => "The phases of the journey, in order, each with its steps",
        (KeyLevel.Scene, "scene") => "The scene's name: a phase of the journey",
        (KeyLevel.Scene or KeyLevel.Step, "id") => "Defaults to the slug of the name",
        (KeyLevel.Scene, "steps") => "The scene's steps, in the order the customer meets them",
        (KeyLevel.Step, "step") => "The step's name",
        (KeyLevel.Step, "duration") => "How long the step takes: a number with a unit, largest first, e.g. 30s, 2m, 1h30m or 2d",
        (KeyLevel.Step, "fail") => "A fail point in this step",
        (KeyLevel.Step, "wait") => "A wait point in this step",
        (KeyLevel.Step, "pain") => "A pain point in this step",
        (KeyLevel.Step, "emotion") => "The customer's emotion, -2 (very negative) to 2 (very positive)",
        (KeyLevel.Step, "metrics") => "What is measured in this step (a string or a list)",
        (KeyLevel.Step, "policy") => "A rule or regulation that governs this step",
        (KeyLevel.Step or KeyLevel.Card, "note") => "A note, drawn in the notes row under the step",
        (KeyLevel.Step, "url") => "A link for this step (the HTML page opens it)",
        (KeyLevel.Step, _) when Lane.StandardIdFor(key) is { } lane => $"{Lane.DefaultName(lane)}: a card, or a list of cards (stacked in one cell)",
        (KeyLevel.Card, "text") => "The card's text",
        (KeyLevel.Card, "id") => "The card's id, for references to it (`to: [id]`)",
        (KeyLevel.Card, "to") => "Arrows from this card: references (step-id, step-id.lane or card-id), or { ref, label, loop }",
        (KeyLevel.Card, "fail") => "A fail point on this card",
        (KeyLevel.Card, "wait") => "A wait point on this card",
        (KeyLevel.Card, "pain") => "A pain point on this card",
        (KeyLevel.Card, "owner") => "Who performs it: a role or team",
        (KeyLevel.Card, "url") => "A link for this card (the HTML page opens it)",
        (KeyLevel.Arrow, "ref") => "A reference: step-id, step-id.lane or card-id",
        (KeyLevel.Arrow, "label") => "Text drawn on the arrow",
        (KeyLevel.Arrow, "loop") => "An intended back-edge: a retry or a return visit",
        (KeyLevel.LaneEntry, "id") => "A standard lane id or alias to rename or recolour it, or a new id for a lane of your own",
        (KeyLevel.LaneEntry, "name") => "The name drawn at the left of the lane",
        (KeyLevel.LaneEntry, "color") => "A colour as #rrggbb (quote it: # starts a YAML comment)",
        (KeyLevel.Lint, "disable") => "Checks to turn off for this file, by id or name",
        _ => null,
    };

    /// <summary>The keys a level accepts (a step's lanes besides).</summary>
    public static IReadOnlyList<string> At(KeyLevel level) => level switch
    {
        KeyLevel.Document => Document,
        KeyLevel.Scene => Scene,
        KeyLevel.Step => Step,
        KeyLevel.Card => Card,
        KeyLevel.Arrow => ArrowEntry,
        KeyLevel.LaneEntry => LaneEntry,
        _ => Lint,
    };

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
