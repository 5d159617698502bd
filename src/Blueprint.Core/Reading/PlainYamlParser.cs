using System.Buffers;
using System.Text;

namespace Blueprint.Core.Reading;

/// <summary>
/// A fast parser for the YAML that blueprint files are written in: block mappings and sequences, one-line plain and
/// quoted scalars, one-line flow lists of plain words, comments. It gives up (null) on anything else (anchors, tags,
/// block or multi-line scalars, flow mappings, empty values, duplicate keys, keys over 1,024 characters, odd indentation,
/// tabs, several documents and every error), and YamlDotNet then reads the file, so a value, its position and any error
/// are always exactly YamlDotNet's. It builds no tokens or events, which made YamlDotNet most of the time of reading a
/// large file.
/// </summary>
internal sealed class PlainYamlParser
{
    /// <summary>Below the depth limit, so a file this parser takes is never one that YamlDotNet would reject.</summary>
    private const int MaxLevel = Limits.MaxDepth - 4;

    /// <summary>YAML's limit on a key written without `?`: YamlDotNet rejects a longer one.</summary>
    private const int MaxKeyLength = 1024;

    /// <summary>Characters this parser leaves to YamlDotNet wherever they are: controls, tabs, Unicode line breaks, BOM, non-characters.</summary>
    private static readonly SearchValues<char> Unusual = SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\t\u000B\u000C\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017"
        + "\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A"
        + "\u008B\u008C\u008D\u008E\u008F\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E"
        + "\u009F\u2028\u2029\uFEFF\uFFFE\uFFFF");

    /// <summary>Characters that cannot start a plain scalar (YAML indicators), or that this parser does not take there.</summary>
    private static readonly SearchValues<char> NotPlainStart = SearchValues.Create("-?:,[]{}#&*!|>'\"%@`");

    private readonly string text;
    private int p;            // the current character
    private int lineStart;    // where the current line starts
    private int line = 1;     // the current line, 1-based
    private int level;        // collections open around the current value
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> keys =
        new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private PlainYamlParser(string text) => this.text = text;

    /// <summary>The document's tree, or null when the text is not in the plain style this parser reads.</summary>
    public static YamlValue? TryParse(string text)
    {
        if (text.AsSpan().IndexOfAny(Unusual) >= 0 || !CarriageReturnsEndLines(text)) return null;
        return new PlainYamlParser(text).Document();
    }

    private static bool CarriageReturnsEndLines(string text)
    {
        for (int i = text.IndexOf('\r'); i >= 0; i = text.IndexOf('\r', i + 1))
            if (i + 1 >= text.Length || text[i + 1] != '\n') return false;
        return true;
    }

    private YamlValue? Document()
    {
        if (!NextContent()) return null;
        var root = Block();
        return root is null || p < text.Length ? null : root;
    }

    // ---- lines ---------------------------------------------------------------------------------------------

    private int Column => p - lineStart;
    private char At(int i) => i < text.Length ? text[i] : '\n';
    private static bool IsLineEnd(char c) => c is '\n' or '\r';
    private bool AtLineEnd(int i) => IsLineEnd(At(i));

    /// <summary>From the start of a line, skips blank and comment lines to the first content character; false at the end.</summary>
    private bool NextContent()
    {
        while (true)
        {
            if (p >= text.Length) return false;
            while (At(p) == ' ') p++;
            if (p >= text.Length) return false;
            if (IsLineEnd(text[p]) || text[p] == '#')
            {
                NextLine();
                continue;
            }
            return true;
        }
    }

    /// <summary>Moves to the start of the next line.</summary>
    private void NextLine()
    {
        int end = text.IndexOf('\n', p);
        p = lineStart = end < 0 ? text.Length : end + 1;
        line++;
    }

    /// <summary>After a value that ends its line: the next content line's indentation, or -1 at the end of the text.</summary>
    private int NextContentIndent()
    {
        if (!RestIsBlank()) return int.MaxValue;
        NextLine();
        return NextContent() ? Column : -1;
    }

    /// <summary>True when only spaces and a comment are left on the line.</summary>
    private bool RestIsBlank()
    {
        int i = p;
        while (At(i) == ' ') i++;
        if (AtLineEnd(i)) return true;
        return text[i] == '#' && i > p;
    }

    // ---- block collections ----------------------------------------------------------------------------------

    private YamlValue? Block() => IsEntry(p) ? Sequence() : KeyEnd(p) >= 0 ? Mapping() : null;

    /// <summary>False when a collection opened at the current level would be nested too deep.</summary>
    private bool MayNest() => level < MaxLevel;

    private bool IsEntry(int i) => At(i) == '-' && (At(i + 1) == ' ' || AtLineEnd(i + 1));

    /// <summary>A block sequence whose dashes are in the current column.</summary>
    private YamlList? Sequence()
    {
        int column = Column;
        var list = new YamlList(line, column + 1, []);
        if (!MayNest()) return null;
        level++;
        var done = SequenceEntries(list, column);
        level--;
        return done;
    }

    private YamlList? SequenceEntries(YamlList list, int column)
    {
        while (true)
        {
            p++;
            while (At(p) == ' ') p++;
            YamlValue? item;
            int next;
            if (AtLineEnd(p) || At(p) == '#')
            {
                // The entry's value starts on a later line, further in.
                if (!RestIsBlank()) return null;
                NextLine();
                if (!NextContent() || Column <= column) return null;
                item = Block();
                next = item is null ? int.MaxValue : p >= text.Length ? -1 : Column;
            }
            else if (IsEntry(p)) return null;
            else if (KeyEnd(p) >= 0)
            {
                item = Mapping();
                next = item is null ? int.MaxValue : p >= text.Length ? -1 : Column;
            }
            else
            {
                item = Inline();
                next = item is null ? int.MaxValue : NextContentIndent();
            }
            if (item is null || next > column) return null;
            list.Items.Add(item);
            if (next < column || !IsEntry(p)) return list;
        }
    }

    /// <summary>A block mapping whose keys are in the current column.</summary>
    private YamlMap? Mapping()
    {
        int column = Column;
        var map = new YamlMap(line, column + 1, []);
        if (!MayNest()) return null;
        level++;
        var done = MappingEntries(map, column);
        level--;
        return done;
    }

    private YamlMap? MappingEntries(YamlMap map, int column)
    {
        while (true)
        {
            int end = KeyEnd(p);
            if (end < 0) return null;
            string name = Key(p, end);
            foreach (var entry in map.Entries)
                if (((YamlText)entry.Key).Value == name) return null;
            var keyNode = new YamlText(line, column + 1, name, true);
            p = end + 1;
            while (At(p) == ' ') p++;
            YamlValue? value;
            int next;
            if (AtLineEnd(p) || At(p) == '#')
            {
                // The value starts on a later line: further in, or a list whose dashes are in the key's column.
                if (!RestIsBlank()) return null;
                NextLine();
                if (!NextContent()) return null;
                if (Column > column) value = Block();
                else if (Column == column && IsEntry(p)) value = Sequence();
                else return null;
                next = value is null ? int.MaxValue : p >= text.Length ? -1 : Column;
            }
            else
            {
                value = Inline();
                next = value is null ? int.MaxValue : NextContentIndent();
            }
            if (value is null || next > column) return null;
            map.Entries.Add(new(keyNode, value));
            if (next < column) return map;
            if (IsEntry(p)) return null;
        }
    }

    /// <summary>
    /// Where the ':' after a plain key starting at <paramref name="i"/> is, or -1 when no such key starts there
    /// (or it is longer than <see cref="MaxKeyLength"/>).
    /// </summary>
    private int KeyEnd(int i)
    {
        if (!char.IsAsciiLetterOrDigit(At(i)) && At(i) != '_') return -1;
        int start = i;
        while (char.IsAsciiLetterOrDigit(At(i)) || At(i) is '_' or '-' or '.') i++;
        return At(i) == ':' && (At(i + 1) == ' ' || AtLineEnd(i + 1)) && i - start <= MaxKeyLength ? i : -1;
    }

    private string Key(int start, int end)
    {
        var span = text.AsSpan(start, end - start);
        if (keys.TryGetValue(span, out var known)) return known;
        string key = span.ToString();
        keys[span] = key;
        return key;
    }

    // ---- values on one line --------------------------------------------------------------------------------

    /// <summary>A scalar or flow list that starts and ends on the current line.</summary>
    private YamlValue? Inline()
    {
        int column = Column + 1;
        if (At(p) == '[')
        {
            if (!MayNest()) return null;
            level++;
            var list = FlowEntries(new YamlList(line, column, []));
            level--;
            return list;
        }
        return At(p) switch
        {
            '"' => DoubleQuoted(column),
            '\'' => SingleQuoted(column),
            _ => Plain(column),
        };
    }

    private YamlText? Plain(int column)
    {
        if (!PlainStart(p)) return null;
        int start = p, end = p;
        while (!AtLineEnd(p))
        {
            char c = text[p];
            if (c == '#' && text[p - 1] == ' ') break;
            if (c == ':' && (At(p + 1) == ' ' || AtLineEnd(p + 1))) return null;
            p++;
            if (c != ' ') end = p;
        }
        p = end;
        return new YamlText(line, column, text[start..end], true);
    }

    /// <summary>A plain scalar may start here: not an indicator, except a minus sign before a digit.</summary>
    private bool PlainStart(int i) =>
        !AtLineEnd(i) && At(i) != ' ' && (!NotPlainStart.Contains(At(i)) || (At(i) == '-' && char.IsAsciiDigit(At(i + 1))));

    private YamlText? SingleQuoted(int column)
    {
        var value = new StringBuilder();
        for (p++; !AtLineEnd(p); p++)
        {
            if (text[p] != '\'') { value.Append(text[p]); continue; }
            if (At(p + 1) != '\'') { p++; return new YamlText(line, column, value.ToString(), false); }
            value.Append('\'');
            p++;
        }
        return null;
    }

    private YamlText? DoubleQuoted(int column)
    {
        var value = new StringBuilder();
        for (p++; !AtLineEnd(p); p++)
        {
            char c = text[p];
            if (c == '"') { p++; return new YamlText(line, column, value.ToString(), false); }
            if (c != '\\') { value.Append(c); continue; }
            p++;
            switch (At(p))
            {
                case '"' or '\\' or '/': value.Append(text[p]); break;
                case 'n': value.Append('\n'); break;
                case 't': value.Append('\t'); break;
                case 'u' when p + 4 < text.Length && ushort.TryParse(text.AsSpan(p + 1, 4), System.Globalization.NumberStyles.AllowHexSpecifier, null, out ushort code)
                              && !char.IsSurrogate((char)code):
                    value.Append((char)code);
                    p += 4;
                    break;
                default: return null;
            }
        }
        return null;
    }

    /// <summary><c>[a, b]</c> of plain words, on one line.</summary>
    private YamlList? FlowEntries(YamlList list)
    {
        p++;
        while (At(p) == ' ') p++;
        if (At(p) == ']') { p++; return list; }
        while (true)
        {
            if (!PlainStart(p)) return null;
            int start = p, end = p;
            while (!AtLineEnd(p) && text[p] is not (',' or ']'))
            {
                if (text[p] is ':' or '#' or '[' or '{' or '}') return null;
                if (text[p] != ' ') end = p + 1;
                p++;
            }
            list.Items.Add(new YamlText(line, start - lineStart + 1, text[start..end], true));
            if (AtLineEnd(p)) return null;
            if (text[p++] == ']') return list;
            while (At(p) == ' ') p++;
        }
    }
}
