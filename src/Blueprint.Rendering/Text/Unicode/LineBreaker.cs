using System.Runtime.CompilerServices;
using static Blueprint.Rendering.Text.Unicode.LineBreakClass;

namespace Blueprint.Rendering.Text.Unicode;

/// <summary>A place where a line may (or must) end: the UTF-16 index where the next line would start.</summary>
internal readonly record struct LineBreak(int Position, bool Mandatory);

/// <summary>
/// Line break opportunities by the Unicode Line Breaking Algorithm (UAX #14) of Unicode 15.0.0, the default rules
/// LB1-LB31 as that version words them (it has LB15 as "QU SP* × OP", not 15.1's LB15a-d, and no LB28a), applied
/// one code point at a time with a little state in place of the rules' regular expressions. Tailorings: numbers
/// follow Example 7 of section 8.2 (the regular-expression form of LB25), as Unicode's LineBreakTest.txt does;
/// LB1 resolves AI, SG and XX to AL, CJ to NS and SA to CM (Mn, Mc) or AL, so Thai, Lao, Khmer and Myanmar runs
/// only break at spaces and punctuation (no dictionary). Nothing else is tailored: a tab (BA) and a soft hyphen
/// (BA) allow a break after them, not before. The property tables (<see cref="LineBreakData"/>) are generated from
/// the Unicode Character Database by generate_linebreak.py beside this file; the conformance test runs every case
/// of LineBreakTest.txt.
/// </summary>
internal static class LineBreaker
{
    /// <summary>
    /// Every break opportunity in text, in order, by the default UAX #14 rules (LB1-LB31, with the tailorings named
    /// above); the end of the text (LB3) is included as a mandatory break when text is non-empty.
    /// </summary>
    public static List<LineBreak> Breaks(ReadOnlySpan<char> text)
    {
        var breaks = new List<LineBreak>();
        Breaks(text, breaks);
        return breaks;
    }

    /// <summary>The same, written into a caller's list (cleared first), so a hot loop allocates nothing.</summary>
    public static void Breaks(ReadOnlySpan<char> text, List<LineBreak> into)
    {
        into.Clear();
        if (text.IsEmpty) return;
        var state = State.Start;
        var i = 0;
        while (i < text.Length)
        {
            var entry = LineBreakData.Get(CodePointAt(text, i, out var length));
            var raw = Resolve(entry);
            var extra = (LineBreakExtra)(entry >> 6);
            // LB2: no break at the start of the text.
            var verdict = i == 0 ? Verdict.Keep : Decide(in state, raw, extra, text, i + length);
            if (verdict != Verdict.Keep) into.Add(new LineBreak(i, verdict == Verdict.Must));
            state.Advance(raw, extra);
            i += length;
        }
        // LB3: always break at the end of the text.
        into.Add(new LineBreak(text.Length, true));
    }

    private enum Verdict : byte { Keep, May, Must }

    /// <summary>Where a number (NU (NU | SY | IS)*, LB25) stands at the previous character.</summary>
    private enum Number : byte { None, Digits, Closed }

    /// <summary>Stands for the start of the text where a rule looks back past it.</summary>
    private const LineBreakClass Sot = (LineBreakClass)63;

    /// <summary>What the rules need to know of the text before a boundary.</summary>
    private struct State
    {
        /// <summary>The previous code point's class after LB1 (a combining mark stays CM or ZWJ).</summary>
        public LineBreakClass Raw;
        /// <summary>The previous character's class after LB9 and LB10: a base with its marks counts as the base.</summary>
        public LineBreakClass Prev;
        /// <summary>The previous character's extra fact (of its base).</summary>
        public LineBreakExtra PrevExtra;
        /// <summary>The character before the previous one (LB21a).</summary>
        public LineBreakClass PrevPrev;
        /// <summary><see cref="Prev"/>, or when that is SP, the character before the spaces (LB8, LB14-LB17).</summary>
        public LineBreakClass BeforeSpaces;
        /// <summary>How many RI characters end at the previous character (LB30a).</summary>
        public int RegionalIndicators;
        public Number Number;

        public static State Start => new() { Raw = Sot, Prev = Sot, PrevPrev = Sot, BeforeSpaces = Sot };

        /// <summary>Takes in the next code point, once the boundary before it is decided.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Advance(LineBreakClass raw, LineBreakExtra extra)
        {
            var joins = IsMark(raw) && CarriesMarks(Raw);
            Raw = raw;
            // LB9: a mark joins the character before it, which goes on as it was.
            if (joins) return;
            // LB10: a mark with nothing to join is AL.
            var cls = IsMark(raw) ? AL : raw;
            PrevPrev = Prev;
            BeforeSpaces = cls != SP ? cls : Prev == SP ? BeforeSpaces : Prev;
            RegionalIndicators = cls == RI ? RegionalIndicators + 1 : 0;
            Number = NextNumber(Number, cls);
            Prev = cls;
            PrevExtra = extra;
        }
    }

    /// <summary>Whether a line may or must end before a code point of class cur, by the first rule that says.</summary>
    private static Verdict Decide(in State s, LineBreakClass cur, LineBreakExtra extra, ReadOnlySpan<char> text, int after)
    {
        // LB4, LB5: always after a hard line break, CR LF being one.
        if (s.Raw is BK or LF or NL) return Verdict.Must;
        if (s.Raw == CR) return cur == LF ? Verdict.Keep : Verdict.Must;
        // LB6: never before one.
        if (cur is BK or CR or LF or NL) return Verdict.Keep;
        // LB7: never before spaces or a zero width space.
        if (cur is SP or ZW) return Verdict.Keep;
        // LB8: after a zero width space, and the spaces after it.
        if (s.BeforeSpaces == ZW) return Verdict.May;
        // LB8a: never after a zero width joiner.
        if (s.Raw == ZWJ) return Verdict.Keep;
        if (IsMark(cur))
        {
            // LB9: never between a character and its marks.
            if (CarriesMarks(s.Raw)) return Verdict.Keep;
            // LB10: a mark left alone is AL.
            cur = AL;
        }
        return Pair(in s, cur, extra, text, after);
    }

    /// <summary>LB11-LB31, between the previous character (base and marks) and the next.</summary>
    private static Verdict Pair(in State s, LineBreakClass cur, LineBreakExtra extra, ReadOnlySpan<char> text, int after)
    {
        var prev = s.Prev;
        // LB28 first for the commonest pair, letter after letter: no earlier rule can apply to it.
        if (prev is AL or HL && cur is AL or HL) return Verdict.Keep;
        // LB11: never before or after a word joiner.
        if (cur == WJ || prev == WJ) return Verdict.Keep;
        // LB12, LB12a: never after no-break glue, nor before it but after spaces and hyphens.
        if (prev == GL) return Verdict.Keep;
        if (cur == GL && prev is not (SP or BA or HY)) return Verdict.Keep;
        // LB13: never before closing punctuation, exclamation or separators.
        if (cur is CL or CP or EX or IS or SY) return Verdict.Keep;
        // LB14-LB17: never after an opening bracket, nor inside these pairs, spaces or not.
        if (s.BeforeSpaces == OP) return Verdict.Keep;
        if (s.BeforeSpaces == QU && cur == OP) return Verdict.Keep;
        if (s.BeforeSpaces is CL or CP && cur == NS) return Verdict.Keep;
        if (s.BeforeSpaces == B2 && cur == B2) return Verdict.Keep;
        // LB18: after spaces.
        if (prev == SP) return Verdict.May;
        // LB19: never around quotation marks.
        if (cur == QU || prev == QU) return Verdict.Keep;
        // LB20: around contingent breaks.
        if (cur == CB || prev == CB) return Verdict.May;
        // LB21, LB21a, LB21b: never before hyphens and small kana, after a Hebrew hyphen, nor between / and Hebrew.
        if (cur is BA or HY or NS || prev == BB) return Verdict.Keep;
        if (prev is HY or BA && s.PrevPrev == HL) return Verdict.Keep;
        if (prev == SY && cur == HL) return Verdict.Keep;
        // LB22: never before an ellipsis.
        if (cur == IN) return Verdict.Keep;
        if (Alphanumeric(prev, cur) || Numeric(in s, cur, text, after) || Korean(prev, cur)) return Verdict.Keep;
        // LB28, LB29: never between letters, nor after a separator before one.
        if (prev is AL or HL or IS && cur is AL or HL) return Verdict.Keep;
        // LB30: never between letters or digits and narrow brackets.
        if (prev is AL or HL or NU && cur == OP && extra != LineBreakExtra.EastAsianWide) return Verdict.Keep;
        if (prev == CP && s.PrevExtra != LineBreakExtra.EastAsianWide && cur is AL or HL or NU) return Verdict.Keep;
        // LB30a: never inside a pair of regional indicators (a flag).
        if (prev == RI && cur == RI && (s.RegionalIndicators & 1) == 1) return Verdict.Keep;
        // LB30b: never between an emoji base (or a pictograph not yet assigned) and its modifier.
        if (cur == EM && (prev == EB || s.PrevExtra == LineBreakExtra.ExtPictUnassigned)) return Verdict.Keep;
        // LB31: anywhere else.
        return Verdict.May;
    }

    /// <summary>LB23, LB23a, LB24: letters next to digits, and prefixes and postfixes next to letters or ideographs.</summary>
    private static bool Alphanumeric(LineBreakClass prev, LineBreakClass cur) =>
        (prev is AL or HL && cur == NU) || (prev == NU && cur is AL or HL)
        || (prev == PR && cur is ID or EB or EM) || (prev is ID or EB or EM && cur == PO)
        || (prev is PR or PO && cur is AL or HL) || (prev is AL or HL && cur is PR or PO);

    /// <summary>LB25, as the regular expression of Example 7 in section 8.2 (what LineBreakTest.txt expects).</summary>
    private static bool Numeric(in State s, LineBreakClass cur, ReadOnlySpan<char> text, int after)
    {
        // (PR | PO) × (OP | HY)? NU
        if (s.Prev is PR or PO && (cur == NU || (cur is OP or HY && NextIsDigit(text, after)))) return true;
        // (OP | HY) × NU
        if (s.Prev is OP or HY && cur == NU) return true;
        // NU (NU | SY | IS)* × (NU | SY | IS | CL | CP)
        if (s.Number == Number.Digits && cur is NU or SY or IS or CL or CP) return true;
        // NU (NU | SY | IS)* (CL | CP)? × (PO | PR)
        return s.Number != Number.None && cur is PO or PR;
    }

    /// <summary>LB26, LB27: never inside a Korean syllable block, nor between one and a prefix or postfix.</summary>
    private static bool Korean(LineBreakClass prev, LineBreakClass cur) =>
        (prev == JL && cur is JL or JV or H2 or H3) || (prev is JV or H2 && cur is JV or JT) || (prev is JT or H3 && cur == JT)
        || (prev is JL or JV or JT or H2 or H3 && cur == PO) || (prev == PR && cur is JL or JV or JT or H2 or H3);

    /// <summary>Whether the first character from index i, past the marks it carries (LB9), is a digit.</summary>
    private static bool NextIsDigit(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length)
        {
            var cls = Resolve(LineBreakData.Get(CodePointAt(text, i, out var length)));
            if (!IsMark(cls)) return cls == NU;
            i += length;
        }
        return false;
    }

    private static Number NextNumber(Number number, LineBreakClass cls) => cls switch
    {
        NU => Number.Digits,
        SY or IS when number == Number.Digits => Number.Digits,
        CL or CP when number == Number.Digits => Number.Closed,
        _ => Number.None,
    };

    /// <summary>LB1: the classes the rules do not name, by their default resolution.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static LineBreakClass Resolve(byte entry)
    {
        var cls = (LineBreakClass)(entry & 0x3F);
        return cls switch
        {
            AI or SG or XX => AL,
            SA => (LineBreakExtra)(entry >> 6) == LineBreakExtra.CombiningMark ? CM : AL,
            CJ => NS,
            _ => cls,
        };
    }

    private static bool IsMark(LineBreakClass cls) => cls is CM or ZWJ;

    /// <summary>LB9: marks join any character but these (and nothing at the start of the text).</summary>
    private static bool CarriesMarks(LineBreakClass cls) => cls is not (BK or CR or LF or NL or SP or ZW or Sot);

    /// <summary>The code point at index i and its UTF-16 length; a lone surrogate is itself (SG, so AL).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int CodePointAt(ReadOnlySpan<char> text, int i, out int length)
    {
        var c = text[i];
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            length = 2;
            return char.ConvertToUtf32(c, text[i + 1]);
        }
        length = 1;
        return c;
    }
}
