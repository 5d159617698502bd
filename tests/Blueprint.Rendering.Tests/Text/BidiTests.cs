using Blueprint.Rendering.Text.Unicode;

namespace Blueprint.Rendering.Tests.Text;

/// <summary>The bidirectional algorithm on sentences a blueprint may hold: levels, runs and visual order.</summary>
public sealed class BidiTests
{
    [Fact]
    public void A_Hebrew_word_in_an_English_sentence_is_reversed_and_the_sentence_stays_left_to_right()
    {
        const string text = "The word שלום means peace.";
        var paragraph = Bidi.Resolve(text);

        Assert.Equal(0, paragraph.ParagraphLevel);
        Assert.Equal(
            [new BidiRun(0, 9, 0), new BidiRun(9, 4, 1), new BidiRun(13, 13, 0)],
            Bidi.VisualRuns(text, paragraph, 0, text.Length));
        Assert.Equal("The word םולש means peace.", Visual(text, paragraph));
    }

    [Fact]
    public void An_English_word_in_a_Hebrew_sentence_keeps_its_letter_order_and_the_sentence_reads_right_to_left()
    {
        const string text = "שלום world עולם";
        var paragraph = Bidi.Resolve(text);

        Assert.Equal(1, paragraph.ParagraphLevel);
        Assert.Equal(
            [new BidiRun(10, 5, 1), new BidiRun(5, 5, 2), new BidiRun(0, 5, 1)],
            Bidi.VisualRuns(text, paragraph, 0, text.Length));
        Assert.Equal("םלוע world םולש", Visual(text, paragraph));
    }

    [Fact]
    public void European_digits_after_Arabic_letters_read_left_to_right_within_the_right_to_left_text()
    {
        const string text = "سعر 42";
        var paragraph = Bidi.Resolve(text);

        Assert.Equal(1, paragraph.ParagraphLevel);
        Assert.Equal([1, 1, 1, 1, 2, 2], paragraph.Levels);
        Assert.Equal([4, 5, 3, 2, 1, 0], Bidi.VisualOrder(text, paragraph, 0, text.Length));
    }

    [Fact]
    public void Brackets_around_English_take_the_sentence_direction_even_between_Hebrew_letters()
    {
        // UAX #9's example for N0: AB(CD[&ef]!)gh with AB and CD in Hebrew, in a left-to-right paragraph.
        const string text = "אב(גד[&ef]!)gh";
        var paragraph = Bidi.Resolve(text, BidiDirection.LeftToRight);

        Assert.Equal([1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0], paragraph.Levels);
        Assert.Equal("בא(דג[&ef]!)gh", Visual(text, paragraph));
    }

    [Fact]
    public void Brackets_pair_with_their_canonical_equivalents()
    {
        // U+2329 is canonically U+3008, so it pairs with U+3009 and both follow the enclosed English (N0).
        const string text = "a \u2329b.1\u3009";
        var paragraph = Bidi.Resolve(text, BidiDirection.RightToLeft);

        Assert.Equal([2, 2, 2, 2, 2, 2, 2], paragraph.Levels);
    }

    [Fact]
    public void Auto_direction_is_right_to_left_for_text_that_starts_with_Hebrew()
    {
        Assert.Equal(1, Bidi.Resolve("שלום world").ParagraphLevel);
        Assert.Equal(1, Bidi.Resolve("42 שלום world").ParagraphLevel);
        // Isolated text does not count (P2).
        Assert.Equal(1, Bidi.Resolve("\u2066world\u2069 שלום").ParagraphLevel);
        Assert.Equal(0, Bidi.Resolve("world שלום").ParagraphLevel);
        Assert.Equal(0, Bidi.Resolve("42 !").ParagraphLevel);
    }

    [Fact]
    public void All_Latin_text_is_one_left_to_right_run_and_allocates_only_its_result()
    {
        const string text = "Hello, world! Café 3.5 km — done.";
        var paragraph = Bidi.Resolve(text);

        Assert.False(paragraph.HasRightToLeft);
        Assert.Equal([new BidiRun(0, text.Length, 0)], Bidi.VisualRuns(text, paragraph, 0, text.Length));

        long before = GC.GetAllocatedBytesForCurrentThread();
        Bidi.Resolve(text);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        // The record and its levels array: the tables (looked up for the dash) are data in the assembly image.
        Assert.InRange(allocated, text.Length, text.Length + 96);
    }

    [Fact]
    public void Trailing_whitespace_of_a_line_goes_to_the_paragraph_level()
    {
        const string text = "abc  ";
        var paragraph = Bidi.Resolve(text, BidiDirection.RightToLeft);

        Assert.Equal([2, 2, 2, 1, 1], Bidi.LineLevels(text, paragraph, 0, text.Length));
        // At the right-to-left line's end, the spaces are drawn at its left.
        Assert.Equal([new BidiRun(3, 2, 1), new BidiRun(0, 3, 2)], Bidi.VisualRuns(text, paragraph, 0, text.Length));
    }

    [Fact]
    public void Removed_formatting_characters_join_a_neighbour_run()
    {
        // U+202B (RLE) is removed by X9: it gets the level of the "abc" before it, so it makes no run of its own.
        const string text = "abc\u202Bdef\u202C";
        var paragraph = Bidi.Resolve(text);

        Assert.Equal([0, 0, 0, 0, 2, 2, 2, 2], paragraph.Levels);
        Assert.Equal([0, 0, 0, 255, 2, 2, 2, 255], Bidi.LineLevels(text, paragraph, 0, text.Length));
        Assert.Equal([new BidiRun(0, 4, 0), new BidiRun(4, 4, 2)], Bidi.VisualRuns(text, paragraph, 0, text.Length));
        Assert.Equal([0, 1, 2, 4, 5, 6], Bidi.VisualOrder(text, paragraph, 0, text.Length));
    }

    [Fact]
    public void A_surrogate_pair_is_one_character_with_both_code_units_at_its_level()
    {
        // U+10900 and U+10901 (Phoenician) are right-to-left letters outside the BMP.
        const string text = "a \U00010900\U00010901 b";
        var paragraph = Bidi.Resolve(text);

        Assert.Equal([0, 0, 1, 1, 1, 1, 0, 0], paragraph.Levels);
        Assert.Equal([0, 1, 4, 2, 6, 7], Bidi.VisualOrder(text, paragraph, 0, text.Length));
    }

    [Fact]
    public void A_line_of_a_paragraph_is_reordered_on_its_own()
    {
        const string text = "abc שלום def";
        var paragraph = Bidi.Resolve(text);

        // The second line, "לום def": its Hebrew is reversed, then the English.
        Assert.Equal([new BidiRun(5, 3, 1), new BidiRun(8, 4, 0)], Bidi.VisualRuns(text, paragraph, 5, text.Length));
    }

    [Fact]
    public void The_tables_give_the_defaults_of_unassigned_code_points_and_the_brackets_and_mirrors()
    {
        Assert.Equal("15.0.0", BidiData.UnicodeVersion);
        Assert.Equal(BidiClass.R, BidiData.GetClass(0x05D0));
        Assert.Equal(BidiClass.AL, BidiData.GetClass(0x0627));
        Assert.Equal(BidiClass.R, BidiData.GetClass(0x05FF));   // unassigned, in the Hebrew block
        Assert.Equal(BidiClass.AL, BidiData.GetClass(0x07BF));  // unassigned, in the Thaana block
        Assert.Equal(BidiClass.ET, BidiData.GetClass(0x20CF));  // unassigned currency symbol
        Assert.Equal(BidiClass.BN, BidiData.GetClass(0xFDD0));  // noncharacter
        Assert.Equal(BidiClass.BN, BidiData.GetClass(0xE0FFF)); // default ignorable
        Assert.Equal(BidiClass.L, BidiData.GetClass(0x10FFFD));
        Assert.Equal(BracketType.Open, BidiData.GetBracketType('('));
        Assert.Equal(')', BidiData.GetPairedBracket('('));
        Assert.Equal(BracketType.None, BidiData.GetBracketType('a'));
        Assert.Equal(0x3008, BidiData.CanonicalBracket(0x2329));
        Assert.Equal('>', BidiData.Mirror('<'));
        Assert.Equal('a', BidiData.Mirror('a'));
    }

    /// <summary>The text's characters in visual order, left to right.</summary>
    private static string Visual(string text, BidiParagraph paragraph) =>
        string.Concat(Bidi.VisualOrder(text, paragraph, 0, text.Length).Select(i => text[i]));
}
