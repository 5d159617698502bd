namespace Blueprint.Rendering.Text.Unicode;

// Placeholder until the UAX #14 implementation lands: breaks after spaces, must break after line feeds.
internal readonly record struct LineBreak(int Position, bool Mandatory);

internal static class LineBreaker
{
    public static List<LineBreak> Breaks(ReadOnlySpan<char> text)
    {
        var list = new List<LineBreak>();
        Breaks(text, list);
        return list;
    }

    public static void Breaks(ReadOnlySpan<char> text, List<LineBreak> into)
    {
        into.Clear();
        for (int i = 0; i < text.Length - 1; i++)
        {
            if (text[i] == '\n') into.Add(new LineBreak(i + 1, true));
            else if (text[i] == ' ' && text[i + 1] != ' ') into.Add(new LineBreak(i + 1, false));
        }
        if (text.Length > 0) into.Add(new LineBreak(text.Length, true));
    }
}
