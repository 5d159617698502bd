namespace Blueprint.Core.Diagnostics;

/// <summary>Did-you-mean: the nearest candidate by edit distance, if it is near enough to be a likely typo.</summary>
public static class Suggest
{
    public static string? Nearest(string input, IEnumerable<string> candidates)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        string lower = input.ToLowerInvariant();
        foreach (var candidate in candidates)
        {
            int d = Distance(lower, candidate.ToLowerInvariant());
            if (d < bestDistance || (d == bestDistance && best is not null && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = d;
            }
        }
        if (best is null) return null;
        int limit = Math.Max(2, Math.Min(input.Length, best.Length) / 3);
        bool prefix = input.Length >= 3 && best.StartsWith(input, StringComparison.OrdinalIgnoreCase);
        return bestDistance <= limit || prefix ? best : null;
    }

    /// <summary>" (did you mean `x`?)" or an empty string.</summary>
    public static string DidYouMean(string input, IEnumerable<string> candidates) => DidYouMean(Nearest(input, candidates));

    /// <summary>"; did you mean `x`?" for a suggestion already found, or an empty string for none.</summary>
    public static string DidYouMean(string? suggestion) => suggestion is not null ? $"; did you mean `{suggestion}`?" : "";

    /// <summary>Optimal string alignment distance (Levenshtein plus adjacent transpositions).</summary>
    public static int Distance(string a, string b)
    {
        if (a.Length > 200 || b.Length > 200) return int.MaxValue / 2;
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
        for (int j = 1; j <= b.Length; j++)
        {
            int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
        }
        return d[a.Length, b.Length];
    }
}
