using Blueprint.Layout;
using Blueprint.Rendering.Text;

namespace Blueprint.Rendering.Tests;

/// <summary><see cref="TextEngine"/> as the layout measures with it: wrapping, truncation, metrics and threads.</summary>
public sealed class TextEngineTests
{
    private const string LongText = "The host greets the guests at the door and checks the booking in the reservation system";
    private static readonly FontSpec Font = new("DejaVu Sans", 12);

    private readonly TextEngine _measurer = new();

    private double WidthOf(string line) => _measurer.Wrap(line, Font, double.PositiveInfinity, 0).Width;

    [Fact]
    public void Wraps_long_text_into_several_lines_each_within_the_width()
    {
        var wrapped = _measurer.Wrap(LongText, Font, 120, 0);

        Assert.True(wrapped.Lines.Count >= 4, $"expected several lines, got {wrapped.Lines.Count}");
        Assert.False(wrapped.Truncated);
        Assert.All(wrapped.Lines, line => Assert.InRange(WidthOf(line), 1, 120));
        Assert.Equal(wrapped.Lines.Max(WidthOf), wrapped.Width, 3);
        Assert.Equal(LongText, string.Join(' ', wrapped.Lines));
        Assert.InRange(wrapped.LineHeight, 12, 12 * 1.5);
        Assert.Equal(wrapped.Lines.Count * wrapped.LineHeight, wrapped.Height, 6);
    }

    [Fact]
    public void Unbounded_width_keeps_one_line_and_hard_breaks_make_lines()
    {
        Assert.Single(_measurer.Wrap(LongText, Font, double.PositiveInfinity, 0).Lines);
        Assert.Equal(["a", "b", "", "c"], _measurer.Wrap("a\nb\r\n\nc", Font, 100, 0).Lines);
        Assert.Empty(_measurer.Wrap("", Font, 100, 3).Lines);
    }

    [Fact]
    public void Breaks_a_word_longer_than_the_width_between_characters_without_hyphens()
    {
        const string word = "Supercalifragilisticexpialidocious";
        var wrapped = _measurer.Wrap(word, Font, 60, 0);

        Assert.True(wrapped.Lines.Count > 1);
        Assert.Equal(word, string.Concat(wrapped.Lines));
        Assert.All(wrapped.Lines, line => Assert.InRange(WidthOf(line), 1, 60));
        // The reported width is the widest line as drawn: no hidden hyphen is counted.
        Assert.Equal(wrapped.Lines.Max(WidthOf), wrapped.Width, 3);
    }

    [Fact]
    public void Truncates_to_max_lines_with_an_ellipsis_that_fits()
    {
        var full = _measurer.Wrap(LongText, Font, 120, 0);
        var cut = _measurer.Wrap(LongText, Font, 120, 2);

        Assert.True(cut.Truncated);
        Assert.Equal(2, cut.Lines.Count);
        Assert.Equal(full.Lines[0], cut.Lines[0]);
        Assert.EndsWith("…", cut.Lines[1], StringComparison.Ordinal);
        var rest = LongText[LongText.IndexOf(full.Lines[1], StringComparison.Ordinal)..];
        var kept = cut.Lines[1][..^1];
        Assert.StartsWith(kept, rest, StringComparison.Ordinal);
        Assert.InRange(WidthOf(cut.Lines[1]), 1, 120);
        // Refitted as far as it goes: one more character and the line would be too wide.
        Assert.True(WidthOf(rest[..(kept.Length + 1)] + "…") > 120);
        Assert.InRange(cut.Width, 1, 120);
    }

    [Fact]
    public void Text_that_fits_is_not_truncated()
    {
        var wrapped = _measurer.Wrap("Short text", Font, 200, 1);

        Assert.False(wrapped.Truncated);
        Assert.Equal(["Short text"], wrapped.Lines);
    }

    [Fact]
    public void Truncating_to_a_very_narrow_width_still_returns_an_ellipsis()
    {
        var wrapped = _measurer.Wrap("Wide words here", Font, 2, 1);

        Assert.True(wrapped.Truncated);
        Assert.Equal(["…"], wrapped.Lines);
    }

    [Theory]
    [InlineData("Café crème brûlée, déjà vu, naïve façade, Ångström", " ")]
    [InlineData("مرحبا بكم في المطعم، نتمنى لكم وجبة طيبة", " ")]
    [InlineData("日本語のテキストを折り返して表示します東京駅", "")]
    public void Multi_byte_text_round_trips_into_lines(string text, string separator)
    {
        var wrapped = _measurer.Wrap(text, Font, 70, 0);

        Assert.True(wrapped.Lines.Count > 1);
        Assert.Equal(text, string.Join(separator, wrapped.Lines));
        Assert.DoesNotContain(wrapped.Lines, line => line.Contains('\uFFFD'));
    }

    [Fact]
    public void Counts_characters_no_font_can_show()
    {
        // A supplementary private-use code point: no ordinary font has a glyph for it.
        var missing = _measurer.Wrap("A \U0010FFFD \U0010FFFD", Font, 200, 0);
        var latin = _measurer.Wrap("Plain Latin text", Font, 200, 0);

        Assert.Equal(2, missing.MissingGlyphs);
        Assert.Equal(0, latin.MissingGlyphs);
    }

    [Fact]
    public void Repeated_measurements_are_identical_across_instances_and_threads()
    {
        var first = new TextEngine().Wrap(LongText, Font, 97.5, 3);
        var results = new WrappedText[16];
        Parallel.For(0, results.Length, i => results[i] = new TextEngine().Wrap(LongText, Font, 97.5, 3));

        Assert.All(results, result =>
        {
            Assert.Equal(first.Lines, result.Lines);
            Assert.Equal(first.Width, result.Width);
            Assert.Equal(first.LineHeight, result.LineHeight);
        });
    }

    [Fact]
    public void A_shared_instance_is_safe_to_use_from_many_threads()
    {
        var texts = Enumerable.Range(0, 200).Select(i => $"Card {i % 20} text with some words to wrap {i % 7}").ToArray();
        var expected = texts.Select(t => new TextEngine().Wrap(t, Font, 80, 3)).ToArray();

        var shared = new TextEngine();
        var actual = new WrappedText[texts.Length];
        Parallel.For(0, texts.Length, i => actual[i] = shared.Wrap(texts[i], Font, 80, 3));

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(expected[i].Lines, actual[i].Lines);
            Assert.Equal(expected[i].Width, actual[i].Width);
        }
    }

    [Fact]
    public void Widths_scale_linearly_with_font_size_because_hinting_is_off()
    {
        var small = WidthOf("Linear glyph advances at any size");
        var large = _measurer.Wrap("Linear glyph advances at any size", Font with { Size = 24 }, double.PositiveInfinity, 0).Width;

        Assert.Equal(2.0, large / small, 3);
    }

    [Fact]
    public void Bold_text_is_wider()
    {
        var bold = _measurer.Wrap("Frontstage actions", Font with { Bold = true }, double.PositiveInfinity, 0).Width;

        Assert.True(bold > WidthOf("Frontstage actions"));
    }

    [Fact]
    public void A_family_that_is_not_installed_is_drawn_with_the_default_family_and_says_so()
    {
        Assert.Null(TextEngine.SubstituteFor("DejaVu Sans"));
        Assert.Equal("DejaVu Sans", TextEngine.SubstituteFor("No Such Family 42"));
        // A list, as fontconfig takes it: the first installed family is used.
        Assert.Null(TextEngine.SubstituteFor("No Such Family 42, DejaVu Serif"));

        var substitute = _measurer.Wrap(LongText, Font with { Family = "No Such Family 42" }, double.PositiveInfinity, 0);
        Assert.Equal(WidthOf(LongText), substitute.Width, 6);
        var serif = _measurer.Wrap(LongText, Font with { Family = "No Such Family 42, DejaVu Serif" }, double.PositiveInfinity, 0);
        Assert.NotEqual(WidthOf(LongText), serif.Width, 3);
    }

    [Fact]
    public void A_character_the_font_lacks_is_measured_in_a_font_that_has_it()
    {
        // DejaVu Serif has no Arabic: the letters come from a fallback font (DejaVu Sans has them), so none is missing and they have width.
        var family = new FontSpec("DejaVu Serif", 12);
        Assert.Null(TextEngine.SubstituteFor(family.Family));

        var arabic = _measurer.Wrap("مرحبا", family, double.PositiveInfinity, 0);
        Assert.Equal(0, arabic.MissingGlyphs);
        Assert.InRange(arabic.Width, 12, 60);
    }

    [Fact]
    public void A_line_broken_at_a_soft_hyphen_ends_in_a_visible_hyphen()
    {
        double hyphenated = WidthOf("Reservation-");
        var wrapped = _measurer.Wrap("Reservation\u00adsystem", Font, hyphenated + 1, 0);

        Assert.Equal(2, wrapped.Lines.Count);
        Assert.Equal(hyphenated, wrapped.Width, 3);
        Assert.Equal(hyphenated, ShapedLines.Get(wrapped.Lines[0], Font).Width, 3);
        // Unbroken, the soft hyphen stays invisible.
        Assert.Equal(WidthOf("Reservationsystem"), WidthOf("Reservation\u00adsystem"), 3);
    }

    [Theory]
    [InlineData("foo\u00AD bar")]
    [InlineData("foo\u00AD\nbar")]
    public void A_soft_hyphen_shows_no_hyphen_where_the_line_breaks_elsewhere(string text)
    {
        var wrapped = _measurer.Wrap(text, Font, WidthOf("foo bar") - 1, 0);

        Assert.Equal(["foo\u00AD", "bar"], wrapped.Lines);
    }

    [Fact]
    public void A_line_break_at_the_end_adds_no_line_and_cuts_nothing()
    {
        var wrapped = _measurer.Wrap("Step one\n", Font, 200, 1);

        Assert.Equal(["Step one"], wrapped.Lines);
        Assert.False(wrapped.Truncated);
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("\n\t ")]
    public void Text_of_white_space_alone_has_no_lines(string text)
    {
        var wrapped = _measurer.Wrap(text, Font, 100, 0);

        Assert.Empty(wrapped.Lines);
        Assert.Equal(0, wrapped.Height);
    }

    [Fact]
    public void A_lone_surrogate_is_measured_and_drawn_without_failing()
    {
        var wrapped = _measurer.Wrap("a\uD800b \uDC00 c", Font, 100, 0);

        Assert.Single(wrapped.Lines);
        Assert.True(ShapedLines.Get(wrapped.Lines[0], Font).Width > 0);
    }

    [Fact]
    public void A_character_no_font_has_leaves_its_neighbours_their_own_text()
    {
        var line = ShapedLines.Shape("a\uE000b", Font);

        Assert.Equal(["a", "b"], line.Runs.Select(r => System.Text.Encoding.UTF8.GetString(r.Utf8)));
        Assert.Single(line.Missing);
    }

    [Fact]
    public void Rejects_a_negative_width()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _measurer.Wrap("x", Font, -1, 0));
    }
}
