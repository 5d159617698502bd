using Blueprint.Core.Model;

namespace Blueprint.Layout;

/// <summary>
/// The colours and line styles of a diagram. The layout resolves every colour from it, so the display list carries
/// final colours and renderers never see a theme.
/// </summary>
public sealed record Theme
{
    public required string Name { get; init; }
    public required Color Background { get; init; }
    public required Color Text { get; init; }
    public required Color MutedText { get; init; }
    /// <summary>Text on a card whose fill is dark (the layout picks whichever of this and <see cref="Text"/> reads better).</summary>
    public required Color TextOnDark { get; init; }
    public required Color TextOnLight { get; init; }
    public required Color SceneFill { get; init; }
    public required Color SceneText { get; init; }
    public required Color StepFill { get; init; }
    public required Color GridLine { get; init; }
    /// <summary>Base colours of the six standard lanes, in <see cref="Lane.StandardIds"/> order.</summary>
    public required IReadOnlyList<Color> StandardLanes { get; init; }
    /// <summary>Colours given in turn to custom lanes without a <c>color</c>.</summary>
    public required IReadOnlyList<Color> CustomLanes { get; init; }
    /// <summary>How far the lane band fill goes from the background towards the lane colour (0..1).</summary>
    public double BandStrength { get; init; } = 0.35;
    /// <summary>How far the lane label cell goes from the background towards the lane colour (0..1).</summary>
    public double LabelStrength { get; init; } = 0.8;
    /// <summary>Card fills: null means the lane colour; otherwise one fill for every card (print).</summary>
    public Color? CardFill { get; init; }
    /// <summary>How far the card border goes from the lane colour towards <see cref="Text"/>.</summary>
    public double CardStrokeStrength { get; init; } = 0.45;
    /// <summary>How far a lane colour given in a file is pulled towards the background (a dark theme tones it down).</summary>
    public double FileColorToBackground { get; init; }
    /// <summary>True when lane colours given in a file are turned into greys (a greyscale theme).</summary>
    public bool Greyscale { get; init; }

    public required Stroke Separator { get; init; }
    public required Stroke Arrow { get; init; }
    public required Stroke LoopArrow { get; init; }
    public required Stroke Journey { get; init; }
    public required Color LabelBackground { get; init; }

    public required Color Fail { get; init; }
    public required Color Wait { get; init; }
    public required Color Pain { get; init; }
    public required Color FailText { get; init; }
    public required Color WaitText { get; init; }
    public required Color PainText { get; init; }
    /// <summary>Border of badges (lets greyscale badges with a white fill stand out); null for none.</summary>
    public Stroke? BadgeStroke { get; init; }

    /// <summary>Diff drawings: outline and badge of an added element (+), of a changed one (~), and the text on those badges.</summary>
    public Color DiffAdded { get; init; } = Color.Parse("#1a7f37");
    public Color DiffChanged { get; init; } = Color.Parse("#bf8700");
    public Color DiffAddedText { get; init; } = Color.Parse("#ffffff");
    public Color DiffChangedText { get; init; } = Color.Parse("#1f2328");
    /// <summary>How far a removed card (a ghost) fades from its fill towards the background (0..1).</summary>
    public double GhostFade { get; init; } = 0.65;

    public required Stroke EmotionLine { get; init; }
    public required Color EmotionPositive { get; init; }
    public required Color EmotionNeutral { get; init; }
    public required Color EmotionNegative { get; init; }

    // The interactive HTML page's marks (SPEC section 8): the card traced, what leads to it and what follows it, search hits.
    public Color TraceFocus { get; init; } = Color.Parse("#1f2328");
    public Color TraceUpstream { get; init; } = Color.Parse("#1a7f37");
    public Color TraceDownstream { get; init; } = Color.Parse("#0969da");
    public Color SearchMatch { get; init; } = Color.Parse("#bf8700");
    /// <summary>Dash of the upstream marks (on/off lengths), so that a greyscale theme tells them from downstream ones; empty for solid.</summary>
    public IReadOnlyList<double> TraceUpstreamDash { get; init; } = [];

    /// <summary>The base colour of a lane: the file's <c>color</c>, else the theme's colour for it.</summary>
    public Color LaneColor(Lane lane, int customIndex)
    {
        if (Color.TryParse(lane.Color) is { } own)
            return Greyscale ? own.ToGrey().Mix(Background, 0.5) : own.Mix(Background, FileColorToBackground);
        int standard = StandardIndex(lane.Id);
        return standard >= 0 ? StandardLanes[standard] : CustomLanes[customIndex % CustomLanes.Count];
    }

    private static int StandardIndex(string id)
    {
        for (int i = 0; i < Lane.StandardIds.Count; i++)
            if (Lane.StandardIds[i] == id) return i;
        return -1;
    }
}

/// <summary>The built-in themes.</summary>
public static class Themes
{
    private static Color C(string hex) => Color.Parse(hex);

    public static readonly Theme Light = new()
    {
        Name = "light",
        Background = C("#ffffff"),
        Text = C("#1f2328"),
        MutedText = C("#59636e"),
        TextOnDark = C("#f5f5f5"),
        TextOnLight = C("#1f2328"),
        SceneFill = C("#3d4b5c"),
        SceneText = C("#ffffff"),
        StepFill = C("#eef1f4"),
        GridLine = C("#c8ced6"),
        StandardLanes = [C("#d9d2e9"), C("#ffe599"), C("#f9cb9c"), C("#b6d7a8"), C("#9fc5e8"), C("#d9d9d9")],
        CustomLanes = [C("#f4cccc"), C("#a2e4e0"), C("#e6c9a8"), C("#c9daf8"), C("#ead1dc")],
        Separator = new Stroke(C("#59636e"), 1.2, [6, 4]),
        Arrow = new Stroke(C("#34495e"), 1.2),
        LoopArrow = new Stroke(C("#8e44ad"), 1.4, [5, 3]),
        Journey = new Stroke(C("#e67e22"), 2.5),
        LabelBackground = C("#ffffffe6"),
        Fail = C("#d93025"),
        Wait = C("#f5a300"),
        Pain = C("#8e44ad"),
        FailText = C("#ffffff"),
        WaitText = C("#1f2328"),
        PainText = C("#ffffff"),
        EmotionLine = new Stroke(C("#59636e"), 1.5),
        EmotionPositive = C("#2e8b57"),
        EmotionNeutral = C("#8c959f"),
        EmotionNegative = C("#d93025"),
    };

    public static readonly Theme Dark = new()
    {
        Name = "dark",
        Background = C("#1e2228"),
        Text = C("#e6e8eb"),
        MutedText = C("#9aa4af"),
        TextOnDark = C("#f0f2f4"),
        TextOnLight = C("#1e2228"),
        SceneFill = C("#3b4657"),
        SceneText = C("#f0f2f4"),
        StepFill = C("#2a3038"),
        GridLine = C("#48515c"),
        StandardLanes = [C("#574c73"), C("#76621e"), C("#7c4e25"), C("#3e6a36"), C("#2f5577"), C("#4b5058")],
        CustomLanes = [C("#7a3b3b"), C("#2e6b67"), C("#6b5236"), C("#3b4f7a"), C("#6b3f57")],
        BandStrength = 0.3,
        LabelStrength = 0.7,
        FileColorToBackground = 0.45,
        CardStrokeStrength = 0.4,
        Separator = new Stroke(C("#9aa4af"), 1.2, [6, 4]),
        Arrow = new Stroke(C("#c9d1d9"), 1.2),
        LoopArrow = new Stroke(C("#d2a8ff"), 1.4, [5, 3]),
        Journey = new Stroke(C("#ffa657"), 2.5),
        LabelBackground = C("#1e2228e6"),
        Fail = C("#f85149"),
        Wait = C("#e3b341"),
        Pain = C("#bc8cff"),
        FailText = C("#ffffff"),
        WaitText = C("#1e2228"),
        PainText = C("#1e2228"),
        DiffAdded = C("#3fb950"),
        DiffChanged = C("#d29922"),
        DiffAddedText = C("#0d1117"),
        DiffChangedText = C("#0d1117"),
        GhostFade = 0.6,
        EmotionLine = new Stroke(C("#c9d1d9"), 1.5),
        EmotionPositive = C("#56d364"),
        EmotionNeutral = C("#9aa4af"),
        EmotionNegative = C("#f85149"),
        TraceFocus = C("#f0f6fc"),
        TraceUpstream = C("#3fb950"),
        TraceDownstream = C("#58a6ff"),
        SearchMatch = C("#d29922"),
    };

    /// <summary>Greyscale: lanes by grey level, cards white with black borders, line kinds by dash, badges by letter.</summary>
    public static readonly Theme Print = new()
    {
        Name = "print",
        Background = C("#ffffff"),
        Text = C("#000000"),
        MutedText = C("#404040"),
        TextOnDark = C("#ffffff"),
        TextOnLight = C("#000000"),
        SceneFill = C("#404040"),
        SceneText = C("#ffffff"),
        StepFill = C("#eeeeee"),
        GridLine = C("#999999"),
        StandardLanes = [C("#f2f2f2"), C("#d9d9d9"), C("#f7f7f7"), C("#e6e6e6"), C("#cccccc"), C("#ededed")],
        CustomLanes = [C("#e0e0e0"), C("#f0f0f0"), C("#d4d4d4")],
        BandStrength = 1,
        LabelStrength = 1,
        CardFill = C("#ffffff"),
        CardStrokeStrength = 1,
        Greyscale = true,
        Separator = new Stroke(C("#000000"), 1, [8, 3, 2, 3]),
        Arrow = new Stroke(C("#000000"), 1.1),
        LoopArrow = new Stroke(C("#000000"), 1.2, [4, 3]),
        Journey = new Stroke(C("#555555"), 2.5, [1.5, 3]),
        LabelBackground = C("#ffffff"),
        Fail = C("#000000"),
        Wait = C("#ffffff"),
        Pain = C("#888888"),
        FailText = C("#ffffff"),
        WaitText = C("#000000"),
        PainText = C("#ffffff"),
        BadgeStroke = new Stroke(C("#000000"), 0.8),
        // In greyscale the marks differ by the badge (+ black, ~ white), the ghost by its dashes.
        DiffAdded = C("#000000"),
        DiffChanged = C("#000000"),
        DiffAddedText = C("#ffffff"),
        DiffChangedText = C("#000000"),
        GhostFade = 0.5,
        EmotionLine = new Stroke(C("#000000"), 1.5),
        EmotionPositive = C("#ffffff"),
        EmotionNeutral = C("#888888"),
        EmotionNegative = C("#000000"),
        TraceFocus = C("#000000"),
        TraceUpstream = C("#000000"),
        TraceDownstream = C("#000000"),
        SearchMatch = C("#555555"),
        TraceUpstreamDash = [4, 2],
    };

    public static IReadOnlyList<Theme> All { get; } = [Light, Dark, Print];

    /// <summary>The theme called <paramref name="name"/> (case-insensitive), or null.</summary>
    public static Theme? ByName(string name) =>
        All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
}
