using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Blueprint.Core.Writing;

/// <summary>YAML scalars written plain when that reads back as the same string in any YAML tool, else double-quoted.</summary>
internal static partial class YamlScalar
{
    private const string Indicators = "-?:,[]{}#&*!|>'\"%@`";

    // Words that YAML 1.1 or 1.2 tools read as null, booleans or numbers rather than text.
    [GeneratedRegex(@"^(?:~|null|true|false|yes|no|y|n|on|off|[-+]?(?:\.inf|\.nan)|[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\.[0-9]+(?:[eE][-+]?[0-9]+)?|0x[0-9a-f_]+|0o[0-7]+|0b[01_]+|<<|=)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Reserved();

    /// <summary>The scalar as YAML; <paramref name="flow"/> when it sits inside <c>[...]</c> or <c>{...}</c>.</summary>
    public static string Write(string value, bool flow = false) => NeedsQuotes(value, flow) ? Quote(value) : value;

    private static bool NeedsQuotes(string s, bool flow)
    {
        if (s.Length == 0) return true;
        if (char.IsWhiteSpace(s[0]) || char.IsWhiteSpace(s[^1])) return true;
        if (Indicators.Contains(s[0])) return true;
        if (s.StartsWith("...", StringComparison.Ordinal)) return true;
        if (s.Contains(": ", StringComparison.Ordinal) || s.Contains(" #", StringComparison.Ordinal) || s.EndsWith(':')) return true;
        if (flow && s.AsSpan().IndexOfAny(",[]{}") >= 0) return true;
        foreach (char c in s)
            if (NeedsEscape(c) || c == '\t') return true;
        return Reserved().IsMatch(s);
    }

    private static bool NeedsEscape(char c) =>
        c < 0x20 || c is >= '\u007f' and <= '\u009f' || c is '\ufeff' or '\u2028' or '\u2029' or '\ufffe' or '\uffff';

    private static string Quote(string s)
    {
        var sb = new StringBuilder(s.Length + 2).Append('"');
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                    {
                        sb.Append(c).Append(s[++i]);
                    }
                    else if (NeedsEscape(c) || char.IsSurrogate(c))
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }
}
