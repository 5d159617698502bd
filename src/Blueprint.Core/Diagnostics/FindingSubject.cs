using Blueprint.Core.Model;

namespace Blueprint.Core.Diagnostics;

/// <summary>
/// The element a finding is about: its kind and name as findings print it (<c>card look-up</c>, <c>step enter</c>,
/// <c>lane support</c>, <c>blueprint</c>) and its content (the element's own fields, positions excluded). A lint
/// baseline knows a finding by these, so moving lines or editing another element keeps it known, and editing this
/// element makes it new.
/// </summary>
public sealed record FindingSubject(string Kind, string Name, string Content)
{
    public string Element => Kind == "blueprint" ? Kind : $"{Kind} {Name}";

    public static readonly FindingSubject Blueprint = new("blueprint", "", "");

    public static FindingSubject Card(PlacedCard placed)
    {
        var c = placed.Card;
        var arrows = c.Arrows.Select(a => $"{a.Ref}|{a.Label}|{a.Loop}");
        return new("card", placed.DisplayName, Join(c.LaneId, c.Id, c.Text, c.Owner, c.Fail, c.Wait, c.Pain, c.Note, c.Url, string.Join("\u001f", arrows)));
    }

    /// <summary>A step by its own fields; its cards are elements of their own.</summary>
    public static FindingSubject Step(Step s) =>
        new("step", s.Id, Join(s.Name, s.Duration?.ToString(), s.Fail, s.Wait, s.Pain, s.Emotion?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            string.Join("\u001f", s.Metrics), s.Policy, s.Note, s.Url));

    public static FindingSubject Scene(Scene s) => new("scene", s.Id, s.Name);

    public static FindingSubject Lane(Lane l) => new("lane", l.Id, Join(l.Name, l.Color));

    private static string Join(params string?[] parts) => string.Join("\u001e", parts.Select(p => p ?? "\u0000"));
}
