namespace Blueprint.Rendering.Text.Unicode;

/// <summary>The direction asked of a paragraph: found from its text (P2, P3), or given.</summary>
internal enum BidiDirection : byte { Auto, LeftToRight, RightToLeft }

/// <summary>
/// A paragraph's resolved embedding levels, one per UTF-16 code unit (X9-removed characters get the level of the
/// preceding character, or the paragraph level, so a renderer can treat them as part of a neighbour run).
/// </summary>
internal sealed record BidiParagraph(byte ParagraphLevel, byte[] Levels)
{
    /// <summary>Any odd level: lets the caller skip reordering for all-LTR text.</summary>
    public bool HasRightToLeft { get; } = AnyOdd(Levels);

    private static bool AnyOdd(byte[] levels)
    {
        foreach (byte level in levels)
            if ((level & 1) != 0) return true;
        return false;
    }
}

/// <summary>A run of one level on a line, as a UTF-16 range of the paragraph, in visual order.</summary>
internal readonly record struct BidiRun(int Start, int Length, byte Level)
{
    public bool IsRightToLeft => (Level & 1) != 0;
}

/// <summary>
/// The Unicode Bidirectional Algorithm (UAX #9) of Unicode 15.0: paragraph level (P2, P3), explicit levels and
/// directions (X1–X10, 125 levels deep), weak types (W1–W7), bracket pairs (N0, canonical equivalents included),
/// neutrals (N1, N2), implicit levels (I1, I2) and, for a line, L1 and L2. Character data comes from
/// <c>BidiData.g.cs</c>, which <c>generate_bidi.py</c> writes from the Unicode Character Database. It passes every
/// case of BidiCharacterTest.txt and BidiTest.txt. Text is UTF-16; a surrogate pair is one character.
/// Deviations: P1 is the caller's (the text is one paragraph; a paragraph separator inside it ends embeddings and
/// isolates, X8, but keeps the paragraph level); L3 and L4 are left to the shaper (HarfBuzz mirrors RTL glyphs).
/// Characters X9 removes keep a level for renderers: the preceding character's in a paragraph, and on a line the
/// preceding (or at its start the following) character's after L1, so they never make a run of their own; L1 looks
/// through them, as section 5.2 describes for retained characters.
/// </summary>
internal static partial class Bidi
{
    /// <summary>Resolves the levels of one paragraph (P2–I2).</summary>
    public static BidiParagraph Resolve(ReadOnlySpan<char> text, BidiDirection direction = BidiDirection.Auto)
    {
        // Text without right-to-left or explicit characters is all at level 0 unless asked to be RTL.
        if (direction != BidiDirection.RightToLeft && !NeedsAlgorithm(text))
            return new BidiParagraph(0, new byte[text.Length]);

        var codePoints = new int[text.Length];
        var classes = new BidiClass[text.Length];
        int count = 0;
        for (int i = 0; i < text.Length; i += CodeUnits(text, i))
        {
            codePoints[count] = CodePointAt(text, i);
            classes[count++] = BidiData.GetClass(codePoints[count - 1]);
        }
        byte[] levels = ResolveLevels(classes.AsSpan(0, count), codePoints.AsSpan(0, count), direction, out byte paragraphLevel);

        // Both code units of a surrogate pair get the level of their character.
        var unitLevels = new byte[text.Length];
        for (int i = 0, k = 0; i < text.Length; k++)
        {
            int units = CodeUnits(text, i);
            unitLevels.AsSpan(i, units).Fill(levels[k]);
            i += units;
        }
        return new BidiParagraph(paragraphLevel, unitLevels);
    }

    /// <summary>
    /// Resolves the levels of a paragraph given as Bidi classes, one per character, none of them a bracket (for
    /// BidiTest.txt).
    /// </summary>
    internal static BidiParagraph Resolve(ReadOnlySpan<BidiClass> classes, BidiDirection direction)
    {
        byte[] levels = ResolveLevels(classes, [], direction, out byte paragraphLevel);
        return new BidiParagraph(paragraphLevel, levels);
    }

    /// <summary>
    /// The runs of the line text[start..end) in visual (left-to-right display) order, after L1 (trailing whitespace,
    /// segment and paragraph separators and tabs reset to the paragraph level) and L2 (reversal).
    /// </summary>
    public static BidiRun[] VisualRuns(ReadOnlySpan<char> text, BidiParagraph paragraph, int start, int end) =>
        VisualRuns(LineClasses(text, start, end), paragraph, start, end);

    /// <summary>
    /// The logical indices of the line's characters in visual order (X9-removed characters left out), for the
    /// conformance test; a surrogate pair is given by the index of its first code unit.
    /// </summary>
    public static int[] VisualOrder(ReadOnlySpan<char> text, BidiParagraph paragraph, int start, int end)
    {
        int[] units = VisualOrder(LineClasses(text, start, end), paragraph, start, end);
        var characters = new List<int>(units.Length);
        foreach (int i in units)
            if (!IsTrailingSurrogate(text, i)) characters.Add(i);
        return [.. characters];
    }

    /// <summary>The levels of the line's code units after L1 (for the conformance test; X9-removed characters as 255/“x”).</summary>
    public static byte[] LineLevels(ReadOnlySpan<char> text, BidiParagraph paragraph, int start, int end) =>
        LineLevels(LineClasses(text, start, end), paragraph, start, end);

    /// <summary><see cref="VisualRuns(ReadOnlySpan{char}, BidiParagraph, int, int)"/> for the line's classes, one per code unit.</summary>
    internal static BidiRun[] VisualRuns(ReadOnlySpan<BidiClass> lineClasses, BidiParagraph paragraph, int start, int end)
    {
        byte[] levels = LevelsAfterL1(lineClasses, paragraph, start, end);
        GiveRemovedNeighbourLevels(levels, paragraph.ParagraphLevel);
        return Reorder(LogicalRuns(levels, start));
    }

    /// <summary><see cref="VisualOrder(ReadOnlySpan{char}, BidiParagraph, int, int)"/> for the line's classes, one per code unit.</summary>
    internal static int[] VisualOrder(ReadOnlySpan<BidiClass> lineClasses, BidiParagraph paragraph, int start, int end)
    {
        var order = new List<int>(end - start);
        foreach (var run in VisualRuns(lineClasses, paragraph, start, end))
        {
            for (int k = 0; k < run.Length; k++)
            {
                int i = run.IsRightToLeft ? run.Start + run.Length - 1 - k : run.Start + k;
                if (!IsRemovedByX9(lineClasses[i - start])) order.Add(i);
            }
        }
        return [.. order];
    }

    /// <summary><see cref="LineLevels(ReadOnlySpan{char}, BidiParagraph, int, int)"/> for the line's classes, one per code unit.</summary>
    internal static byte[] LineLevels(ReadOnlySpan<BidiClass> lineClasses, BidiParagraph paragraph, int start, int end) =>
        LevelsAfterL1(lineClasses, paragraph, start, end);

    /// <summary>Whether the text has a character that can make any level other than the paragraph's 0.</summary>
    private static bool NeedsAlgorithm(ReadOnlySpan<char> text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            // Nothing below the Hebrew block is strong RTL, an Arabic number or a formatting character.
            if (text[i] < '\u0590') continue;
            var bidiClass = BidiData.GetClass(CodePointAt(text, i));
            if (bidiClass is BidiClass.R or BidiClass.AL or BidiClass.AN || IsExplicit(bidiClass)) return true;
            if (CodeUnits(text, i) == 2) i++;
        }
        return false;
    }

    /// <summary>The class of each code unit of text[start..end); both units of a surrogate pair get their character's.</summary>
    private static BidiClass[] LineClasses(ReadOnlySpan<char> text, int start, int end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, text.Length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, end);
        var classes = new BidiClass[end - start];
        for (int i = start; i < end; i++)
        {
            int first = IsTrailingSurrogate(text, i) ? i - 1 : i;
            classes[i - start] = BidiData.GetClass(CodePointAt(text, first));
        }
        return classes;
    }

    /// <summary>The code point at a code unit: a pair's, or a lone surrogate's own value.</summary>
    private static int CodePointAt(ReadOnlySpan<char> text, int i) =>
        CodeUnits(text, i) == 2 ? char.ConvertToUtf32(text[i], text[i + 1]) : text[i];

    /// <summary>2 where a surrogate pair starts, else 1.</summary>
    private static int CodeUnits(ReadOnlySpan<char> text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;

    private static bool IsTrailingSurrogate(ReadOnlySpan<char> text, int i) =>
        i > 0 && char.IsLowSurrogate(text[i]) && char.IsHighSurrogate(text[i - 1]);
}
