using System.Diagnostics;
using System.Globalization;
using System.Text;
using Blueprint.Rendering.Text.Unicode;
using Xunit.Abstractions;

namespace Blueprint.Rendering.Tests.Text;

/// <summary>Unicode's own conformance tests of the bidirectional algorithm (UAX #9): every case must pass.</summary>
public sealed class BidiConformanceTests(ITestOutputHelper output)
{
    private const string UcdFolder = "/usr/share/unicode";
    private const int FailuresShown = 20;

    [Fact]
    public void Every_case_of_BidiCharacterTest_passes()
    {
        var watch = Stopwatch.StartNew();
        var failures = new List<string>();
        int cases = 0;
        string[] lines = ReadUcdFile("BidiCharacterTest.txt");
        for (int number = 1; number <= lines.Length; number++)
        {
            string line = lines[number - 1];
            if (line.Length == 0 || line[0] == '#') continue;
            cases++;
            string? failure = RunCharacterCase(line);
            if (failure is not null) failures.Add($"line {number}: {line}\n  {failure}");
        }
        output.WriteLine($"BidiCharacterTest.txt: {cases - failures.Count}/{cases} passed in {watch.ElapsedMilliseconds} ms");
        Assert.True(cases > 90_000, $"only {cases} cases read");
        AssertNoFailures(failures, cases);
    }

    [Fact]
    public void Every_case_of_BidiTest_passes()
    {
        var watch = Stopwatch.StartNew();
        var failures = new List<string>();
        int cases = 0;
        byte[] expectedLevels = [];
        int[] expectedOrder = [];
        string[] lines = ReadUcdFile("BidiTest.txt");
        for (int number = 1; number <= lines.Length; number++)
        {
            string line = lines[number - 1];
            if (line.Length == 0 || line[0] == '#') continue;
            if (line.StartsWith("@Levels:", StringComparison.Ordinal))
                expectedLevels = [.. Tokens(line["@Levels:".Length..]).Select(t => t == "x" ? (byte)255 : byte.Parse(t, CultureInfo.InvariantCulture))];
            else if (line.StartsWith("@Reorder:", StringComparison.Ordinal))
                expectedOrder = [.. Tokens(line["@Reorder:".Length..]).Select(t => int.Parse(t, CultureInfo.InvariantCulture))];
            else if (line[0] != '@')
            {
                int semicolon = line.IndexOf(';');
                BidiClass[] classes = [.. Tokens(line[..semicolon]).Select(ParseClass)];
                int bitset = int.Parse(line[(semicolon + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                foreach (var (bit, direction) in new[] { (1, BidiDirection.Auto), (2, BidiDirection.LeftToRight), (4, BidiDirection.RightToLeft) })
                {
                    if ((bitset & bit) == 0) continue;
                    cases++;
                    string? failure = RunClassCase(classes, direction, expectedLevels, expectedOrder);
                    if (failure is not null) failures.Add($"line {number} ({direction}): {line}\n  {failure}");
                }
            }
        }
        output.WriteLine($"BidiTest.txt: {cases - failures.Count}/{cases} passed in {watch.ElapsedMilliseconds} ms");
        Assert.True(cases > 700_000, $"only {cases} cases read");
        AssertNoFailures(failures, cases);
    }

    /// <summary>One line of BidiCharacterTest.txt: code points; direction; paragraph level; levels; visual order.</summary>
    private static string? RunCharacterCase(string line)
    {
        string[] fields = line.Split(';');
        int[] codePoints = [.. Tokens(fields[0]).Select(hex => int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture))];
        var direction = fields[1] switch { "0" => BidiDirection.LeftToRight, "1" => BidiDirection.RightToLeft, _ => BidiDirection.Auto };

        // The text and, for each code unit, the index of its code point.
        var text = new StringBuilder();
        var characterOf = new List<int>();
        var unitOf = new int[codePoints.Length];
        for (int k = 0; k < codePoints.Length; k++)
        {
            unitOf[k] = text.Length;
            text.Append(char.ConvertFromUtf32(codePoints[k]));
            while (characterOf.Count < text.Length) characterOf.Add(k);
        }
        string s = text.ToString();

        var paragraph = Bidi.Resolve(s, direction);
        byte[] unitLevels = Bidi.LineLevels(s, paragraph, 0, s.Length);
        string levels = string.Join(' ', unitOf.Select(u => LevelText(unitLevels[u])));
        string order = string.Join(' ', Bidi.VisualOrder(s, paragraph, 0, s.Length).Select(u => characterOf[u]));
        return Compare(fields[2], paragraph.ParagraphLevel.ToString(CultureInfo.InvariantCulture), fields[3], levels, fields[4], order);
    }

    /// <summary>One paragraph direction of one line of BidiTest.txt (compared as numbers: there are 770,000).</summary>
    private static string? RunClassCase(BidiClass[] classes, BidiDirection direction, byte[] expectedLevels, int[] expectedOrder)
    {
        var paragraph = Bidi.Resolve(classes, direction);
        byte[] levels = Bidi.LineLevels(classes, paragraph, 0, classes.Length);
        int[] order = Bidi.VisualOrder(classes, paragraph, 0, classes.Length);
        if (levels.AsSpan().SequenceEqual(expectedLevels) && order.AsSpan().SequenceEqual(expectedOrder)) return null;
        return Compare(null, null, string.Join(' ', expectedLevels.Select(LevelText)), string.Join(' ', levels.Select(LevelText)),
            string.Join(' ', expectedOrder), string.Join(' ', order));
    }

    private static string? Compare(string? expectedParagraph, string? paragraph, string expectedLevels, string levels, string expectedOrder, string order)
    {
        var problems = new List<string>();
        if (expectedParagraph != paragraph) problems.Add($"paragraph level {paragraph}, expected {expectedParagraph}");
        if (Normalize(expectedLevels) != levels) problems.Add($"levels [{levels}], expected [{Normalize(expectedLevels)}]");
        if (Normalize(expectedOrder) != order) problems.Add($"order [{order}], expected [{Normalize(expectedOrder)}]");
        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    private void AssertNoFailures(List<string> failures, int cases)
    {
        foreach (string failure in failures.Take(FailuresShown)) output.WriteLine(failure);
        Assert.True(failures.Count == 0,
            $"{failures.Count} of {cases} cases fail; the first {Math.Min(FailuresShown, failures.Count)}:\n" + string.Join('\n', failures.Take(FailuresShown)));
    }

    private static string[] ReadUcdFile(string name)
    {
        string path = Path.Combine(UcdFolder, name);
        Assert.True(File.Exists(path), $"{path} is missing: install Debian's unicode-data (./test.sh does)");
        return File.ReadAllLines(path);
    }

    private static readonly Dictionary<string, BidiClass> s_classes = Enum.GetValues<BidiClass>().ToDictionary(c => c.ToString());

    private static BidiClass ParseClass(string name) => s_classes[name];

    private static string LevelText(byte level) => level == 255 ? "x" : level.ToString(CultureInfo.InvariantCulture);

    private static string[] Tokens(string text) => text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);

    private static string Normalize(string list) => string.Join(' ', Tokens(list));
}
