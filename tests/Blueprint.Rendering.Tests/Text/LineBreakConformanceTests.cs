using System.Globalization;
using System.Text;
using Blueprint.Rendering.Text.Unicode;

namespace Blueprint.Rendering.Tests.Text;

/// <summary>Every case of Unicode's own line-breaking test file gives the breaks it lists.</summary>
public sealed class LineBreakConformanceTests
{
    private const string TestFile = "/usr/share/unicode/auxiliary/LineBreakTest.txt";

    [Fact]
    public void Every_case_of_LineBreakTest_txt_passes()
    {
        Assert.True(File.Exists(TestFile),
            $"{TestFile} is missing: install Debian's unicode-data package (./test.sh does: sudo apt-get install unicode-data).");
        var lines = File.ReadAllLines(TestFile);
        Assert.True(lines[0].Contains(LineBreakData.UnicodeVersion, StringComparison.Ordinal),
            $"{TestFile} is \"{lines[0]}\", the tables are Unicode {LineBreakData.UnicodeVersion}: run generate_linebreak.py on the new UCD (and teach LineBreaker that version's rules).");

        var failures = new List<string>();
        var cases = 0;
        var actual = new List<LineBreak>();
        for (var n = 0; n < lines.Length; n++)
        {
            var data = lines[n].Split('#', 2)[0].Trim();
            if (data.Length == 0) continue;
            cases++;
            var (text, expected) = Parse(data);
            LineBreaker.Breaks(text, actual);
            var got = actual.Select(b => b.Position).ToArray();
            if (!got.SequenceEqual(expected) || !actual[^1].Mandatory)
                failures.Add($"line {n + 1}: expected {Show(text, expected)}\n          actual   {Show(text, got)}\n          {lines[n].Split('#', 2)[1].Trim()}");
        }

        Assert.True(cases > 7000, $"only {cases} cases read from {TestFile}");
        Assert.True(failures.Count == 0,
            $"{failures.Count} of {cases} cases of {TestFile} fail; the first ones:\n" + string.Join("\n", failures.Take(20)));
    }

    /// <summary>The text of a test line (hex code points between × and ÷) and the UTF-16 indices of its ÷ marks.</summary>
    private static (string Text, int[] Breaks) Parse(string data)
    {
        var text = new StringBuilder();
        var breaks = new List<int>();
        foreach (var token in data.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (token == "÷") breaks.Add(text.Length);
            else if (token != "×") text.Append(char.ConvertFromUtf32(int.Parse(token, NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
        }
        return (text.ToString(), breaks.ToArray());
    }

    /// <summary>A text's code points in hex with ÷ at the given breaks and × elsewhere, as the test file writes them.</summary>
    private static string Show(string text, IReadOnlyCollection<int> breaks)
    {
        var shown = new StringBuilder();
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && char.IsLowSurrogate(text[i])) continue;
            shown.Append(breaks.Contains(i) ? "÷" : "×");
            if (i < text.Length) shown.Append(CultureInfo.InvariantCulture, $" {char.ConvertToUtf32(text, i):X4} ");
        }
        return shown.ToString();
    }
}
