namespace Blueprint.Cli.Lsp;

/// <summary>
/// A Markdown inline link <c>[label](#ref "title")</c> written at an offset: where its label, destination and title
/// are, and its <see cref="End"/>, just after the closing <c>)</c>. Only the form the readers write and most people
/// type (no reference-style links, no code in the label).
/// </summary>
internal sealed record MarkdownLink(int LabelStart, int LabelEnd, int DestinationStart, int DestinationEnd, int? TitleStart, int? TitleEnd, int End)
{
    public static MarkdownLink? At(string text, int at)
    {
        if (at >= text.Length || text[at] != '[') return null;
        int i = at + 1, depth = 0;
        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\\') { i++; continue; }
            if (c == '\n' && i + 1 < text.Length && text[i + 1] is '\n' or '\r') return null; // a paragraph ends
            if (c == '[') depth++;
            else if (c == ']' && depth-- == 0) break;
        }
        if (i + 1 >= text.Length || text[i + 1] != '(') return null;
        int labelEnd = i;
        int p = SkipSpaces(text, i + 2);
        int destStart = p, destEnd;
        if (p < text.Length && text[p] == '<')
        {
            int close = text.IndexOf('>', p);
            if (close < 0) return null;
            destEnd = close + 1;
        }
        else
        {
            int parens = 0;
            while (p < text.Length && !char.IsWhiteSpace(text[p]))
            {
                if (text[p] == '\\') { p += 2; continue; }
                if (text[p] == '(') parens++;
                else if (text[p] == ')' && parens-- == 0) break;
                p++;
            }
            destEnd = Math.Min(p, text.Length);
        }
        p = SkipSpaces(text, destEnd);
        int? titleStart = null, titleEnd = null;
        if (p < text.Length && text[p] is '"' or '\'' or '(')
        {
            char close = text[p] == '(' ? ')' : text[p];
            int q = p + 1;
            while (q < text.Length && text[q] != close) q += text[q] == '\\' ? 2 : 1;
            if (q >= text.Length) return null;
            (titleStart, titleEnd) = (p, q + 1);
            p = SkipSpaces(text, q + 1);
        }
        if (p >= text.Length || text[p] != ')') return null;
        return new MarkdownLink(at + 1, labelEnd, destStart, destEnd, titleStart, titleEnd, p + 1);
    }

    /// <summary>The offsets of what follows the <c>#</c> of the destination (inside <c>&lt;...&gt;</c> when it is written so).</summary>
    public (int Start, int End) ReferenceSpan(string text)
    {
        bool angle = text[DestinationStart] == '<';
        return (DestinationStart + (angle ? 2 : 1), DestinationEnd - (angle ? 1 : 0));
    }

    /// <summary>The reference as written after <c>#</c>, or null when the destination is not an anchor.</summary>
    public string? Reference(string text)
    {
        var (start, end) = ReferenceSpan(text);
        return start <= end && text[start - 1] == '#' ? text[start..end].Trim() : null;
    }

    private static int SkipSpaces(string text, int p)
    {
        while (p < text.Length && text[p] is ' ' or '\t' or '\n' or '\r') p++;
        return p;
    }
}
