using Blueprint.Layout;

namespace Blueprint.Layout.Tests;

/// <summary>Facing cards of different heights are joined by a level line, not a jog of a few points.</summary>
public sealed class LevelRouteTests
{
    [Fact]
    public void The_journey_between_a_tall_and_a_short_card_runs_level()
    {
        var document = TestFiles.Parse("level.blueprint.yaml", """
            blueprint: Level
            scenes:
              - scene: One
                steps:
                  - step: First
                    customer: Describes the symptoms at length and asks for an appointment soon
                  - step: Second
                    customer: Reads it
                  - step: Third
                    customer: Describes the symptoms at length and asks for an appointment soon
            """);
        var layout = DiagramLayouter.Layout(document, LayoutOptions.Default, new FakeMeasurer());

        Assert.NotEqual(layout.Cards[0].Rect.Height, layout.Cards[1].Rect.Height);
        var journeys = layout.Edges.Where(e => e.Kind == EdgeKind.Journey).ToList();
        Assert.Equal(2, journeys.Count);
        foreach (var edge in journeys)
        {
            Assert.Equal(2, edge.Points.Count);
            Assert.Equal(edge.Points[0].Y, edge.Points[1].Y);
            Assert.Equal(layout.Cards[1].Rect.CenterY, edge.Points[0].Y, 6);
        }
    }
}
