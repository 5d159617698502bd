using System.Text;
using System.Text.RegularExpressions;
using Blueprint.Layout;
using Blueprint.Tests;

namespace Blueprint.Rendering.Tests;

/// <summary>PDF pages: one when the diagram fits, else pages of whole scenes that repeat the lane labels.</summary>
public sealed partial class PaginationTests
{
    private const double Tolerance = 1e-6;

    [Fact]
    public void A_diagram_below_the_page_limit_is_one_page_of_its_own_size()
    {
        var layout = Diagrams.Layout("restaurant.blueprint.yaml");
        Assert.True(layout.Width < Pagination.MaxPdfPageSide);

        var page = Assert.Single(Pagination.Plan(layout, null));

        Assert.Equal((layout.Width, layout.Height, 1.0), (page.Width, page.Height, page.Scale));
        Assert.Equal((0, layout.Scenes.Count), (page.FirstScene, page.SceneCount));
    }

    [Fact]
    public void A_long_diagram_splits_into_pages_of_whole_scenes()
    {
        var layout = Diagrams.Generated1000;
        Assert.True(layout.Width > Pagination.MaxPdfPageSide);

        var pages = Pagination.Plan(layout, null);

        Assert.True(pages.Count > 1, $"{pages.Count} page(s)");
        AssertWholeScenesInOrder(layout, pages);
        foreach (var page in pages)
        {
            Assert.InRange(page.Width, 1, Pagination.MaxPdfPageSide + Tolerance);
            Assert.InRange(page.Height, 1, Pagination.MaxPdfPageSide + Tolerance);
            Assert.Equal(1, page.Scale);
        }
        // Pages are filled: the next scene would not have fitted on each page but the last.
        for (int i = 0; i + 1 < pages.Count; i++)
        {
            var next = layout.Scenes[pages[i + 1].FirstScene];
            double widthWithNext = layout.LabelColumn.Right + (next.Right - pages[i].BodyLeft) + (layout.Width - layout.Scenes[^1].Right);
            Assert.True(widthWithNext > Pagination.MaxPdfPageSide, $"page {i + 1} could have held one more scene");
        }
    }

    /// <summary>1,000 steps in scenes of five: each scene fits across a landscape page of any paper size at 6 pt card text.</summary>
    private static readonly Lazy<DiagramLayout> FiveStepScenes = new(() =>
        DiagramLayouter.Layout(Blueprint.Layout.Tests.Generated.Blueprint(1000, stepsPerScene: 5), LayoutOptions.Default, new Blueprint.Layout.Tests.FakeMeasurer()));

    [Theory]
    [InlineData("a4")]
    [InlineData("a3")]
    [InlineData("letter")]
    public void A_paper_size_gives_landscape_pages_of_whole_scenes(string paper)
    {
        var layout = FiveStepScenes.Value;
        var size = PageSize.Find(paper)!;

        var pages = Pagination.Plan(layout, size);

        Assert.True(pages.Count > 1);
        AssertWholeScenesInOrder(layout, pages);
        foreach (var page in pages)
        {
            Assert.Equal(Math.Max(size.Width, size.Height), page.Width, Tolerance);
            Assert.Equal(Math.Min(size.Width, size.Height), page.Height, Tolerance);
            // Labels and the page's scenes fit across, the diagram's height fits down.
            double across = (layout.LabelColumn.Right + (page.BodyRight - page.BodyLeft)) * page.Scale;
            Assert.True(across <= page.Width + Tolerance, $"scenes {page.FirstScene}..: {across} > {page.Width}");
            Assert.True(layout.Height * page.Scale <= page.Height + Tolerance);
        }
    }

    [Theory]
    [InlineData("a4")]
    [InlineData("letter")]
    public void A_scene_wider_than_a_page_continues_on_the_next_page_and_card_text_stays_at_6_pt(string paper)
    {
        // Ten steps a scene: on a landscape A4 page a whole scene would need card text of about 4 pt.
        var layout = Diagrams.Generated1000;
        var pages = Pagination.Plan(layout, PageSize.Find(paper));

        int next = 0;
        foreach (var page in pages)
        {
            Assert.True(page.Scale * layout.CardFontSize >= Pagination.MinCardTextSize - Tolerance, $"card text at {page.Scale * layout.CardFontSize} pt");
            Assert.Equal(next, page.FirstStep);
            Assert.True(page.StepCount >= 1);
            Assert.Equal(layout.Steps[page.FirstStep].SceneIndex, page.FirstScene);
            Assert.Equal(layout.Steps[page.FirstStep + page.StepCount - 1].SceneIndex, page.FirstScene + page.SceneCount - 1);
            Assert.True((layout.LabelColumn.Right + (page.BodyRight - page.BodyLeft)) * page.Scale <= page.Width + Tolerance);
            next += page.StepCount;
        }
        Assert.Equal(layout.Steps.Count, next);

        var split = Pagination.SplitScenes(layout, pages);
        Assert.NotEmpty(split);
        foreach (var scene in split)
        {
            // The scene starts a page and continues on the next ones: those hold only its steps, up to where it ends.
            var box = layout.Scenes[scene.Scene];
            Assert.True(scene.LastPage > scene.FirstPage);
            Assert.Equal(box.FirstStep, pages[scene.FirstPage - 1].FirstStep);
            for (int p = scene.FirstPage; p < scene.LastPage; p++) Assert.Equal(scene.Scene, pages[p].FirstScene);
            var last = pages[scene.LastPage - 1];
            Assert.Equal(box.FirstStep + box.StepCount, last.FirstStep + last.StepCount);
        }
    }

    [Fact]
    public void A_split_scene_repeats_its_header_marked_as_continued_with_card_text_never_below_6_pt()
    {
        var layout = Diagrams.Layout(Repo.PathOf("tests", "Fixtures", "paged", "wide-scene.blueprint.yaml"));
        var pages = Pagination.Plan(layout, PageSize.Find("a4"));
        var (pdf, result) = Diagrams.Render(layout, OutputFormat.Pdf, page: "a4");
        var split = Assert.Single(Pagination.SplitScenes(layout, pages));
        Assert.Equal(("The guided tour of the whole building", 2, 3), (split.Name, split.FirstPage, split.LastPage));
        Assert.Equal(4, result.Pages);
        Assert.Equal(["scene 'The guided tour of the whole building' continues over pages 2-3: it does not fit across one A4 page with card text at 6 pt or larger"], result.PageNotes);

        Assert.DoesNotContain("continued", PdfText.Extract(pdf, 2), StringComparison.Ordinal);
        Assert.Contains("The guided tour of the whole building (continued)", PdfText.Extract(pdf, 3), StringComparison.Ordinal);
        for (int p = 1; p <= pages.Count; p++)
        {
            var words = PdfWords.OnPage(pdf, p);
            var page = pages[p - 1];
            var cardWords = layout.Cards.Where(c => c.StepIndex >= page.FirstStep && c.StepIndex < page.FirstStep + page.StepCount)
                .SelectMany(c => c.Lines).SelectMany(l => l.Split(' ')).ToHashSet();
            var drawn = words.Where(w => cardWords.Contains(w.Text)).ToList();
            Assert.NotEmpty(drawn);
            // A word's box is the font size times DejaVu Sans's ascent plus descent (0.928 + 0.236 em).
            double smallest = drawn.Min(w => w.Height) / 1.164;
            Assert.True(smallest >= Pagination.MinCardTextSize - 0.01, $"page {p}: card text at {smallest:0.00} pt");
            // The scene's header is on each of its pages, inside the page.
            if (p is 2 or 3)
            {
                var header = Assert.Single(words, w => w.Text == "building");
                Assert.InRange(header.XMax, 0, page.Width);
            }
        }
    }

    [Fact]
    public void A_split_scene_is_marked_as_continued_in_the_blueprint_s_language()
    {
        string yaml = File.ReadAllText(Repo.PathOf("tests", "Fixtures", "paged", "wide-scene.blueprint.yaml")).Replace("blueprint: A long walk", "blueprint: A long walk\nlang: nl");
        var layout = Diagrams.Layout(Diagrams.ReadText(yaml));

        var (pdf, _) = Diagrams.Render(layout, OutputFormat.Pdf, page: "a4");

        Assert.Contains("The guided tour of the whole building (vervolg)", PdfText.Extract(pdf, 3), StringComparison.Ordinal);
    }

    [Fact]
    public void A_diagram_too_tall_for_the_paper_at_6_pt_gets_taller_pages_and_says_so()
    {
        // Twice an A4 page's height at the 6 pt floor: the paper's width is kept, its height is not.
        var layout = FiveStepScenes.Value with { Height = 2 * 595.28 / 0.6 };
        var a4 = PageSize.Find("a4")!;

        var pages = Pagination.Plan(layout, a4);

        Assert.All(pages, page =>
        {
            Assert.Equal(0.6, page.Scale, Tolerance);
            Assert.Equal(841.89, page.Width, Tolerance);
            Assert.Equal(layout.Height * 0.6, page.Height, Tolerance);
        });
        Assert.Equal(["pages are 1191 pt tall, taller than A4: the diagram does not fit down one A4 page with card text at 6 pt or larger"], DiagramRenderer.PageNotes(layout, pages, a4));
    }

    [Fact]
    public void A_page_marks_the_groups_of_what_it_draws_and_no_others()
    {
        var layout = Diagrams.Generated1000;
        var pages = Pagination.Plan(layout, null);
        var page = pages[1];
        var canvas = new GroupCounter();

        Pagination.PaintPage(layout, page, canvas);

        var cardsOnPage = layout.Cards.Where(c => c.StepIndex >= page.FirstStep && c.StepIndex < page.FirstStep + page.StepCount).Select(c => c.Name).ToHashSet();
        var cardGroups = canvas.Groups.Where(g => g.Kind == "card").Select(g => g.Id).ToList();
        Assert.NotEmpty(cardGroups);
        Assert.All(cardGroups, id => Assert.Contains(id!, cardsOnPage));
        Assert.Equal(canvas.Groups.Count, canvas.Ends);
    }

    /// <summary>Records the groups a page begins and draws nothing.</summary>
    private sealed class GroupCounter : IDiagramCanvas
    {
        public List<(string Kind, string? Id)> Groups { get; } = [];
        public int Ends { get; private set; }
        public void BeginPage(double width, double height) { }
        public void DrawRectangle(double x, double y, double width, double height, Color? fill, Stroke? stroke = null, double cornerRadius = 0) { }
        public void DrawEllipse(double centerX, double centerY, double radiusX, double radiusY, Color? fill, Stroke? stroke = null) { }
        public void DrawPolyline(IReadOnlyList<(double X, double Y)> points, Stroke stroke, double arrowHead = 0) { }
        public void DrawText(string text, double x, double top, FontSpec font, Color color, TextAlign align = TextAlign.Start) { }
        public void AddLink(double x, double y, double width, double height, string url) { }
        public void BeginView(double clipX, double clipY, double clipWidth, double clipHeight, double offsetX, double offsetY, double scale) { }
        public void EndView() { }
        public void BeginGroup(string kind, IReadOnlyList<KeyValuePair<string, string>> data) =>
            Groups.Add((kind, data.FirstOrDefault(d => d.Key == "id").Value));
        public void EndGroup() => Ends++;
        public void Finish() { }
        public void Dispose() { }
    }

    [Fact]
    public void A_small_diagram_on_paper_is_still_paginated_by_scene()
    {
        var layout = Diagrams.Layout("restaurant.blueprint.yaml");

        var pages = Pagination.Plan(layout, PageSize.Find("a4"));

        Assert.True(pages.Count > 1);
        AssertWholeScenesInOrder(layout, pages);
    }

    [Fact]
    public void Every_a4_page_repeats_the_lane_labels_and_shows_only_its_scenes()
    {
        var layout = Diagrams.Layout("restaurant.blueprint.yaml");
        var pages = Pagination.Plan(layout, PageSize.Find("a4"));
        var (pdf, result) = Diagrams.Render(layout, OutputFormat.Pdf, page: "a4");

        Assert.Equal(pages.Count, result.Pages);
        Assert.Equal(pages.Count, PageObject().Count(Encoding.Latin1.GetString(pdf)));
        for (int i = 0; i < pages.Count; i++)
        {
            string text = PdfText.Extract(pdf, i + 1);
            foreach (var lane in layout.Lanes) Assert.Contains(lane.Name, text, StringComparison.Ordinal);
            for (int s = 0; s < layout.Steps.Count; s++)
            {
                var step = layout.Steps[s];
                bool onPage = step.SceneIndex >= pages[i].FirstScene && step.SceneIndex < pages[i].FirstScene + pages[i].SceneCount;
                var card = layout.Cards.First(c => c.StepIndex == s);
                string cardText = PdfText.Normalize(string.Join(' ', card.Lines));
                if (onPage) Assert.Contains(cardText, text, StringComparison.Ordinal);
                else Assert.DoesNotContain(cardText, text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Operations_are_kept_by_their_horizontal_reach()
    {
        var stroke = new Stroke(new Color(0, 0, 0), 1);
        var rect = new RectOp(Region.Body, new Rect(100, 0, 50, 10), null, stroke);
        var line = new PolylineOp(Region.Body, [new Point(10, 0), new Point(500, 0), new Point(500, 40)], stroke);

        Assert.True(Pagination.Reaches(rect, 140, 300));
        Assert.False(Pagination.Reaches(rect, 151, 300));
        Assert.True(Pagination.Reaches(line, 200, 300));
        Assert.False(Pagination.Reaches(line, 501, 600));
    }

    [Fact]
    public void A_long_dashed_line_is_cut_to_the_page_where_its_pattern_starts_over()
    {
        var dashed = new Stroke(new Color(0, 0, 0), 1, [6, 4]);
        var rule = new PolylineOp(Region.Body, [new Point(0, 20), new Point(100_000, 20)], dashed);

        var cut = Pagination.Trim(rule, 5_000, 6_000);

        Assert.Equal(2, cut.Points.Count);
        var (start, end) = (cut.Points[0], cut.Points[1]);
        Assert.InRange(start.X, 4_900, 5_000 - 50);
        Assert.Equal(0, start.X % 10, 1e-9);
        Assert.InRange(end.X, 6_000 + 50, 6_100);
        Assert.Equal((20.0, 20.0), (start.Y, end.Y));
    }

    [Fact]
    public void A_long_polyline_keeps_its_corners_near_the_page()
    {
        var stroke = new Stroke(new Color(0, 0, 0), 1.5);
        var points = Enumerable.Range(0, 1_000).Select(i => new Point(i * 100, i % 2 * 30)).ToList();
        var curve = new PolylineOp(Region.Body, points, stroke);

        var cut = Pagination.Trim(curve, 20_000, 21_000);

        Assert.True(cut.Points.Count < 20, $"{cut.Points.Count} points");
        foreach (var corner in points.Where(p => p.X >= 20_000 && p.X <= 21_000)) Assert.Contains(corner, cut.Points);
        Assert.True(cut.Points[0].X < 20_000 && cut.Points[^1].X > 21_000);
    }

    [Fact]
    public void Arrows_and_lines_inside_the_page_are_not_cut()
    {
        var stroke = new Stroke(new Color(0, 0, 0), 1);
        var arrow = new PolylineOp(Region.Body, [new Point(0, 0), new Point(10_000, 0)], stroke, ArrowHead: 8);
        var inside = new PolylineOp(Region.Body, [new Point(100, 0), new Point(200, 0)], stroke);

        Assert.Same(arrow, Pagination.Trim(arrow, 5_000, 6_000));
        Assert.Same(inside, Pagination.Trim(inside, 0, 300));
    }

    private static void AssertWholeScenesInOrder(DiagramLayout layout, IReadOnlyList<PagePlan> pages)
    {
        int next = 0;
        foreach (var page in pages)
        {
            Assert.Equal(next, page.FirstScene);
            Assert.True(page.SceneCount >= 1);
            Assert.Equal(layout.Scenes[page.FirstScene].Left, page.BodyLeft);
            Assert.Equal(layout.Scenes[page.FirstScene + page.SceneCount - 1].Right, page.BodyRight);
            next += page.SceneCount;
        }
        Assert.Equal(layout.Scenes.Count, next);
    }

    [GeneratedRegex(@"/Type\s*/Page[^s]")]
    private static partial Regex PageObject();
}
