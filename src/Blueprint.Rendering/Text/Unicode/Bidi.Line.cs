namespace Blueprint.Rendering.Text.Unicode;

// The line rules of UAX #9 (L1, L2), over one line's code units.
internal static partial class Bidi
{
    /// <summary>The level of a character X9 removed, where it has none of its own.</summary>
    private const byte Removed = 255;

    /// <summary>
    /// The line's levels after L1, removed characters as <see cref="Removed"/>. L1 looks through them (as UAX #9
    /// section 5.2 does for retained ones): whitespace before a removed character at the line's end is reset too.
    /// </summary>
    private static byte[] LevelsAfterL1(ReadOnlySpan<BidiClass> lineClasses, BidiParagraph paragraph, int start, int end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, paragraph.Levels.Length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, end);
        ArgumentOutOfRangeException.ThrowIfNotEqual(lineClasses.Length, end - start);
        byte[] levels = paragraph.Levels.AsSpan(start, end - start).ToArray();
        byte paragraphLevel = paragraph.ParagraphLevel;

        // From the end back: separators, and the whitespace and isolate controls before them or the line's end.
        bool resetting = true;
        for (int i = levels.Length - 1; i >= 0; i--)
        {
            var type = lineClasses[i];
            if (type is BidiClass.S or BidiClass.B)
            {
                levels[i] = paragraphLevel;
                resetting = true;
            }
            else if (type == BidiClass.WS || IsIsolateControl(type))
            {
                if (resetting) levels[i] = paragraphLevel;
            }
            else if (IsRemovedByX9(type)) levels[i] = Removed;
            else resetting = false;
        }
        return levels;
    }

    /// <summary>
    /// Removed characters take the level of the preceding character on the line, or at its start the following one's,
    /// so that they never make a run of their own.
    /// </summary>
    private static void GiveRemovedNeighbourLevels(byte[] levels, byte paragraphLevel)
    {
        int firstKnown = Array.FindIndex(levels, level => level != Removed);
        byte previous = firstKnown >= 0 ? levels[firstKnown] : paragraphLevel;
        for (int i = 0; i < levels.Length; i++)
        {
            if (levels[i] == Removed) levels[i] = previous;
            else previous = levels[i];
        }
    }

    /// <summary>The runs of equal level, in logical order; <paramref name="start"/> is the line's offset in the paragraph.</summary>
    private static List<BidiRun> LogicalRuns(byte[] levels, int start)
    {
        var runs = new List<BidiRun>();
        for (int i = 0; i < levels.Length;)
        {
            int end = i + 1;
            while (end < levels.Length && levels[end] == levels[i]) end++;
            runs.Add(new BidiRun(start + i, end - i, levels[i]));
            i = end;
        }
        return runs;
    }

    /// <summary>L2: from the highest level down to the lowest odd one, reverse every sequence of runs at that level or above.</summary>
    private static BidiRun[] Reorder(List<BidiRun> runs)
    {
        if (runs.Count == 0) return [];
        int highest = 0, lowest = int.MaxValue;
        foreach (var run in runs)
        {
            highest = Math.Max(highest, run.Level);
            lowest = Math.Min(lowest, run.Level);
        }
        var visual = runs.ToArray();
        for (int level = highest; level >= (lowest | 1); level--)
        {
            for (int i = 0; i < visual.Length; i++)
            {
                if (visual[i].Level < level) continue;
                int end = i;
                while (end < visual.Length && visual[end].Level >= level) end++;
                Array.Reverse(visual, i, end - i);
                i = end;
            }
        }
        return visual;
    }
}
