namespace Blueprint.Core.Diff;

/// <summary>
/// How alike two texts are, for matching renamed scenes, steps and cards: the Dice coefficient of their character
/// bigrams (2 × shared pairs / all pairs), case and runs of white space folded. 1 is the same text, 0 nothing shared.
/// </summary>
public static class Similarity
{
    /// <summary>Two texts at least this alike are one element renamed or reworded (documented in the README).</summary>
    public const double Threshold = 0.5;

    public static double Of(string a, string b)
    {
        string x = Fold(a), y = Fold(b);
        if (x == y) return 1;
        if (x.Length < 2 || y.Length < 2) return 0;
        var pairs = new Dictionary<(char, char), int>();
        for (int i = 0; i + 1 < x.Length; i++) pairs[(x[i], x[i + 1])] = pairs.GetValueOrDefault((x[i], x[i + 1])) + 1;
        int shared = 0;
        for (int i = 0; i + 1 < y.Length; i++)
        {
            var p = (y[i], y[i + 1]);
            if (pairs.TryGetValue(p, out int n) && n > 0) { shared++; pairs[p] = n - 1; }
        }
        return 2.0 * shared / (x.Length - 1 + y.Length - 1);
    }

    private static string Fold(string text) =>
        string.Join(' ', text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
