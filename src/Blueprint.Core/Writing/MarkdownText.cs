using System.Text;

namespace Blueprint.Core.Writing;

/// <summary>Escapes model text so that Markdown reads it back as the same plain text and nothing else (no emphasis, links, ids or blocks).</summary>
internal static class MarkdownText
{
    /// <summary>
    /// Text inside a paragraph, list item or heading. <paramref name="lineStart"/> when the text opens a line (a paragraph),
    /// so block markers such as <c>- </c> or <c>1.</c> are escaped; <paramref name="continuation"/> indents the lines after
    /// a line break (written as a hard break), or null where no break can be written (headings: a space instead).
    /// </summary>
    public static string Escape(string text, bool lineStart, string? continuation, bool heading = false)
    {
        var sb = new StringBuilder(text.Length + 8);
        bool atLineStart = lineStart;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r') continue;
            if (c == '\n')
            {
                if (continuation is null) { sb.Append(' '); continue; }
                sb.Append("\\\n").Append(continuation);
                atLineStart = true;
                continue;
            }
            if (atLineStart)
            {
                atLineStart = false;
                if (c is '-' or '+' or '=' or '>' or '#' or '~' or ' ' or '\t')
                {
                    if (c is ' ' or '\t') { sb.Append("&#").Append((int)c).Append(';'); atLineStart = true; continue; }
                    sb.Append('\\').Append(c);
                    continue;
                }
                if (char.IsAsciiDigit(c))
                {
                    int j = i;
                    while (j < text.Length && char.IsAsciiDigit(text[j])) j++;
                    if (j < text.Length && text[j] is '.' or ')')
                    {
                        sb.Append(text, i, j - i).Append('\\').Append(text[j]);
                        i = j;
                        continue;
                    }
                }
            }
            char prev = i > 0 ? text[i - 1] : ' ';
            char next = i + 1 < text.Length ? text[i + 1] : ' ';
            bool escape = c switch
            {
                '\\' or '`' or '*' or '[' or ']' or '<' or '|' => true,
                '_' => !(char.IsLetterOrDigit(prev) && char.IsLetterOrDigit(next)),
                '&' => char.IsAsciiLetterOrDigit(next) || next == '#',
                '{' => next == '#',
                '#' => heading,
                _ => false,
            };
            if (escape) sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>A link destination for <c>#ref</c>: backslash escapes, or angle brackets when it holds spaces.</summary>
    public static string Destination(string reference)
    {
        string target = "#" + reference;
        if (target.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            return "<" + EscapeAll(target, "<>\\") + ">";
        return EscapeAll(target, "()<>\\");
    }

    private static string EscapeAll(string s, string chars)
    {
        var sb = new StringBuilder(s.Length + 4);
        foreach (char c in s)
        {
            if (chars.Contains(c)) sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>True when an id can be written as <c>{#id}</c> (no spaces or braces).</summary>
    public static bool CanWriteAnchor(string id) => id.Length > 0 && !id.Any(c => char.IsWhiteSpace(c) || c is '{' or '}');
}
