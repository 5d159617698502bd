using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Blueprint.Core.Model;

/// <summary>Durations written as <c>30s</c>, <c>2m</c>, <c>1h30m</c>, <c>2d</c> (units d, h, m, s, largest first).</summary>
public static partial class Durations
{
    [GeneratedRegex(@"^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public const string Help = "write a number with a unit, largest first, e.g. 30s, 2m, 1h30m or 2d";

    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        string t = text.Trim().Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        if (t.Length == 0 || t.Length > 40) return false;
        var m = Pattern().Match(t);
        if (!m.Success) return false;
        long seconds = 0;
        int[] factor = [86400, 3600, 60, 1];
        for (int i = 0; i < 4; i++)
        {
            if (!m.Groups[i + 1].Success) continue;
            if (!long.TryParse(m.Groups[i + 1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out long n) || n > 100_000_000) return false;
            seconds += n * factor[i];
        }
        duration = TimeSpan.FromSeconds(seconds);
        return true;
    }

    /// <summary>The canonical spelling: <c>1h30m</c>, <c>45s</c>, <c>0s</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        long s = (long)duration.TotalSeconds;
        if (s == 0) return "0s";
        var sb = new StringBuilder();
        foreach (var (unit, size) in new[] { ("d", 86400L), ("h", 3600L), ("m", 60L), ("s", 1L) })
        {
            if (s >= size) { sb.Append(CultureInfo.InvariantCulture, $"{s / size}{unit}"); s %= size; }
        }
        return sb.ToString();
    }
}
