using Blueprint.Core.Diagnostics;

namespace Blueprint.Cli.Lsp;

/// <summary>A position as LSP gives it: 0-based line, and character in UTF-16 code units within the line.</summary>
public readonly record struct LspPosition(int Line, int Character);

public readonly record struct LspRange(LspPosition Start, LspPosition End);

/// <summary>
/// A document's text with its line starts, for the conversions between LSP positions, offsets and the readers'
/// locations. The readers count lines from 1 and columns from 1 in UTF-16 code units (offsets in the .NET string,
/// for YamlDotNet as for our own parsers), so a reader's column is LSP's character plus one; lines end at
/// <c>\n</c> (a <c>\r</c> before it belongs to the line end).
/// </summary>
public sealed class LspText
{
    private readonly List<int> lineStarts = [0];

    public LspText(string text)
    {
        Text = text;
        for (int i = 0; i < text.Length; i++)
            if (text[i] == '\n') lineStarts.Add(i + 1);
    }

    public string Text { get; }

    public int LineCount => lineStarts.Count;

    /// <summary>The offset of a position; a character past the line's end means its end, a line past the last the text's end.</summary>
    public int Offset(LspPosition position)
    {
        if (position.Line < 0) return 0;
        if (position.Line >= lineStarts.Count) return Text.Length;
        int start = lineStarts[position.Line];
        return start + Math.Clamp(position.Character, 0, LineLength(position.Line));
    }

    public LspPosition PositionOf(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        int index = lineStarts.BinarySearch(offset);
        int line = index >= 0 ? index : ~index - 1;
        return new LspPosition(line, offset - lineStarts[line]);
    }

    /// <summary>Where a reader's 1-based line and column is, clamped into the text.</summary>
    public LspPosition PositionOf(SourceLocation location)
    {
        int line = Math.Clamp(location.Line - 1, 0, lineStarts.Count - 1);
        return new LspPosition(line, Math.Clamp(location.Column - 1, 0, LineLength(line)));
    }

    /// <summary>
    /// The range a finding underlines: from its location to the end of the word there (up to a space outside the
    /// brackets it opened, or a flow delimiter <c>, ] ) }</c> it did not open: so a YAML list entry, or a whole
    /// Markdown link <c>[label with spaces](#ref "loop")</c>),
    /// at least one character (a whole surrogate pair) unless the line ends there.
    /// </summary>
    public LspRange WordAt(SourceLocation location)
    {
        var start = PositionOf(location);
        int from = Offset(start), lineEnd = lineStarts[start.Line] + LineLength(start.Line), end = from;
        for (int depth = 0; end < lineEnd && (depth > 0 || !char.IsWhiteSpace(Text[end])); end++)
        {
            char c = Text[end];
            if (c is '[' or '(' or '{') depth++;
            else if (c is ']' or ')' or '}' or ',' && depth == 0) break;
            else if (c is ']' or ')' or '}') depth--;
        }
        if (end == from && end < lineEnd) end += char.IsHighSurrogate(Text[end]) && end + 1 < lineEnd ? 2 : 1;
        return new LspRange(start, PositionOf(end));
    }

    /// <summary>The text with <paramref name="range"/> replaced (the whole text when it is null), as a didChange event says.</summary>
    public string Apply(LspRange? range, string newText)
    {
        if (range is not { } r) return newText;
        int from = Offset(r.Start), to = Math.Max(from, Offset(r.End));
        return string.Concat(Text.AsSpan(0, from), newText, Text.AsSpan(to));
    }

    /// <summary>A line's text without its line end.</summary>
    public string Line(int line) => Text[Offset(new LspPosition(line, 0))..Offset(new LspPosition(line, int.MaxValue))];

    /// <summary>
    /// Whether a line is inside a Markdown file's front matter: YAML between a first line <c>---</c> and the next
    /// <c>---</c> or <c>...</c> (to the end when it is not closed), the fences themselves not included.
    /// </summary>
    public bool InFrontMatter(int line)
    {
        if (line <= 0 || Line(0).TrimEnd() != "---") return false;
        for (int l = 1; l <= line && l < LineCount; l++)
            if (Line(l).TrimEnd() is "---" or "...") return false;
        return true;
    }

    /// <summary>The line's length without its line end.</summary>
    private int LineLength(int line)
    {
        int start = lineStarts[line];
        int end = line + 1 < lineStarts.Count ? lineStarts[line + 1] - 1 : Text.Length;
        if (end > start && Text[end - 1] == '\r') end--;
        return end - start;
    }
}
