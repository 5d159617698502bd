using Blueprint.Core.Diagnostics;

namespace Blueprint.Core.Model;

/// <summary>A horizontal band of the diagram. Standard lanes have a fixed id; custom ones are declared in <c>lanes:</c>.</summary>
public sealed record Lane(string Id, string Name, string? Color = null)
{
    public const string Evidence = "evidence";
    public const string Customer = "customer";
    public const string Touchpoint = "touchpoint";
    public const string Frontstage = "frontstage";
    public const string Backstage = "backstage";
    public const string Support = "support";

    public SourceLocation Location { get; init; }

    /// <summary>True for the six lanes of the method; false for a lane the file declares.</summary>
    public bool IsStandard => StandardIds.Contains(Id);

    public static readonly IReadOnlyList<string> StandardIds = [Evidence, Customer, Touchpoint, Frontstage, Backstage, Support];

    /// <summary>The six standard lanes with their English names (a diagram shows them in its <c>lang:</c>, <see cref="Languages"/>).</summary>
    public static readonly IReadOnlyList<Lane> StandardLanes =
        [.. StandardIds.Select(id => new Lane(id, Languages.English.LaneName(id)))];

    /// <summary>The name the diagram shows in <paramref name="words"/>' language: a standard lane not renamed in the file gets that language's name.</summary>
    public string NameIn(Vocabulary words) => IsStandard && Name == DefaultName(Id) ? words.LaneName(Id) : Name;

    /// <summary>Default (English) display name of a standard lane.</summary>
    public static string DefaultName(string id) => StandardLanes.FirstOrDefault(l => l.Id == id)?.Name ?? id;

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        [Evidence] = Evidence, ["physical evidence"] = Evidence,
        [Customer] = Customer, ["customer actions"] = Customer,
        [Touchpoint] = Touchpoint, ["channel"] = Touchpoint,
        [Frontstage] = Frontstage, ["onstage"] = Frontstage, ["frontstage actions"] = Frontstage,
        [Backstage] = Backstage, ["backstage actions"] = Backstage,
        [Support] = Support, ["support processes"] = Support,
    };

    /// <summary>Every spelling that names a standard lane (ids and aliases), for did-you-mean suggestions.</summary>
    public static IEnumerable<string> StandardSpellings => Aliases.Keys;

    /// <summary>The standard lane id for an id or alias (case-insensitive, extra spaces folded), or null.</summary>
    public static string? StandardIdFor(string name)
    {
        string folded = string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return Aliases.TryGetValue(folded, out var id) ? id : null;
    }

    /// <summary>
    /// The standard lane id for an id, an English alias, or one of <paramref name="language"/>'s lane names and labels
    /// (Markdown labels, SPEC 6.2), or null.
    /// </summary>
    public static string? StandardIdFor(string name, Vocabulary language)
    {
        if (StandardIdFor(name) is { } id) return id;
        string folded = string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        foreach (var laneId in StandardIds)
            if (SpellingsIn(language, laneId).Any(s => string.Equals(s, folded, StringComparison.OrdinalIgnoreCase))) return laneId;
        return null;
    }

    /// <summary>A language's own spellings of a standard lane: its name (without soft hyphens) and its short labels.</summary>
    public static IEnumerable<string> SpellingsIn(Vocabulary language, string laneId)
    {
        string name = language.LaneName(laneId).Replace("\u00AD", "", StringComparison.Ordinal);
        return language.LaneLabels.TryGetValue(laneId, out var labels) ? [name, .. labels] : [name];
    }
}
