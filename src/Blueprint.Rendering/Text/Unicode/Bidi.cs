namespace Blueprint.Rendering.Text.Unicode;

// Placeholder until the UAX #9 implementation lands: everything left to right.
internal enum BidiDirection : byte { Auto, LeftToRight, RightToLeft }

internal sealed record BidiParagraph(byte ParagraphLevel, byte[] Levels)
{
    public bool HasRightToLeft => Levels.Any(l => (l & 1) != 0);
}

internal readonly record struct BidiRun(int Start, int Length, byte Level)
{
    public bool IsRightToLeft => (Level & 1) != 0;
}

internal static class Bidi
{
    public static BidiParagraph Resolve(ReadOnlySpan<char> text, BidiDirection direction = BidiDirection.Auto) =>
        new((byte)(direction == BidiDirection.RightToLeft ? 1 : 0), new byte[text.Length]);

    public static BidiRun[] VisualRuns(ReadOnlySpan<char> text, BidiParagraph paragraph, int start, int end) =>
        end > start ? [new BidiRun(start, end - start, paragraph.ParagraphLevel)] : [];
}
