using System.Text;
using Blueprint.Layout;
using Blueprint.Rendering.Text;

namespace Blueprint.Rendering.Tests.Text;

/// <summary>
/// Text in the world's scripts as a reader expects it: right-to-left words in place, joined Arabic letters, CJK broken
/// between ideographs but not before closing punctuation, emoji sequences and combining marks kept whole, fallback
/// fonts per cluster. CJK and emoji need fonts beyond DejaVu (`./test.sh` installs Droid Sans Fallback and Noto Color
/// Emoji).
/// </summary>
public sealed class MixedScriptTests
{
    private static readonly FontSpec Font = new("DejaVu Sans", 10);
    private readonly TextEngine _engine = new();

    private static string TextOf(GlyphRun run) => Encoding.UTF8.GetString(run.Utf8);

    [Fact]
    public void A_hebrew_word_inside_an_english_line_is_reversed_in_place()
    {
        var line = ShapedLines.Shape("The word שלום stays", Font);

        var texts = line.Runs.Select(TextOf).ToList();
        int at = texts.IndexOf("שלום");
        Assert.Equal("The word ", string.Concat(texts.Take(at)));
        Assert.Equal(" stays", string.Concat(texts.Skip(at + 1)));
        var hebrew = line.Runs[at];
        // Drawn left to right on the page, the glyphs show the word from its last letter to its first.
        Assert.True(hebrew.Positions.Zip(hebrew.Positions.Skip(1)).All(p => p.First.X < p.Second.X));
        Assert.True(hebrew.Clusters.Zip(hebrew.Clusters.Skip(1)).All(c => c.First > c.Second), string.Join(",", hebrew.Clusters));
        // The English words keep their order around it.
        Assert.True(line.Runs[at - 1].Positions[^1].X < hebrew.Positions[0].X && hebrew.Positions[^1].X < line.Runs[at + 1].Positions[0].X);
    }

    [Fact]
    public void An_english_word_inside_a_hebrew_line_keeps_its_letters_in_order_and_the_line_runs_right_to_left()
    {
        var line = ShapedLines.Shape("שלום world עולם", Font);

        // Read from the right: "שלום", then "world" (its letters left to right), then "עולם" at the left.
        var texts = line.Runs.Select(TextOf).ToList();
        Assert.Equal("עולם", texts[0]);
        Assert.Equal("שלום", texts[^1].Trim());
        Assert.Equal("world", string.Concat(texts.Skip(1).SkipLast(1)).Trim());
        var world = line.Runs.Single(r => TextOf(r) == "world");
        Assert.True(world.Clusters.Zip(world.Clusters.Skip(1)).All(c => c.First < c.Second));
        Assert.True(ShapedLines.IsRightToLeft("שלום world עולם"));
        Assert.False(ShapedLines.IsRightToLeft("world שלום"));
    }

    [Fact]
    public void Every_line_of_a_right_to_left_paragraph_starts_at_the_right_of_its_card()
    {
        var document = Diagrams.ReadText("""
            blueprint: Directions
            scenes:
              - scene: One
                steps:
                  - step: Only
                    customer: שלום עולם, Booking system confirms the table for tonight
                    frontstage: Hello world, שלום inside an English card
            """);
        var layout = DiagramLayouter.Layout(document, LayoutOptions.Default, _engine);
        var hebrew = layout.Cards.Single(c => c.Lines[0].StartsWith('ש'));
        var english = layout.Cards.Single(c => c.Lines[0].StartsWith('H'));
        List<TextOp> LinesOf(CardBox card) => [.. layout.Ops.OfType<TextOp>().Where(t => card.Lines.Contains(t.Text) && card.Rect.Overlaps(t.Box))];

        var hebrewLines = LinesOf(hebrew);
        var englishLines = LinesOf(english);
        Assert.True(hebrewLines.Count >= 2, "the Hebrew paragraph should wrap");
        // Its English-only lines too: the paragraph's direction aligns them all, as in CSS.
        Assert.All(hebrewLines, t => Assert.Equal(TextAlign.End, t.Align));
        Assert.All(englishLines, t => Assert.Equal(TextAlign.Start, t.Align));
    }

    [Fact]
    public void Arabic_letters_take_their_joined_forms()
    {
        var word = ShapedLines.Shape("مرحبا", Font);
        var meem = ShapedLines.Shape("م", Font);

        Assert.Single(word.Runs);
        // The word's first letter (drawn rightmost) is an initial form, not the isolated letter.
        Assert.NotEqual(meem.Runs[0].Glyphs[0], word.Runs[0].Glyphs[^1]);
        Assert.Equal(0, _engine.Wrap("مرحبا بالعالم", Font, double.PositiveInfinity, 0).MissingGlyphs);
    }

    [Fact]
    public void Accented_latin_measures_the_same_composed_or_decomposed()
    {
        double composed = _engine.Wrap("Crème brûlée", Font, double.PositiveInfinity, 0).Width;
        double decomposed = _engine.Wrap("Cre\u0300me bru\u0302le\u0301e", Font, double.PositiveInfinity, 0).Width;

        Assert.Equal(composed, decomposed, 2);
    }

    [Fact]
    public void A_long_word_is_never_cut_between_a_letter_and_its_mark()
    {
        string word = string.Concat(Enumerable.Repeat("e\u0301a\u0308", 20));
        var wrapped = _engine.Wrap(word, Font, 50, 0);

        Assert.True(wrapped.Lines.Count > 2);
        Assert.All(wrapped.Lines, line => Assert.False(char.GetUnicodeCategory(line[0]) == System.Globalization.UnicodeCategory.NonSpacingMark, line));
        Assert.Equal(word, string.Concat(wrapped.Lines));
    }

    [Fact]
    public void Chinese_wraps_between_ideographs_in_a_fallback_font()
    {
        const string text = "顾客在柜台点了一杯咖啡然后等待叫号取餐";
        var wrapped = _engine.Wrap(text, Font, 60, 0);

        Assert.Equal(0, wrapped.MissingGlyphs);
        Assert.True(wrapped.Lines.Count >= 3, string.Join(" | ", wrapped.Lines));
        Assert.Equal(text, string.Concat(wrapped.Lines));
        Assert.All(wrapped.Lines, line => Assert.InRange(_engine.Wrap(line, Font, double.PositiveInfinity, 0).Width, 1, 60));
        var line = ShapedLines.Get(wrapped.Lines[0], Font);
        Assert.NotEqual("DejaVu Sans", line.Runs[0].Face.FamilyName);
    }

    [Fact]
    public void Japanese_closing_brackets_and_stops_never_start_a_line()
    {
        const string text = "日本語のテキストも「括弧」と一緒に、句読点。も正しく折り返されます";
        foreach (var width in new[] { 40.0, 55, 70, 85, 100 })
        {
            var lines = _engine.Wrap(text, Font, width, 0).Lines;
            Assert.Equal(text, string.Concat(lines));
            Assert.All(lines.Skip(1), line => Assert.DoesNotContain(line[0], "」、。"));
            Assert.All(lines.SkipLast(1), line => Assert.NotEqual('「', line[^1]));
        }
    }

    [Fact]
    public void An_emoji_sequence_is_one_cluster_in_one_font()
    {
        const string family = "👨\u200D👩\u200D👧";
        var line = ShapedLines.Shape($"a {family} b", Font);

        Assert.Equal(0, _engine.Wrap(family, Font, double.PositiveInfinity, 0).MissingGlyphs);
        var run = Assert.Single(line.Runs, r => TextOf(r).Contains('\u200D'));
        Assert.Equal(family, TextOf(run));
        // The font joins the three people into one picture.
        Assert.Single(run.Glyphs);
        Assert.NotEqual("DejaVu Sans", run.Face.FamilyName);
    }

    [Fact]
    public void A_flag_and_a_skin_tone_stay_whole_when_a_line_is_cut_between_characters()
    {
        string text = string.Concat(Enumerable.Repeat("🇳🇱👍🏽", 12));
        var wrapped = _engine.Wrap(text, Font, 40, 0);

        Assert.True(wrapped.Lines.Count > 1);
        Assert.Equal(text, string.Concat(wrapped.Lines));
        // A flag is two regional indicators and a thumb with its skin tone two characters, each pair four UTF-16 units.
        Assert.All(wrapped.Lines, line => Assert.True(line.Length % 4 == 0, line));
    }

    [Fact]
    public void A_character_no_font_has_is_counted_once_per_cluster()
    {
        Assert.Equal(2, _engine.Wrap("a\uE000b\uE001\u0301c", Font, double.PositiveInfinity, 0).MissingGlyphs);
    }

    [Fact]
    public void Svg_writes_a_right_to_left_line_with_its_direction()
    {
        var svg = Encoding.UTF8.GetString(CanvasTestDrawing.Render(s => new SvgCanvas(s), canvas =>
        {
            canvas.BeginPage(200, 50);
            canvas.DrawText("שלום עולם", 190, 10, Font, Color.Black, TextAlign.End);
            canvas.DrawText("Hello", 10, 30, Font, Color.Black);
            canvas.Finish();
        }));

        Assert.Contains("direction=\"rtl\" text-anchor=\"start\" xml:space=\"preserve\">שלום עולם<", svg);
        Assert.DoesNotContain("direction=\"rtl\" xml:space=\"preserve\">Hello", svg);
        Assert.Contains("xml:space=\"preserve\">Hello<", svg);
    }
}
