namespace Blueprint.Rendering.Text.Unicode;

/// <summary>Bidi_Paired_Bracket_Type (UAX #9, BD14 and BD15).</summary>
internal enum BracketType : byte { None, Open, Close }

/// <summary>
/// Lookups in the generated Unicode tables of <c>BidiData.g.cs</c> (<c>generate_bidi.py</c> writes them from the
/// Unicode Character Database).
/// </summary>
internal static partial class BidiData
{
    private const int BlockMask = (1 << BlockShift) - 1;

    /// <summary>The Bidi_Class of a code point (unassigned ones get their block's default); L outside the code space.</summary>
    public static BidiClass GetClass(int codePoint)
    {
        if ((uint)codePoint > 0x10FFFF) return BidiClass.L;
        int block = ClassIndex[codePoint >> BlockShift];
        return (BidiClass)ClassBlocks[(block << BlockShift) | (codePoint & BlockMask)];
    }

    /// <summary>The Bidi_Paired_Bracket_Type of a code point.</summary>
    public static BracketType GetBracketType(int codePoint)
    {
        int i = BracketIndex(codePoint);
        return i < 0 ? BracketType.None : (BracketType)BracketTypes[i];
    }

    /// <summary>The Bidi_Paired_Bracket of a code point (itself when it is no bracket).</summary>
    public static int GetPairedBracket(int codePoint)
    {
        int i = BracketIndex(codePoint);
        return i < 0 ? codePoint : PairedBrackets[i];
    }

    /// <summary>
    /// The bracket a code point is canonically equivalent to (U+2329 to U+3008 and the like), so that N0 pairs
    /// brackets by canonical equivalence; the code point itself for all others.
    /// </summary>
    public static int CanonicalBracket(int codePoint)
    {
        int i = IndexIn(CanonicalBracketsFrom, codePoint);
        return i < 0 ? codePoint : CanonicalBracketsTo[i];
    }

    /// <summary>The Bidi_Mirroring_Glyph of a code point, or the code point itself when it has none.</summary>
    public static int Mirror(int codePoint)
    {
        int i = IndexIn(MirroredCodePoints, codePoint);
        return i < 0 ? codePoint : MirroringGlyphs[i];
    }

    private static int BracketIndex(int codePoint) => IndexIn(BracketCodePoints, codePoint);

    private static int IndexIn(ReadOnlySpan<ushort> sorted, int codePoint) =>
        (uint)codePoint > 0xFFFF ? -1 : Math.Max(-1, sorted.BinarySearch((ushort)codePoint));
}
