using Blueprint.Rendering.Text.Unicode;

namespace Blueprint.Rendering.Tests.Text;

/// <summary>What line breaking means for the texts of cards, one behaviour at a time.</summary>
public sealed class LineBreakerTests
{
    /// <summary>The text cut at every break opportunity: the pieces a line can end after.</summary>
    private static string[] Pieces(string text)
    {
        var pieces = new List<string>();
        var start = 0;
        foreach (var b in LineBreaker.Breaks(text))
        {
            pieces.Add(text[start..b.Position]);
            start = b.Position;
        }
        return [.. pieces];
    }

    [Fact]
    public void A_sentence_breaks_after_spaces_and_not_before_punctuation() =>
        Assert.Equal(["Ship ", "it, ", "then ", "ask: ", "really ?"], Pieces("Ship it, then ask: really ?"));

    [Fact]
    public void A_hyphen_allows_a_break_after_it() => Assert.Equal(["e-", "mail"], Pieces("e-mail"));

    [Fact]
    public void Numbers_stay_whole_with_their_signs() =>
        Assert.Equal(["costs ", "$20 ", "or ", "10.5% ", "more"], Pieces("costs $20 or 10.5% more"));

    [Fact]
    public void Ideographs_break_between_each() => Assert.Equal(["漢", "字", "文", "化"], Pieces("漢字文化"));

    [Fact]
    public void A_Japanese_opening_bracket_may_start_a_line_but_not_end_one() =>
        Assert.Equal(["文", "「字」", "で", "す"], Pieces("文「字」です"));

    [Fact]
    public void An_emoji_zero_width_joiner_sequence_is_not_broken() =>
        Assert.Equal(["👨‍👩‍👧", "👍🏽"], Pieces("👨‍👩‍👧👍🏽"));

    [Fact]
    public void Combining_marks_stay_with_their_base() =>
        Assert.Equal(["漢\u0308", "字\u0301\u0302"], Pieces("漢\u0308字\u0301\u0302"));

    [Fact]
    public void Line_feeds_and_line_separators_are_mandatory_breaks() =>
        Assert.Equal([new LineBreak(2, true), new LineBreak(4, true), new LineBreak(5, true)], LineBreaker.Breaks("a\nb\u2028c"));

    [Fact]
    public void Carriage_return_line_feed_is_one_break_after_the_line_feed() =>
        Assert.Equal([new LineBreak(3, true), new LineBreak(4, true)], LineBreaker.Breaks("a\r\nb"));

    [Fact]
    public void No_break_space_and_word_joiner_prevent_breaks()
    {
        Assert.Equal(["100\u00A0km ", "away"], Pieces("100\u00A0km away"));
        Assert.Equal(["漢\u00A0字"], Pieces("漢\u00A0字"));
        Assert.Equal(["漢\u2060字"], Pieces("漢\u2060字"));
    }

    [Fact]
    public void A_soft_hyphen_allows_a_break_after_it() => Assert.Equal(["hy\u00AD", "phen"], Pieces("hy\u00ADphen"));

    [Fact]
    public void Positions_count_UTF16_units_and_never_split_a_surrogate_pair()
    {
        Assert.Equal([new LineBreak(2, false), new LineBreak(4, true)], LineBreaker.Breaks("\U00020000\U00020001"));
        // A lone surrogate counts as a letter (XX, so AL).
        Assert.Equal(["a\uD800b"], Pieces("a\uD800b"));
    }

    [Fact]
    public void Only_the_end_is_a_break_of_one_word_and_none_of_nothing()
    {
        Assert.Equal([new LineBreak(4, true)], LineBreaker.Breaks("word"));
        Assert.Empty(LineBreaker.Breaks(""));
    }

    [Fact]
    public void Breaks_into_a_list_clears_it_first()
    {
        var into = new List<LineBreak> { new(99, false) };
        LineBreaker.Breaks("a b", into);
        Assert.Equal([new LineBreak(2, false), new LineBreak(3, true)], into);
    }
}
