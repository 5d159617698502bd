using Blueprint.Core.Diff;
using Blueprint.Core.Model;

namespace Blueprint.Layout;

/// <summary>
/// A laid-out blueprint: geometry and styled, wrapped text only. <see cref="Ops"/> is the display list renderers
/// draw; the other members describe the same picture structurally (for pagination, checks and tests).
/// </summary>
public sealed record DiagramLayout
{
    public required double Width { get; init; }
    public required double Height { get; init; }
    public required string ThemeName { get; init; }
    /// <summary>The language of the diagram's own words, a BCP 47 tag (<c>en</c>, <c>nl</c>, <c>nl-BE</c>): a PDF's <c>/Lang</c>.</summary>
    public string Language { get; init; } = Languages.Default;
    /// <summary>The diagram's own words in <see cref="Language"/>, for what a renderer adds (a scene "continued" on the next page).</summary>
    public Vocabulary Words { get; init; } = Languages.English;
    public required Color Background { get; init; }
    /// <summary>The lane label column, <c>[LabelColumn.X, LabelColumn.Right)</c>; a paginating renderer repeats it on every page.</summary>
    public required Rect LabelColumn { get; init; }
    /// <summary>Top to bottom extent of the title block (<see cref="Region.Header"/>).</summary>
    public required Rect Header { get; init; }
    /// <summary>Where the legend is (<see cref="Region.Legend"/>); zero-sized when there is none.</summary>
    public required Rect Legend { get; init; }
    public required IReadOnlyList<SceneBox> Scenes { get; init; }
    public required IReadOnlyList<StepColumn> Steps { get; init; }
    public required IReadOnlyList<LaneBand> Lanes { get; init; }
    public required IReadOnlyList<SeparatorLine> Separators { get; init; }
    public required IReadOnlyList<CardBox> Cards { get; init; }
    public required IReadOnlyList<RoutedEdge> Edges { get; init; }
    public required IReadOnlyList<DrawOp> Ops { get; init; }
    /// <summary>The size of card text in points at scale 1: a paged PDF never sets it below its floor.</summary>
    public double CardFontSize { get; init; } = LayoutOptions.Default.CardFontSize;
    /// <summary>Texts with characters that no installed font can show (the measurer said so), for a warning that names them.</summary>
    public IReadOnlyList<string> MissingGlyphs { get; init; } = [];

    /// <summary>Cards whose text was cut with an ellipsis.</summary>
    public IEnumerable<CardBox> CutCards => Cards.Where(c => c.TextCut);
}

/// <summary>
/// A scene: its header band and the x-range of its steps, gutters included (ranges of consecutive scenes touch), so a
/// renderer can split pages between whole scenes. <see cref="FirstStep"/> and <see cref="StepCount"/> index <see cref="DiagramLayout.Steps"/>.
/// </summary>
public sealed record SceneBox(string Id, string Name, int FirstStep, int StepCount, double Left, double Right, Rect Band)
{
    public double Width => Right - Left;

    /// <summary>The operations of <see cref="DiagramLayout.Ops"/> that draw the header band over the whole scene.</summary>
    public IReadOnlyList<DrawOp> HeaderOps { get; init; } = [];

    /// <summary>
    /// The header band for a page that shows only the scene's first steps, and for a page that continues it (its name
    /// marked as continued), each in variants widest first: a page draws the first whose <see cref="SceneHeaderVariant.MinWidth"/>
    /// its part of the scene has, stretching the rectangles and centring the text over that part (at least one step).
    /// Empty for a scene of one step, which is never split.
    /// </summary>
    public IReadOnlyList<SceneHeaderVariant> PartHeader { get; init; } = [];

    /// <inheritdoc cref="PartHeader"/>
    public IReadOnlyList<SceneHeaderVariant> ContinuedHeader { get; init; } = [];
}

/// <summary>A scene header band for part of a scene, drawn over the whole band; it needs a part at least <see cref="MinWidth"/> wide.</summary>
public sealed record SceneHeaderVariant(double MinWidth, IReadOnlyList<DrawOp> Ops);

/// <summary>A step column: <see cref="Column"/> is the card column (card width), <see cref="Header"/> its header cell.</summary>
public sealed record StepColumn(string Id, string Name, int SceneIndex, Rect Column, Rect Header, string? Url)
{
    /// <summary>In a diff drawing, how the step changed (null: not at all, or no diff drawn).</summary>
    public DiffMark? Mark { get; init; }
}

/// <summary>A lane as a horizontal band across the diagram (label cell excluded).</summary>
public sealed record LaneBand(string Id, string Name, Rect Band, Color Fill, Color CardFill);

public enum SeparatorKind { Interaction, Visibility, InternalInteraction }

/// <summary>A separator line between two lanes, at <see cref="Y"/>, between lane <see cref="AboveLane"/> and lane <see cref="AboveLane"/>+1.</summary>
public sealed record SeparatorLine(SeparatorKind Kind, string Label, double Y, int AboveLane);

public enum BadgeKind { Fail, Wait, Pain }

/// <summary>A numbered badge ("F1", "W2", "P1") and the text it stands for (listed in the notes row).</summary>
public sealed record Badge(BadgeKind Kind, int Number, string Text, Rect Rect)
{
    public string Label => (Kind switch { BadgeKind.Fail => "F", BadgeKind.Wait => "W", _ => "P" }) + Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// A card as drawn: <see cref="Name"/> is how a person refers to it (its id, else <c>step.lane</c>),
/// <see cref="StepIndex"/> indexes <see cref="DiagramLayout.Steps"/>, <see cref="LaneIndex"/> <see cref="DiagramLayout.Lanes"/>.
/// </summary>
public sealed record CardBox(
    string Name, int StepIndex, int LaneIndex, int IndexInCell, Rect Rect,
    IReadOnlyList<string> Lines, bool TextCut, IReadOnlyList<Badge> Badges, string? Url)
{
    /// <summary>In a diff drawing, how the card changed: added, changed, or removed (a ghost); null when it did not.</summary>
    public DiffMark? Mark { get; init; }
    /// <summary>For a changed card, each changed field with its value before and after (an HTML details panel shows them).</summary>
    public IReadOnlyList<Change> Changes { get; init; } = [];
}

public enum EdgeKind { Arrow, Loop, Journey }

/// <summary>
/// An arrow as routed: orthogonal points from the source card's edge to the target card's edge (arrowhead at the
/// end); <see cref="LabelRect"/> is where its label box is, when it has one.
/// </summary>
public sealed record RoutedEdge(EdgeKind Kind, int FromCard, int ToCard, IReadOnlyList<Point> Points, string? Label, Rect? LabelRect)
{
    /// <summary>In a diff drawing, an arrow added or removed (a ghost); null when it is in both versions.</summary>
    public DiffMark? Mark { get; init; }
}
