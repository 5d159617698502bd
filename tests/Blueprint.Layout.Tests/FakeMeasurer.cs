using Blueprint.Layout;

namespace Blueprint.Layout.Tests;

/// <summary>
/// A deterministic stand-in for the real text engine (HarfBuzz shaping): every character is 0.55 × the font size wide, lines are 1.2 ×
/// the size high, words wrap greedily (a word too long for a line is split), and text over the line limit ends "…"; private-use characters count as missing glyphs.
/// </summary>
public sealed class FakeMeasurer : ITextMeasurer
{
    public const double CharWidth = 0.55;
    public int Calls { get; private set; }

    public WrappedText Wrap(string text, FontSpec font, double maxWidth, int maxLines)
    {
        Calls++;
        double cw = CharWidth * font.Size;
        double W(string s) => s.Length * cw;
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n").Split('\n'))
        {
            string line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                string candidate = line.Length == 0 ? word : line + " " + word;
                if (W(candidate) <= maxWidth) { line = candidate; continue; }
                if (line.Length > 0) lines.Add(line);
                line = word;
                while (W(line) > maxWidth)
                {
                    int fit = Math.Max(1, (int)Math.Floor(maxWidth / cw));
                    lines.Add(line[..fit]);
                    line = line[fit..];
                }
            }
            if (line.Length > 0) lines.Add(line);
        }
        bool truncated = maxLines > 0 && lines.Count > maxLines;
        if (truncated)
        {
            lines = lines.Take(maxLines).ToList();
            string last = lines[^1];
            while (last.Length > 0 && W(last + "…") > maxWidth) last = last[..^1];
            lines[^1] = last.TrimEnd() + "…";
        }
        double width = lines.Count == 0 ? 0 : lines.Max(W);
        // Characters of the private use area stand for glyphs no installed font has.
        int missing = text.Count(ch => ch is >= '\uE000' and <= '\uF8FF');
        return new WrappedText(lines, width, Math.Round(font.Size * 1.2, 2), truncated, missing);
    }
}
