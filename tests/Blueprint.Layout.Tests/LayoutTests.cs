using Blueprint.Tests;
using Blueprint.Core.Model;

namespace Blueprint.Layout.Tests;

public class GoldenTests
{
    public static TheoryData<string> Blueprints => TestFiles.AllBlueprints();

    [Theory]
    [MemberData(nameof(Blueprints))]
    public void Layout_matches_golden(string key)
    {
        var layout = TestFiles.Lay(key);
        string name = TestFiles.NameOf(key);
        string dir = key.StartsWith("example:", StringComparison.Ordinal) ? Path.Combine(TestFiles.Fixtures, "examples") : TestFiles.Fixtures;
        Golden.Verify(Path.Combine(dir, name + ".layout.json"), LayoutJson.Write(layout));
    }

    [Theory]
    [InlineData("dark")]
    [InlineData("print")]
    public void Themed_layout_matches_golden(string theme)
    {
        var layout = TestFiles.Lay("example:restaurant.blueprint.yaml", Themes.ByName(theme));
        Golden.Verify(Path.Combine(TestFiles.Fixtures, "examples", $"restaurant.{theme}.layout.json"), LayoutJson.Write(layout));
    }
}

public class GeometryTests
{
    public static TheoryData<string> Blueprints => TestFiles.AllBlueprints();

    [Theory]
    [MemberData(nameof(Blueprints))]
    public void No_route_crosses_a_card_and_no_label_covers_one(string key)
    {
        var layout = TestFiles.Lay(key);
        Assert.Empty(LayoutChecks.RouteCrossings(layout));
        Assert.Empty(LayoutChecks.LabelOverlaps(layout));
    }

    [Theory]
    [MemberData(nameof(Blueprints))]
    public void No_route_hides_a_scene_divider_and_no_label_sits_on_a_separator(string key)
    {
        var layout = TestFiles.Lay(key);
        Assert.Empty(LayoutChecks.SceneDividerOverlaps(layout));
        Assert.Empty(LayoutChecks.LabelSeparatorCrossings(layout));
    }

    [Theory]
    [MemberData(nameof(Blueprints))]
    public void Routes_are_orthogonal_and_end_on_their_cards(string key)
    {
        var layout = TestFiles.Lay(key);
        foreach (var e in layout.Edges)
        {
            Assert.True(e.Points.Count >= 2);
            for (int i = 0; i + 1 < e.Points.Count; i++)
            {
                var (a, b) = (e.Points[i], e.Points[i + 1]);
                Assert.True(Math.Abs(a.X - b.X) < 0.001 || Math.Abs(a.Y - b.Y) < 0.001, $"diagonal segment {a} -> {b}");
            }
            Assert.True(OnBorder(layout.Cards[e.FromCard].Rect, e.Points[0]), $"route does not start on {layout.Cards[e.FromCard].Name}");
            Assert.True(OnBorder(layout.Cards[e.ToCard].Rect, e.Points[^1]), $"route does not end on {layout.Cards[e.ToCard].Name}");
        }
    }

    [Theory]
    [MemberData(nameof(Blueprints))]
    public void Parallel_routes_do_not_overlap(string key)
    {
        var layout = TestFiles.Lay(key);
        var segs = layout.Edges.SelectMany((e, ei) => e.Points.Zip(e.Points.Skip(1), (a, b) => (Edge: ei, A: a, B: b))).ToList();
        for (int i = 0; i < segs.Count; i++)
            for (int j = i + 1; j < segs.Count; j++)
            {
                if (segs[i].Edge == segs[j].Edge) continue;
                Assert.False(CollinearOverlap(segs[i].A, segs[i].B, segs[j].A, segs[j].B),
                    $"edges {segs[i].Edge} and {segs[j].Edge} overlap: {segs[i].A}-{segs[i].B} and {segs[j].A}-{segs[j].B}");
            }
    }

    [Theory]
    [MemberData(nameof(Blueprints))]
    public void Cards_sit_inside_their_lane_band_and_step_column(string key)
    {
        var layout = TestFiles.Lay(key);
        foreach (var c in layout.Cards)
        {
            var band = layout.Lanes[c.LaneIndex].Band;
            var column = layout.Steps[c.StepIndex].Column;
            Assert.True(c.Rect.Y >= band.Y && c.Rect.Bottom <= band.Bottom, $"{c.Name} is outside its lane band");
            Assert.True(c.Rect.X >= column.X - 0.001 && c.Rect.Right <= column.Right + 0.001, $"{c.Name} is outside its column");
            var scene = layout.Scenes[layout.Steps[c.StepIndex].SceneIndex];
            Assert.True(c.Rect.X >= scene.Left && c.Rect.Right <= scene.Right, $"{c.Name} is outside its scene's range");
        }
        // Stacked cards of one cell are in order and do not overlap.
        foreach (var cell in layout.Cards.GroupBy(c => (c.StepIndex, c.LaneIndex)))
        {
            var list = cell.OrderBy(c => c.IndexInCell).ToList();
            for (int i = 0; i + 1 < list.Count; i++) Assert.True(list[i].Rect.Bottom < list[i + 1].Rect.Y);
        }
        // Lane bands touch and do not overlap; scenes tile the body left to right.
        for (int i = 0; i + 1 < layout.Lanes.Count; i++) Assert.Equal(layout.Lanes[i].Band.Bottom, layout.Lanes[i + 1].Band.Y, 6);
        for (int i = 0; i + 1 < layout.Scenes.Count; i++) Assert.Equal(layout.Scenes[i].Right, layout.Scenes[i + 1].Left, 6);
        Assert.Equal(layout.LabelColumn.Right, layout.Scenes[0].Left, 6);
    }

    [Fact]
    public void Rows_fit_the_tallest_cell_of_their_lane()
    {
        var layout = TestFiles.Lay("fixture:long-text.blueprint.yaml");
        // No arrows here, so every lane has the same padding: band height minus tallest cell is constant.
        var slack = layout.Lanes.Select((lane, i) =>
        {
            var cells = layout.Cards.Where(c => c.LaneIndex == i).GroupBy(c => c.StepIndex)
                .Select(g => g.Max(c => c.Rect.Bottom) - g.Min(c => c.Rect.Y)).DefaultIfEmpty(0).Max();
            return lane.Band.Height - cells;
        }).Where((_, i) => layout.Cards.Any(c => c.LaneIndex == i)).ToList();
        Assert.All(slack, s => Assert.Equal(slack[0], s, 6));
        var frontstage = layout.Lanes.Single(l => l.Id == Lane.Frontstage);
        var customer = layout.Lanes.Single(l => l.Id == Lane.Customer);
        Assert.True(frontstage.Band.Height > customer.Band.Height + 40);
    }

    [Fact]
    public void Layout_is_deterministic()
    {
        var doc = TestFiles.Read(TestFiles.PathOf("fixture:arrows.blueprint.yaml"));
        Assert.Equal(LayoutJson.Write(TestFiles.Lay(doc)), LayoutJson.Write(TestFiles.Lay(doc)));
    }

    private static bool OnBorder(Rect r, Point p)
    {
        const double e = 0.01;
        bool inX = p.X >= r.X - e && p.X <= r.Right + e, inY = p.Y >= r.Y - e && p.Y <= r.Bottom + e;
        return inX && inY && (Math.Abs(p.X - r.X) < e || Math.Abs(p.X - r.Right) < e || Math.Abs(p.Y - r.Y) < e || Math.Abs(p.Y - r.Bottom) < e);
    }

    internal static bool CollinearOverlap(Point a1, Point a2, Point b1, Point b2)
    {
        const double e = 0.01;
        bool aV = Math.Abs(a1.X - a2.X) < e, bV = Math.Abs(b1.X - b2.X) < e;
        bool aH = Math.Abs(a1.Y - a2.Y) < e, bH = Math.Abs(b1.Y - b2.Y) < e;
        if (aV && bV && Math.Abs(a1.X - b1.X) < e)
            return Math.Min(Math.Max(a1.Y, a2.Y), Math.Max(b1.Y, b2.Y)) - Math.Max(Math.Min(a1.Y, a2.Y), Math.Min(b1.Y, b2.Y)) > 0.5;
        if (aH && bH && Math.Abs(a1.Y - b1.Y) < e)
            return Math.Min(Math.Max(a1.X, a2.X), Math.Max(b1.X, b2.X)) - Math.Max(Math.Min(a1.X, a2.X), Math.Min(b1.X, b2.X)) > 0.5;
        return false;
    }
}
