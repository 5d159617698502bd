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

    /// <summary>The longest duration accepted (a step longer than this is a mistake, and it keeps every sum of durations exact).</summary>
    public const long MaxDays = 1_000_000;

    public static readonly TimeSpan Max = TimeSpan.FromDays(MaxDays);

    /// <summary>Why <paramref name="text"/> (which <see cref="TryParse"/> refused) is not a duration: too long, or not written as one.</summary>
    public static string Problem(string text) => IsTooLong(text)
        ? $"`{text}` is too long for a duration; the longest accepted is {MaxDays}d"
        : $"`{text}` is not a duration; {Help}";

    /// <summary>True when <paramref name="text"/> is written as a duration but is longer than <see cref="Max"/>.</summary>
    public static bool IsTooLong(string text)
    {
        var m = Pattern().Match(Normalize(text));
        if (!m.Success || m.Length == 0) return false;
        return Seconds(m) is not { } s || s > (long)Max.TotalSeconds;
    }

    private static string Normalize(string text) => text.Trim().Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();

    /// <summary>The seconds a match adds up to, or null beyond what a long holds.</summary>
    private static long? Seconds(Match m)
    {
        long seconds = 0;
        int[] factor = [86400, 3600, 60, 1];
        for (int i = 0; i < 4; i++)
        {
            if (!m.Groups[i + 1].Success) continue;
            string digits = m.Groups[i + 1].Value.TrimStart('0');
            if (digits.Length > 15) return null;
            long n = digits.Length == 0 ? 0 : long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
            seconds += n * factor[i];
            if (seconds > 1L << 60) return null;
        }
        return seconds;
    }

    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        string t = Normalize(text);
        if (t.Length == 0) return false;
        var m = Pattern().Match(t);
        if (!m.Success) return false;
        if (Seconds(m) is not { } seconds || seconds > (long)Max.TotalSeconds) return false;
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
