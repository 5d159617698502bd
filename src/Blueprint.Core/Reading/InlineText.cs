using System.Text;
using Markdig.Syntax.Inlines;

namespace Blueprint.Core.Reading;

/// <summary>A link found in Markdown inline content: its text's range in <see cref="InlineText.Text"/> and its target.</summary>
internal sealed record InlineLink(int Start, int End, string Url, string? Title, int SourceOffset)
{
    /// <summary>A link to <c>#ref</c>: an arrow. Anything else is a web address.</summary>
    public bool IsAnchor => Url.StartsWith('#');
}

/// <summary>
/// The plain text of a run of Markdown inlines (markup dropped, escapes resolved), with, for every character,
/// its offset in the source and whether it was written escaped (or came from code, an entity or HTML) so that
/// markers such as <c>-&gt;</c> and <c>{#id}</c> count only when written as plain text.
/// </summary>
internal sealed class InlineText
{
    private const int MaxDepth = 64;

    public string Text { get; }
    public IReadOnlyList<bool> Literal { get; }
    public IReadOnlyList<int> Offsets { get; }
    public IReadOnlyList<InlineLink> Links { get; }
    /// <summary>Positions in <see cref="Text"/> of <c>&lt;br&gt;</c> tags (they separate cards in a table cell).</summary>
    public IReadOnlyList<(int Position, int SourceOffset)> Breaks { get; }
    public int StartOffset { get; }

    private InlineText(string text, List<bool> literal, List<int> offsets, List<InlineLink> links, List<(int, int)> breaks, int startOffset)
    {
        Text = text;
        Literal = literal;
        Offsets = offsets;
        Links = links;
        Breaks = breaks;
        StartOffset = startOffset;
    }

    public int Length => Text.Length;

    /// <summary>True when the character at <paramref name="i"/> was written as plain, unescaped text.</summary>
    public bool IsPlain(int i) => i >= 0 && i < Literal.Count && Literal[i];

    /// <summary>The source offset of the character at <paramref name="i"/> (or of the end of the text).</summary>
    public int OffsetOf(int i) =>
        Offsets.Count == 0 ? StartOffset : i < Offsets.Count ? Offsets[Math.Max(i, 0)] : Offsets[^1] + 1;

    public static InlineText From(ContainerInline? inline, int startOffset)
    {
        var builder = new Builder();
        if (inline is not null)
            foreach (var child in inline) builder.Walk(child, 0);
        return new InlineText(builder.Text.ToString(), builder.Literal, builder.Offsets, builder.Links, builder.Breaks, startOffset);
    }

    private sealed class Builder
    {
        public readonly StringBuilder Text = new();
        public readonly List<bool> Literal = [];
        public readonly List<int> Offsets = [];
        public readonly List<InlineLink> Links = [];
        public readonly List<(int, int)> Breaks = [];

        private void Append(string s, int sourceStart, bool literal, bool firstEscaped = false)
        {
            for (int i = 0; i < s.Length; i++)
            {
                Text.Append(s[i]);
                Literal.Add(literal && !(firstEscaped && i == 0));
                Offsets.Add(Math.Max(0, sourceStart + i));
            }
        }

        public void Walk(Inline inline, int depth)
        {
            switch (inline)
            {
                case LiteralInline l:
                    // An escaped literal starts at its backslash: the content begins one character later.
                    Append(l.Content.ToString(), l.Span.Start + (l.IsFirstCharacterEscaped ? 1 : 0), literal: true, firstEscaped: l.IsFirstCharacterEscaped);
                    break;
                case CodeInline c:
                    Append(c.Content, c.Span.Start + c.DelimiterCount, literal: false);
                    break;
                case HtmlEntityInline e:
                    Append(e.Transcoded.ToString(), e.Span.Start, literal: false);
                    break;
                case LineBreakInline b:
                    Append(b.IsHard ? "\n" : " ", b.Span.Start, literal: false);
                    break;
                case AutolinkInline a:
                {
                    int start = Text.Length;
                    Append(a.Url, a.Span.Start + 1, literal: false);
                    Links.Add(new InlineLink(start, Text.Length, a.IsEmail ? "mailto:" + a.Url : a.Url, null, a.Span.Start));
                    break;
                }
                case HtmlInline h when IsBreak(h.Tag):
                    Breaks.Add((Text.Length, h.Span.Start));
                    break;
                case HtmlInline h:
                    Append(h.Tag, h.Span.Start, literal: false);
                    break;
                case LinkInline li:
                {
                    int start = Text.Length;
                    if (depth < MaxDepth)
                        foreach (var child in li) Walk(child, depth + 1);
                    if (!li.IsImage)
                        Links.Add(new InlineLink(start, Text.Length, li.Url ?? "", string.IsNullOrEmpty(li.Title) ? null : li.Title, li.Span.Start));
                    break;
                }
                case ContainerInline container when depth < MaxDepth:
                    foreach (var child in container) Walk(child, depth + 1);
                    break;
            }
        }

        private static bool IsBreak(string tag)
        {
            string t = tag.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
            return t is "<br>" or "<br/>";
        }
    }
}
