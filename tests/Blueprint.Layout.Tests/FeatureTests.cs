using Blueprint.Core.Model;

namespace Blueprint.Layout.Tests;

public class SeparatorTests
{
    private static (SeparatorKind Kind, string Above, string Below)[] Lines(string key)
    {
        var layout = TestFiles.Lay(key);
        foreach (var s in layout.Separators)
        {
            Assert.Equal(layout.Lanes[s.AboveLane].Band.Bottom, s.Y, 6);
            Assert.Equal(layout.Lanes[s.AboveLane + 1].Band.Y, s.Y, 6);
            Assert.Contains(layout.Ops, op => op is PolylineOp { Stroke.IsDashed: true } l && l.Points.All(p => Math.Abs(p.Y - s.Y) < 0.001));
            Assert.Contains(layout.Ops, op => op is TextOp t && t.Text == s.Label);
        }
        return layout.Separators.Select(s => (s.Kind, layout.Lanes[s.AboveLane].Id, layout.Lanes[s.AboveLane + 1].Id)).ToArray();
    }

    [Fact]
    public void Standard_lanes_get_all_three_lines()
    {
        Assert.Equal(
            [(SeparatorKind.Interaction, Lane.Customer, Lane.Touchpoint), (SeparatorKind.Visibility, Lane.Frontstage, Lane.Backstage),
             (SeparatorKind.InternalInteraction, Lane.Backstage, Lane.Support)],
            Lines("fixture:minimal.blueprint.yaml"));
    }

    [Fact]
    public void Reversed_lanes_with_a_custom_lane_keep_the_meaning()
    {
        // support, backstage, partner, frontstage, touchpoint, customer, evidence
        Assert.Equal(
            [(SeparatorKind.Interaction, Lane.Touchpoint, Lane.Customer), (SeparatorKind.Visibility, "partner", Lane.Frontstage),
             (SeparatorKind.InternalInteraction, Lane.Support, Lane.Backstage)],
            Lines("fixture:reordered-lanes.blueprint.yaml"));
    }

    [Fact]
    public void Omitted_lanes_skip_a_line_without_both_sides()
    {
        Assert.Equal(
            [(SeparatorKind.Interaction, Lane.Customer, Lane.Touchpoint), (SeparatorKind.Visibility, Lane.Touchpoint, Lane.Backstage)],
            Lines("fixture:omitted-lanes.blueprint.yaml"));
    }

    [Fact]
    public void Custom_lane_under_the_customer_keeps_the_interaction_line_under_the_customer()
    {
        Assert.Equal(
            [(SeparatorKind.Interaction, Lane.Customer, "companion"), (SeparatorKind.Visibility, Lane.Frontstage, Lane.Backstage),
             (SeparatorKind.InternalInteraction, Lane.Backstage, Lane.Support)],
            Lines("fixture:custom-lane.blueprint.yaml"));
    }

    [Fact]
    public void Only_the_lanes_of_the_document_are_drawn_in_its_order()
    {
        var layout = TestFiles.Lay("fixture:reordered-lanes.blueprint.yaml");
        Assert.Equal(["support", "backstage", "partner", "frontstage", "touchpoint", "customer", "evidence"], layout.Lanes.Select(l => l.Id));
        Assert.Equal(Color.Parse("#ff8800"), layout.Lanes[2].CardFill);
        var omitted = TestFiles.Lay("fixture:omitted-lanes.blueprint.yaml");
        Assert.Equal(["customer", "touchpoint", "backstage"], omitted.Lanes.Select(l => l.Id));
    }
}

public class EdgeTests
{
    [Fact]
    public void Loop_arrows_are_dashed_in_their_own_colour_and_run_above_their_cards()
    {
        var layout = TestFiles.Lay("fixture:arrows.blueprint.yaml");
        var loops = layout.Edges.Where(e => e.Kind == EdgeKind.Loop).ToList();
        Assert.Equal(3, loops.Count);
        var loopOps = layout.Ops.OfType<PolylineOp>().Where(op => loops.Any(l => ReferenceEquals(l.Points, op.Points))).ToList();
        var arrowOps = layout.Ops.OfType<PolylineOp>().Where(op => layout.Edges.Any(e => e.Kind == EdgeKind.Arrow && ReferenceEquals(e.Points, op.Points))).ToList();
        Assert.Equal(3, loopOps.Count);
        Assert.All(loopOps, op => Assert.True(op.Stroke.IsDashed));
        Assert.All(arrowOps, op => Assert.False(op.Stroke.IsDashed));
        Assert.All(loopOps, op => Assert.NotEqual(arrowOps[0].Stroke.Color, op.Stroke.Color));
        foreach (var loop in loops.Where(l => l.Points.Count > 4))
        {
            double top = Math.Min(layout.Cards[loop.FromCard].Rect.Y, layout.Cards[loop.ToCard].Rect.Y);
            Assert.Contains(loop.Points, p => p.Y < top);
        }
    }

    [Fact]
    public void Every_edge_has_an_arrowhead_at_its_target()
    {
        var layout = TestFiles.Lay("fixture:arrows.blueprint.yaml");
        foreach (var e in layout.Edges)
        {
            var op = layout.Ops.OfType<PolylineOp>().Single(o => ReferenceEquals(o.Points, e.Points));
            Assert.True(op.ArrowHead > 0);
        }
    }

    [Fact]
    public void Same_step_arrows_with_nothing_between_are_straight_vertical()
    {
        var layout = TestFiles.Lay("fixture:minimal.blueprint.yaml");
        var down = layout.Edges.Single(e => layout.Cards[e.FromCard].Name == "answer");
        Assert.Equal(2, down.Points.Count);
        Assert.Equal(down.Points[0].X, down.Points[1].X, 6);
        Assert.Equal(layout.Cards[e(down.FromCard)].Rect.Bottom, down.Points[0].Y, 6);
        int e(int i) => i;
    }

    [Fact]
    public void Same_step_arrows_past_a_card_go_round_it()
    {
        var layout = TestFiles.Lay("fixture:arrows.blueprint.yaml");
        var round = layout.Edges.Single(e => e.Kind == EdgeKind.Arrow && layout.Cards[e.FromCard].Name == "a-cust");
        Assert.True(round.Points.Count >= 4);
        Assert.Empty(LayoutChecks.RouteCrossings(layout));
    }

    [Fact]
    public void The_journey_line_joins_consecutive_customer_cards()
    {
        var layout = TestFiles.Lay("fixture:arrows.blueprint.yaml");
        var journey = layout.Edges.Where(e => e.Kind == EdgeKind.Journey).ToList();
        var customerCards = layout.Cards.Select((c, i) => (c, i)).Where(x => layout.Lanes[x.c.LaneIndex].Id == Lane.Customer && x.c.IndexInCell == 0)
            .OrderBy(x => x.c.StepIndex).Select(x => x.i).ToList();
        Assert.Equal(customerCards.Zip(customerCards.Skip(1)), journey.Select(e => (e.FromCard, e.ToCard)));
        var journeyOp = layout.Ops.OfType<PolylineOp>().First(o => ReferenceEquals(o.Points, journey[0].Points));
        Assert.Equal(Themes.Light.Journey, journeyOp.Stroke);
        Assert.DoesNotContain(TestFiles.Lay("fixture:custom-lane.blueprint.yaml").Edges, e => e.Kind == EdgeKind.Journey);
    }

    [Fact]
    public void Labels_are_drawn_for_labelled_arrows()
    {
        var layout = TestFiles.Lay("fixture:arrows.blueprint.yaml");
        foreach (var e in layout.Edges.Where(e => e.Label is not null))
        {
            Assert.NotNull(e.LabelRect);
            Assert.Contains(layout.Ops, op => op is TextOp t && t.Text == e.Label && e.LabelRect!.Value.Inflate(0.01).Overlaps(t.Box));
        }
    }
}

public class CardTests
{
    [Fact]
    public void Overlong_text_is_cut_and_reported()
    {
        var layout = TestFiles.Lay("fixture:long-text.blueprint.yaml");
        var cut = Assert.Single(layout.CutCards);
        Assert.Equal("wordy.frontstage", cut.Name);
        Assert.Equal(LayoutOptions.Default.CardMaxLines, cut.Lines.Count);
        Assert.EndsWith("…", cut.Lines[^1]);

        var doc = TestFiles.Read(TestFiles.PathOf("fixture:long-text.blueprint.yaml"));
        var measurer = new FakeMeasurer();
        var cutByCheck = doc.Steps.SelectMany(s => s.Cards).Where(c => CardText.IsTextCut(c, measurer, LayoutOptions.Default)).ToList();
        Assert.Equal(cut.Lines.Take(5), CardText.Wrap(Assert.Single(cutByCheck), measurer, LayoutOptions.Default).Lines.Take(5));
    }

    [Fact]
    public void Card_text_wraps_inside_the_card()
    {
        var layout = TestFiles.Lay("example:restaurant.blueprint.yaml");
        var cardRects = layout.Cards.Select(c => c.Rect).ToList();
        foreach (var t in layout.Ops.OfType<TextOp>().Where(t => t.Region == Region.Body && t.Font.Size == LayoutOptions.Default.CardFontSize && !t.Font.Bold))
        {
            Assert.True(t.Text.Length * FakeMeasurer.CharWidth * t.Font.Size <= t.Box.Width + 0.01, t.Text);
            Assert.Contains(cardRects, r => r.X <= t.Box.X && t.Box.Right <= r.Right && r.Y <= t.Box.Y && t.Box.Bottom <= r.Bottom);
        }
    }

    [Fact]
    public void Badges_are_numbered_and_listed_in_the_notes_row()
    {
        var layout = TestFiles.Lay("fixture:badges.blueprint.yaml");
        Assert.Equal([["P1"], ["F2"], ["W2"]], layout.Cards.Where(c => c.Badges.Count > 0).Select(c => c.Badges.Select(b => b.Label).ToArray()));
        var texts = layout.Ops.OfType<TextOp>().Select(t => t.Text).ToList();
        foreach (var label in new[] { "F1", "W1", "P1", "F2", "W2" }) Assert.True(texts.Count(t => t == label) >= 2, label);
        Assert.Contains("The whole step can break", texts);
        Assert.Contains("Policy: Serve in order of arrival", texts);
        Assert.Contains("Metric: Queue length", texts);
        Assert.Contains("Note: Most pay by phone", texts);
        foreach (var kind in new[] { "Fail point", "Wait point", "Pain point" })
            Assert.Contains(layout.Ops, op => op is TextOp { Region: Region.Legend } t && t.Text == kind);
    }

    [Fact]
    public void Urls_become_link_areas()
    {
        var layout = TestFiles.Lay("fixture:badges.blueprint.yaml");
        var links = layout.Ops.OfType<LinkOp>().ToList();
        Assert.Contains(links, l => l.Url == "https://example.com/till" && l.Rect == layout.Cards.Single(c => c.Url is not null).Rect);
        Assert.Contains(links, l => l.Url == "https://example.com/two" && l.Rect == layout.Steps[1].Header);
    }

    [Fact]
    public void Emotion_curve_has_a_point_per_step_with_an_emotion()
    {
        var layout = TestFiles.Lay("example:coffee-shop.blueprint.yaml");
        var circles = layout.Ops.OfType<CircleOp>().ToList();
        Assert.Equal(5, circles.Count);
        Assert.True(circles[2].Center.Y > circles[0].Center.Y);   // -2 below -1
        Assert.True(circles[3].Center.Y < circles[1].Center.Y);   // +1 above 0
        Assert.Empty(TestFiles.Lay("fixture:omitted-lanes.blueprint.yaml").Ops.OfType<CircleOp>());
    }

    [Fact]
    public void Header_shows_title_goal_and_persona()
    {
        var layout = TestFiles.Lay("example:restaurant.blueprint.yaml");
        var header = layout.Ops.OfType<TextOp>().Where(t => t.Region == Region.Header).Select(t => t.Text).ToList();
        Assert.Contains("Dinner at a restaurant", header);
        Assert.Contains("Goal", header);
        Assert.Contains("Persona", header);
        Assert.Contains("Couple on a Friday night", header);
        Assert.Contains(layout.Ops, op => op is TextOp { Region: Region.Body } t && t.Text == "Arrival");
        Assert.Contains(layout.Ops, op => op is TextOp { Region: Region.Body } t && t.Text == "1h15m");
    }
}

public class RegionTests
{
    public static TheoryData<string> Blueprints => TestFiles.AllBlueprints();

    [Theory]
    [MemberData(nameof(Blueprints))]
    public void Every_card_arrow_step_and_lane_is_one_group_of_its_own_drawing(string key)
    {
        var layout = TestFiles.Lay(key);
        var groups = new List<(GroupOp Group, List<DrawOp> Ops)>();
        List<DrawOp>? open = null;
        foreach (var op in layout.Ops)
        {
            switch (op)
            {
                case GroupOp g:
                    Assert.Null(open);
                    groups.Add((g, open = []));
                    break;
                case EndGroupOp end:
                    Assert.NotNull(open);
                    Assert.Equal(groups[^1].Group.Region, end.Region);
                    open = null;
                    break;
                default:
                    if (open is not null) { Assert.Equal(groups[^1].Group.Region, op.Region); open.Add(op); }
                    break;
            }
        }
        Assert.Null(open);
        string Data(GroupOp g, string name) => g.Data.Single(d => d.Key == name).Value;
        var cards = groups.Where(g => g.Group.Kind == "card").ToList();
        Assert.Equal(layout.Cards.Select(c => c.Name), cards.Select(g => Data(g.Group, "id")));
        // Each card's group holds its box, first.
        Assert.Equal(layout.Cards.Select(c => c.Rect), cards.Select(g => ((RectOp)g.Ops[0]).Rect));
        Assert.Equal(layout.Cards.Select(c => layout.Lanes[c.LaneIndex].Id), cards.Select(g => Data(g.Group, "lane")));
        Assert.Equal(layout.Steps.Select(s => s.Id), groups.Where(g => g.Group.Kind == "step").Select(g => Data(g.Group, "id")));
        Assert.Equal(layout.Lanes.Select(l => l.Id), groups.Where(g => g.Group.Kind == "lane").Select(g => Data(g.Group, "id")));
        Assert.Equal(layout.Lanes.Select(l => l.Id), groups.Where(g => g.Group.Kind == "lane-label").Select(g => Data(g.Group, "id")));
        var arrows = groups.Where(g => g.Group.Kind == "arrow").Select(g => (Data(g.Group, "from"), Data(g.Group, "to"))).Order().ToList();
        Assert.Equal(layout.Edges.Select(e => (layout.Cards[e.FromCard].Name, layout.Cards[e.ToCard].Name)).Order(), arrows);
        Assert.All(groups.Where(g => g.Group.Kind == "arrow"), g => Assert.IsType<PolylineOp>(Assert.Single(g.Ops)));
    }

    [Theory]
    [MemberData(nameof(Blueprints))]
    public void Label_column_and_body_ops_stay_on_their_side(string key)
    {
        var layout = TestFiles.Lay(key);
        double split = layout.LabelColumn.Right;
        // A group's markers draw nothing and have no place.
        foreach (var op in layout.Ops.Where(o => o is not (GroupOp or EndGroupOp)))
        {
            var (x0, x1) = Extent(op);
            if (op.Region == Region.Labels) Assert.True(x0 >= layout.LabelColumn.X - 0.01 && x1 <= split + 0.01, $"{op} leaves the label column");
            if (op.Region == Region.Body) Assert.True(x0 >= split - 0.01 && x1 <= layout.Width, $"{op} reaches into the label column");
        }
    }

    private static (double, double) Extent(DrawOp op) => op switch
    {
        RectOp r => (r.Rect.X, r.Rect.Right),
        TextOp t => (t.Box.X, t.Box.Right),
        LinkOp l => (l.Rect.X, l.Rect.Right),
        CircleOp c => (c.Center.X - c.Radius, c.Center.X + c.Radius),
        PolylineOp p => (p.Points.Min(q => q.X), p.Points.Max(q => q.X)),
        _ => (0, 0),
    };

    [Fact]
    public void Texts_no_font_can_show_are_reported()
    {
        var doc = TestFiles.Parse("glyphs.blueprint.yaml", "blueprint: Glyphs\nscenes:\n  - scene: S\n    steps:\n      - step: One\n        customer: \"Pays with \\uE000\"\n");
        var layout = TestFiles.Lay(doc);
        Assert.Equal(["Pays with \uE000"], layout.MissingGlyphs);
        Assert.Empty(TestFiles.Lay("fixture:minimal.blueprint.yaml").MissingGlyphs);
    }
}

public class ThemeTests
{
    [Fact]
    public void Dark_differs_from_light()
    {
        var light = TestFiles.Lay("example:restaurant.blueprint.yaml", Themes.Light);
        var dark = TestFiles.Lay("example:restaurant.blueprint.yaml", Themes.Dark);
        Assert.NotEqual(light.Background, dark.Background);
        Assert.NotEqual(light.Lanes[1].CardFill, dark.Lanes[1].CardFill);
        Assert.True(dark.Background.Luminance < 0.1);
        Assert.Equal(light.Cards.Select(c => c.Rect), dark.Cards.Select(c => c.Rect));
    }

    [Fact]
    public void Print_uses_only_greys_and_tells_lines_apart_by_dash()
    {
        var layout = TestFiles.Lay("fixture:arrows.blueprint.yaml", Themes.Print);
        var colours = layout.Ops.SelectMany(Colours).Append(layout.Background).Concat(TestFiles.Lay("fixture:reordered-lanes.blueprint.yaml", Themes.Print).Ops.SelectMany(Colours));
        Assert.All(colours, c => Assert.True(c.R == c.G && c.G == c.B, $"{c} is not grey"));
        var dashes = new[] { Themes.Print.Arrow, Themes.Print.LoopArrow, Themes.Print.Journey, Themes.Print.Separator }
            .Select(s => string.Join(",", s.Dash)).ToList();
        Assert.Equal(dashes.Count, dashes.Distinct().Count());
        // Adjacent lanes differ in grey level.
        for (int i = 0; i + 1 < layout.Lanes.Count; i++) Assert.NotEqual(layout.Lanes[i].Fill, layout.Lanes[i + 1].Fill);
    }

    private static IEnumerable<Color> Colours(DrawOp op) => op switch
    {
        RectOp r => new[] { r.Fill, r.Stroke?.Color }.OfType<Color>(),
        PolylineOp l => [l.Stroke.Color],
        TextOp t => [t.Color],
        CircleOp c => new[] { c.Fill, c.Stroke?.Color }.OfType<Color>(),
        _ => [],
    };

    [Fact]
    public void Themes_are_found_by_name()
    {
        Assert.Same(Themes.Dark, Themes.ByName("DARK"));
        Assert.Null(Themes.ByName("neon"));
    }
}

public class ScaleTests
{
    [Fact]
    public void A_thousand_steps_lay_out_and_the_display_list_grows_linearly()
    {
        var small = DiagramLayouter.Layout(Generated.Blueprint(100), LayoutOptions.Default, new FakeMeasurer());
        var large = DiagramLayouter.Layout(Generated.Blueprint(1000), LayoutOptions.Default, new FakeMeasurer());
        Assert.Equal(6000, large.Cards.Count);
        double ratio = (double)large.Ops.Count / small.Ops.Count;
        Assert.InRange(ratio, 9.5, 10.5);
        Assert.InRange(large.Width / small.Width, 9, 11);
        Assert.Empty(LayoutChecks.RouteCrossings(large));
        Assert.Empty(LayoutChecks.LabelOverlaps(large));
        Assert.Empty(LayoutChecks.SceneDividerOverlaps(large));
        Assert.Empty(LayoutChecks.LabelSeparatorCrossings(large));
        Assert.Equal(100, large.Scenes.Count);
    }

    [Fact]
    public void Measuring_is_linear_in_cards()
    {
        var m100 = new FakeMeasurer();
        var m1000 = new FakeMeasurer();
        DiagramLayouter.Layout(Generated.Blueprint(100), LayoutOptions.Default, m100);
        DiagramLayouter.Layout(Generated.Blueprint(1000), LayoutOptions.Default, m1000);
        Assert.InRange((double)m1000.Calls / m100.Calls, 9, 10.5);
    }

    [Fact]
    public void Empty_documents_do_not_crash()
    {
        var layout = DiagramLayouter.Layout(new BlueprintDocument { Title = "Nothing" }, LayoutOptions.Default, new FakeMeasurer());
        Assert.Empty(layout.Cards);
        Assert.True(layout.Width > 0 && layout.Height > 0);
        var noLanes = DiagramLayouter.Layout(Generated.Blueprint(3) with { Lanes = [] }, LayoutOptions.Default, new FakeMeasurer());
        Assert.Empty(noLanes.Cards);
    }
}
