using Blueprint.Core.Diff;

namespace Blueprint.Layout.Tests;

/// <summary>
/// A diff drawing (<c>render --diff</c>): the fixture pair tests/Fixtures/diff/drawing has a changed step and card, added
/// cards and a step, removed cards and a step, and a rewired arrow. What each mark looks like, in every theme.
/// </summary>
public class DiffDrawingTests
{
    private static readonly string Pair = Path.Combine(TestFiles.RepoRoot, "tests", "Fixtures", "diff", "drawing");

    private static DiagramLayout Lay(Theme theme)
    {
        var before = TestFiles.Read(Path.Combine(Pair, "old.blueprint.yaml"));
        var after = TestFiles.Read(Path.Combine(Pair, "new.blueprint.yaml"));
        return DiagramLayouter.Layout(DiffOverlay.Build(before, after), LayoutOptions.Default with { Theme = theme }, new FakeMeasurer());
    }

    private static bool Overlap(Rect a, Rect b) => a.X < b.Right && b.X < a.Right && a.Y < b.Bottom && b.Y < a.Bottom;

    private static CardBox Card(DiagramLayout layout, string name) => layout.Cards.Single(c => c.Name == name);

    private static RectOp Box(DiagramLayout layout, CardBox card) => layout.Ops.OfType<RectOp>().First(r => r.Rect == card.Rect);

    public static TheoryData<string> ThemeNames() => ["light", "dark", "print"];

    [Fact]
    public void Each_card_is_marked_as_it_changed()
    {
        var layout = Lay(Themes.Light);
        Assert.Equal(DiffMark.Changed, Card(layout, "look-up").Mark);
        Assert.Equal(DiffMark.Added, Card(layout, "sleep.frontstage").Mark);
        Assert.Equal(DiffMark.Added, Card(layout, "taxi.customer").Mark);
        Assert.Equal(DiffMark.Removed, Card(layout, "pay.touchpoint").Mark);
        Assert.Equal(DiffMark.Removed, Card(layout, "leave.customer").Mark);
        Assert.Null(Card(layout, "arrive.customer").Mark);
        Assert.Null(Card(layout, "pms").Mark);
        var owner = Assert.Single(Card(layout, "look-up").Changes);
        Assert.Equal(("owner", "Night clerk", (string?)null), (owner.Field, owner.Before, owner.After));
        Assert.Equal(["arrive", "check-in-at-the-desk", "sleep", "pay", "leave", "taxi"], layout.Steps.Select(s => s.Id));
        Assert.Equal([null, DiffMark.Changed, null, null, DiffMark.Removed, DiffMark.Added], layout.Steps.Select(s => s.Mark));
    }

    [Fact]
    public void A_removed_card_is_a_ghost_in_its_old_cell_which_makes_room()
    {
        var plain = DiagramLayouter.Layout(TestFiles.Read(Path.Combine(Pair, "new.blueprint.yaml")), LayoutOptions.Default, new FakeMeasurer());
        var layout = Lay(Themes.Light);
        var ghost = Card(layout, "pay.touchpoint");
        Assert.Equal(layout.Steps.ToList().FindIndex(s => s.Id == "pay"), ghost.StepIndex);
        Assert.Equal("touchpoint", layout.Lanes[ghost.LaneIndex].Id);
        Assert.Equal(["Card terminal"], ghost.Lines);
        // The new version has no touchpoint in Pay: the drawing has one cell more, and no card overlaps another.
        // pay.touchpoint and the three cards of the step Leave.
        Assert.Equal(plain.Cards.Count + 4, layout.Cards.Count);
        foreach (var a in layout.Cards)
            foreach (var b in layout.Cards.Where(b => b != a))
                Assert.False(Overlap(a.Rect, b.Rect), $"{a.Name} overlaps {b.Name}");
        Assert.Empty(LayoutChecks.RouteCrossings(layout));
    }

    [Theory]
    [MemberData(nameof(ThemeNames))]
    public void Marks_differ_by_more_than_colour_in_every_theme(string themeName)
    {
        var layout = Lay(Themes.ByName(themeName)!);
        var ghost = Box(layout, Card(layout, "leave.customer"));
        Assert.True(ghost.Stroke!.IsDashed);
        var added = Box(layout, Card(layout, "taxi.customer"));
        var changed = Box(layout, Card(layout, "look-up"));
        var same = Box(layout, Card(layout, "arrive.customer"));
        Assert.False(added.Stroke!.IsDashed);
        Assert.True(added.Stroke.Width > same.Stroke!.Width + 1);
        Assert.True(changed.Stroke!.Width > same.Stroke.Width + 1);
        // The badges' glyphs: + at the added card's top left corner, ~ at the changed one's.
        Assert.Contains(layout.Ops, op => op is TextOp { Text: "+" } t && Math.Abs(t.Box.CenterX - added.Rect.X) < 6);
        Assert.Contains(layout.Ops, op => op is TextOp { Text: "~" } t && Math.Abs(t.Box.CenterX - changed.Rect.X) < 6);
        // The ghost's text is there, muted.
        var text = layout.Ops.OfType<TextOp>().Single(t => t.Text == "Leaves the hotel");
        Assert.Equal(Themes.ByName(themeName)!.MutedText, text.Color);
        // Arrows: the removed one dashed, the added one thicker than the others.
        var removed = Assert.Single(layout.Edges, e => e.Mark == DiffMark.Removed);
        var addedEdge = Assert.Single(layout.Edges, e => e.Mark == DiffMark.Added);
        Assert.Equal((Card(layout, "desk-clerk").Name, Card(layout, "look-up").Name), (layout.Cards[removed.FromCard].Name, layout.Cards[removed.ToCard].Name));
        Assert.Equal("pms", layout.Cards[addedEdge.ToCard].Name);
        var lines = layout.Ops.OfType<PolylineOp>().Where(l => l.ArrowHead > 0 && l.Region == Region.Body).ToList();
        Assert.Contains(lines, l => l.Points.SequenceEqual(removed.Points) && l.Stroke.IsDashed);
        Assert.Contains(lines, l => l.Points.SequenceEqual(addedEdge.Points) && l.Stroke.Width > Themes.ByName(themeName)!.Arrow.Width + 0.5);
    }

    [Fact]
    public void The_legend_has_an_entry_for_each_mark()
    {
        var legend = Lay(Themes.Light).Ops.OfType<TextOp>().Where(t => t.Region == Region.Legend).Select(t => t.Text).ToList();
        foreach (var entry in new[] { "Added", "Changed", "Removed (ghost)", "Added arrow", "Removed arrow" }) Assert.Contains(entry, legend);
        var plain = DiagramLayouter.Layout(TestFiles.Read(Path.Combine(Pair, "new.blueprint.yaml")), LayoutOptions.Default, new FakeMeasurer());
        Assert.DoesNotContain(plain.Ops, op => op is TextOp { Region: Region.Legend, Text: "Added" or "Removed (ghost)" });
    }

    [Fact]
    public void The_journey_line_goes_round_a_removed_customer_card()
    {
        var layout = Lay(Themes.Light);
        var ghost = Card(layout, "leave.customer");
        var journey = layout.Edges.Where(e => e.Kind == EdgeKind.Journey).ToList();
        Assert.DoesNotContain(journey, e => layout.Cards[e.FromCard] == ghost || layout.Cards[e.ToCard] == ghost);
        Assert.Contains(journey, e => layout.Cards[e.FromCard].Name == "pay.customer" && layout.Cards[e.ToCard].Name == "taxi.customer");
        foreach (var e in journey)
            for (int i = 1; i < e.Points.Count; i++)
            {
                var (a, b) = (e.Points[i - 1], e.Points[i]);
                var segment = new Rect(Math.Min(a.X, b.X), Math.Min(a.Y, b.Y), Math.Abs(a.X - b.X) + 0.01, Math.Abs(a.Y - b.Y) + 0.01);
                Assert.False(Overlap(segment, ghost.Rect.Inflate(-1)), "the journey line crosses the ghost");
            }
    }
}
