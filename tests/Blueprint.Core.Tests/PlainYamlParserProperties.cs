using System.Text;
using Blueprint.Core.Reading;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace Blueprint.Core.Tests;

/// <summary>
/// Random YAML texts written the way people write blueprints and the way they break them: nested mappings and lists,
/// lists of mappings, flow lists, plain, quoted and odd scalars, comments, blank lines, CRLF, stray indentation and tabs,
/// duplicate and overlong keys. Each one must be declined by the fast parser or read exactly as YamlDotNet reads it.
/// </summary>
public partial class PlainYamlParserTests
{
    private const int RandomCases = 2_000;

    /// <summary>
    /// Null: each run draws new texts. Only to reproduce a failure, set it to the pair FsCheck printed after
    /// "Falsifiable, after N tests (M shrinks)" and the run draws the same texts again.
    /// </summary>
    private static readonly (ulong Seed, ulong Gamma)? ReplaySeed = null;

    [Fact]
    public void Random_yaml_is_declined_or_read_as_YamlDotNet_reads_it()
    {
        var config = Config.QuickThrowOnFailure.WithMaxTest(RandomCases);
        if (ReplaySeed is { } replay)
            config = config.WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(replay.Seed, replay.Gamma), FSharpOption<int>.None)));
        Check.One(config, Prop.ForAll(Arb.From(YamlText, ShrinkText), text => AssertSame(text, Escaped(text))));
    }

    /// <summary>Without this the property would prove little: most random texts must be ones the fast parser takes.</summary>
    [Fact]
    public void Most_random_yaml_is_taken_by_the_fast_parser()
    {
        var texts = YamlText.Sample(2_000);
        int taken = texts.Count(t => PlainYamlParser.TryParse(t) is not null);
        int nested = texts.Count(t => PlainYamlParser.TryParse(t) is { } tree && Depth(tree) >= 4);
        double share = (double)taken / texts.Length;
        Assert.True(share >= 0.5, $"the fast parser took only {share:P0} of the random texts");
        Assert.True(nested >= texts.Length / 10, $"only {nested} of the texts taken nest four levels deep");

        static int Depth(YamlValue v) => v switch
        {
            YamlMap m => 1 + m.Entries.Select(e => Depth(e.Value)).DefaultIfEmpty(0).Max(),
            YamlList l => 1 + l.Items.Select(Depth).DefaultIfEmpty(0).Max(),
            _ => 0,
        };
    }

    // ---- the shape of a document ------------------------------------------------------------------------------

    private abstract record Node;

    /// <summary>A value as written on its line: plain, quoted, a flow list, or something broken.</summary>
    private sealed record Scalar(string Text) : Node;

    /// <summary>`key:` or `-` with nothing after it.</summary>
    private sealed record Nothing : Node;

    private sealed record Map(Entry[] Entries) : Node;

    /// <summary><paramref name="Step"/>: how much further in a nested block is written (0 for a list in the key's column).</summary>
    private sealed record Entry(string Key, string Colon, Node Value, int Step);

    private sealed record Seq(Item[] Items) : Node;

    /// <summary><paramref name="Compact"/>: a nested block starts on the dash's line (`- key: value`, `- - x`).</summary>
    private sealed record Item(Node Value, string Dash, bool Compact, int Step);

    // ---- scalars ------------------------------------------------------------------------------------------
    //
    // Each generator takes `mess`: the weight of the things the fast parser declines (0 in a tidy document). The rest
    // is what it takes but must get exactly right: `#` and `:` inside values, quotes in the middle, URLs, Unicode.

    private static readonly string[] Words =
    [
        "coffee", "Order", "flat", "white", "the", "a", "Takes", "order.", "Barista", "waits", "42", "3.5", "-1", "0", "1e3",
        "café", "straße", "日本語", "中文", "😀", "é", "x_y", "a-b", "a.b", "it's", "don't", "Hello,", "world!", "(note)",
        "50%", "a/b", "x=1", "true", "yes", "no", "null", "~", "Null", "a:b", "x#y", "q?", "end.", "ü", "…", "—", "a\\b",
        "http://x.y/z?q=1:2", "https://example.com/a_b?x=1&y=2", "say \"hi\"", "it's 'quoted'", "a [b] {c}", "a, b",
        "non\u00A0breaking", "\u00A0", "全角\u3000空白", "e\u0301", "zero\u200Bwidth", "👍🏽",
    ];

    /// <summary>Fine inside a plain value, but an indicator (or something this parser declines) at its start.</summary>
    private static readonly string[] NotFirst =
    [
        "-x", "- x", "-", "--", "-2", "- 2", "'q'", "\"q\"", "'", "\"", "[x]", "{y}", "?", "? x", "?x", "!x", "&a", "*a", "|",
        ">", "%x", "@x", "`x`", "...", "---", ",x", "]x", "}x", ":x", "#x", "# x: y",
    ];

    /// <summary>Makes a plain value something else: a mapping, an error, or a value this parser leaves to YamlDotNet.</summary>
    private static readonly string[] Breaking = ["key: value", "a:", "x:", ": y", "a: b: c", "::"];

    private static Gen<string> Sentence(int mess) =>
        from first in Gen.Frequency((20, Gen.Elements(Words)), (mess, Gen.Elements(NotFirst)), (mess, Gen.Elements(Breaking)))
        from count in Gen.Choose(0, 5)
        from rest in Gen.ArrayOf(Gen.Frequency((16, Gen.Elements(Words)), (3, Gen.Elements(NotFirst)), (mess, Gen.Elements(Breaking))), count)
        from seps in Gen.ArrayOf(Gen.Frequency((12, Gen.Constant(" ")), (1, Gen.Constant("  "))), count)
        select first + string.Concat(rest.Select((w, i) => seps[i] + w));

    private static Gen<string> Joined(Gen<string> piece, int max) =>
        from count in Gen.Choose(1, max)
        from pieces in Gen.ArrayOf(piece, count)
        from between in Gen.ArrayOf(Gen.Elements(" ", " ", " ", ""), count)
        select string.Concat(pieces.Select((w, i) => i == 0 ? w : between[i] + w));

    private static readonly Gen<string> AnyWord = Gen.Frequency((6, Gen.Elements(Words)), (2, Gen.Elements(NotFirst)), (1, Gen.Elements(Breaking)));

    /// <summary>Mostly well escaped; in a messy document sometimes a quote left unescaped or text after the closing quote.</summary>
    private static Gen<string> SingleQuoted(int mess) =>
        from body in Joined(Gen.Frequency((8, AnyWord), (2, Gen.Constant("'")), (1, Gen.Constant(" "))), 5)
        from escaped in Gen.Frequency((20, Gen.Constant(true)), (mess, Gen.Constant(false)))
        from after in Gen.Frequency((20, Gen.Constant("")), (mess, Gen.Elements(" x", "x", " 'y'", "'")))
        select "'" + (escaped ? body.Replace("'", "''") : body) + "'" + after;

    /// <summary>Escapes the fast parser reads.</summary>
    private static readonly string[] Escapes =
        ["\\\"", "\\\\", "\\n", "\\t", "\\/", "\\u00e9", "\\u4e2D", "\\u0041", "\\u0000", "\\u20AC", "'", "''", "#", ": ", " # ", "\\\\n"];

    /// <summary>Escapes it leaves to YamlDotNet: valid (`\x41`, `\e`, `\U0001F600`, ...) or not (`\q`, a lone surrogate).</summary>
    private static readonly string[] OtherEscapes =
        ["\\x41", "\\ud83d", "\\e", "\\0", "\\ ", "\\_", "\\N", "\\U0001F600", "\\r", "\\b", "\\q", "\\u12", "\\", "\\uD83D\\uDE00"];

    private static Gen<string> DoubleQuoted(int mess) =>
        from body in Joined(Gen.Frequency(
            (6, AnyWord.Select(w => w.Replace("\\", "\\\\").Replace("\"", "\\\""))),
            (3, Gen.Elements(Escapes)),
            (mess, Gen.Elements(OtherEscapes))), 5)
        from broken in Gen.Frequency((20, Gen.Constant(false)), (mess, Gen.Constant(true)))
        from after in Gen.Frequency((20, Gen.Constant("")), (mess, Gen.Elements(" x", "x", " \"y\"", "\"")))
        select "\"" + (broken ? body + "\"" + "\\" : body) + "\"" + after;

    private static readonly string[] FlowWords =
        ["a", "b c", "order.backstage", "x-1", "café", "😀", "42", "-1", "a.b", "step one", "x_y", "a/b", "it's", "x=1", "~", "null", "é ü", "日本語", "\u00A0x"];

    private static readonly string[] FlowBreaking = ["a: b", "'x'", "\"x\"", "{x}", "[x]", "#x", "x #y", "x:y", "-", "- x", "?", "&a", "*a", "!t x", ""];

    private static Gen<string> FlowList(int mess) =>
        from count in Gen.Choose(1, 5)
        from items in Gen.ArrayOf(Gen.Frequency((20, Gen.Elements(FlowWords)), (mess, Gen.Elements(FlowBreaking))), count)
        from seps in Gen.ArrayOf(Gen.Frequency((8, Gen.Constant(", ")), (2, Gen.Constant(",")), (1, Gen.Constant(" , ")), (1, Gen.Constant(",  "))), count)
        from open in Gen.Elements("[", "[", "[", "[ ")
        from close in Gen.Elements("]", "]", "]", " ]", "  ]")
        from after in Gen.Frequency((20, Gen.Constant("")), (mess, Gen.Elements(" x", ",", "]", ", ]", "[")))
        select open + string.Concat(items.Select((w, i) => i == 0 ? w : seps[i] + w)) + close + after;

    private static Gen<Node> ScalarGen(int mess) => Gen.Frequency(
        (40, Sentence(mess)),
        (8, SingleQuoted(mess)),
        (8, DoubleQuoted(mess)),
        (3, Gen.Elements("''", "\"\"", "' '", "\" \"")),
        (8, FlowList(mess)),
        (4, Gen.Elements("[]", "[ ]", "[  ]")),
        (3, Gen.Elements("~", "null", "NULL", "true", "-0", "0x1F", ".5")),
        (mess, Gen.Elements("|", ">", "|-", "&anchor x", "*anchor", "!tag x", "!!str x", "{a: b}", "{}", "'x\n  y'", "\"x\n  y\"", "[x,\n  y]"))
    ).Select(Node (text) => new Scalar(text));

    // ---- keys and collections ------------------------------------------------------------------------------

    private static readonly string[] KeyWords =
    [
        "blueprint", "scenes", "scene", "steps", "step", "id", "text", "to", "owner", "frontstage", "backstage", "customer",
        "support", "physical", "emotion", "duration", "goal", "scenario", "persona", "lanes", "name", "color", "tags", "lint",
        "disable", "ref", "label", "loop", "note", "url", "fail", "wait", "pain", "metrics", "policy", "version", "updated",
    ];

    private static readonly Gen<string> RandomKey =
        from first in Gen.Elements("abcxyzAZ019_".ToCharArray())
        from length in Gen.Choose(0, 7)
        from rest in Gen.ArrayOf(Gen.Elements("abcdefxyzABZ0129_-.".ToCharArray()), length)
        select first + new string(rest);

    /// <summary>About YAML's limit on an implicit key: 1,024 characters.</summary>
    private static readonly Gen<string> LongKey =
        from length in Gen.Choose(1_000, 1_050)
        from key in RandomKey
        select key[..1] + new string('k', length - 2) + key[^1..];

    private static Gen<string> Key(int mess) => Gen.Frequency(
        (12, Gen.Elements(KeyWords)),
        (4, RandomKey),
        (mess, LongKey),
        (mess, Gen.Elements("a b", "é", "😀", "'q'", "\"k\"", "x:y", "? k", "-", "-a", ".a", "[k]", "&a k", "k ", "~", "a#b", "a #b", "!k", "<<")));

    private static Gen<Node> NodeGen(int depth, int mess) =>
        depth <= 0
            ? Gen.Frequency((30, ScalarGen(mess)), (mess, Gen.Constant<Node>(new Nothing())))
            : Gen.Frequency((14, ScalarGen(mess)), (mess, Gen.Constant<Node>(new Nothing())), (5, MapGen(depth - 1, mess)), (3, SeqGen(depth - 1, mess)));

    /// <summary>A tidy document has no duplicate keys; a messy one may (and the line noise duplicates lines).</summary>
    private static Gen<Node> MapGen(int depth, int mess) =>
        from count in Gen.Choose(1, 5)
        from entries in Gen.ArrayOf(EntryGen(depth, mess), count)
        select (Node)new Map(mess == 0 ? [.. entries.DistinctBy(e => e.Key)] : entries);

    private static Gen<Entry> EntryGen(int depth, int mess) =>
        from key in Key(mess)
        from colon in Gen.Frequency((20, Gen.Constant(": ")), (1, Gen.Constant(":   ")))
        from value in NodeGen(depth, mess)
        from step in value is Seq
            ? Gen.Frequency((5, Gen.Constant(0)), (8, Gen.Constant(2)), (2, Gen.Constant(4)), (1, Gen.Constant(1)))
            : Gen.Frequency((12, Gen.Constant(2)), (3, Gen.Constant(4)), (1, Gen.Constant(1)), (1, Gen.Constant(3)))
        select new Entry(key, colon, value, step);

    private static Gen<Node> SeqGen(int depth, int mess) =>
        from count in Gen.Choose(1, 4)
        from items in Gen.ArrayOf(ItemGen(depth, mess), count)
        select (Node)new Seq(items);

    private static Gen<Item> ItemGen(int depth, int mess) =>
        from value in NodeGen(depth, mess)
        from dash in Gen.Frequency((20, Gen.Constant("- ")), (1, Gen.Constant("-   ")))
        from compact in value is Seq
            ? Gen.Frequency((1, Gen.Constant(true)), (3, Gen.Constant(false)))
            : Gen.Frequency((4, Gen.Constant(true)), (1, Gen.Constant(false)))
        from step in Gen.Frequency((8, Gen.Constant(2)), (2, Gen.Constant(4)), (1, Gen.Constant(1)))
        select new Item(value, dash, compact, step);

    private static List<string> Render(Node node) => node switch
    {
        Scalar s => [s.Text],
        Map m => m.Entries.SelectMany(RenderEntry).ToList(),
        Seq q => q.Items.SelectMany(RenderItem).ToList(),
        _ => [],
    };

    private static IEnumerable<string> RenderEntry(Entry e) => e.Value switch
    {
        Scalar s => [e.Key + e.Colon + s.Text],
        Nothing => [e.Key + ":"],
        _ => [e.Key + ":", .. Render(e.Value).Select(l => Indent(e.Step, l))],
    };

    private static IEnumerable<string> RenderItem(Item i)
    {
        if (i.Value is Nothing) return ["-"];
        var lines = Render(i.Value);
        if (i.Value is Scalar || i.Compact)
            return [i.Dash + lines[0], .. lines.Skip(1).Select(l => Indent(i.Dash.Length, l))];
        return ["-", .. lines.Select(l => Indent(i.Step, l))];
    }

    private static string Indent(int n, string line) => new string(' ', n) + line;

    // ---- layout noise --------------------------------------------------------------------------------------

    /// <summary>What may happen around one line: comments, blank lines and trailing spaces, and in a messy document breakage.</summary>
    private sealed record LineNoise(string? Before, string Trailing, string? Breakage);

    private static Gen<LineNoise> LineNoiseGen(int benign, int mess) =>
        from before in Gen.Frequency(
            (100, Gen.Constant<string?>(null)),
            (benign, Gen.Elements<string?>("", "  ", "      ")),
            (benign, from indent in Gen.Choose(0, 8) from text in Gen.Elements("#", "# note", "#no space", "# a: b", "# - x", "# 'q", "#\"") select (string?)(new string(' ', indent) + text)))
        from trailing in Gen.Frequency(
            (100, Gen.Constant("")),
            (benign, Gen.Elements(" ", "   ")),
            (benign, Gen.Elements(" # why", "  #", " # a: b", "   # - x ", " #: '\"")))
        from breakage in Gen.Frequency(
            (300, Gen.Constant<string?>(null)),
            (mess, Gen.Elements<string?>("indent+1", "indent-1", "tab-lead", "tab-mid", "tab-end", "duplicate", "drop", "hash-tight", "cr")))
        select new LineNoise(before, trailing, breakage);

    private static IEnumerable<string> Apply(string line, LineNoise noise, int mess)
    {
        if (noise.Before is { } before) yield return before;
        // The fast parser leaves `key: # comment` (a value on the next lines) to YamlDotNet: only in messy documents.
        bool opensBlock = line.EndsWith(':') || line.TrimStart() == "-";
        string text = line + (opensBlock && mess == 0 && noise.Trailing.Contains('#') ? "" : noise.Trailing);
        int indent = text.Length - text.TrimStart(' ').Length;
        switch (noise.Breakage)
        {
            case "indent+1": text = " " + text; break;
            case "indent-1" when indent > 0: text = text[1..]; break;
            case "tab-lead": text = indent > 0 ? "\t" + text[1..] : "\t" + text; break;
            case "tab-mid":
                int colon = text.IndexOf(": ", StringComparison.Ordinal);
                text = colon >= 0 ? text[..(colon + 1)] + "\t" + text[(colon + 2)..] : text + "\t";
                break;
            case "tab-end": text += "\t"; break;
            case "duplicate": yield return text; break;
            case "drop": yield break;
            case "hash-tight": text += "#x"; break;
            case "cr": text += "\r"; break;
        }
        yield return text;
    }

    /// <summary>Tidy documents (only comments, blank lines, spaces), slightly messy ones and broken ones.</summary>
    private static readonly Gen<string> YamlText =
        Gen.Frequency((14, Gen.Constant(0)), (4, Gen.Constant(1)), (2, Gen.Constant(6))).SelectMany(Document);

    private static Gen<string> Document(int mess) =>
        from benign in Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Constant(5)), (1, Gen.Constant(15)))
        from maxDepth in Gen.Choose(1, 6)
        from root in Gen.Frequency((15, MapGen(maxDepth, mess)), (4, SeqGen(maxDepth, mess)), (1, ScalarGen(mess)), (mess, Gen.Constant<Node>(new Nothing())))
        let lines = Render(root)
        from noise in Gen.ArrayOf(LineNoiseGen(benign, mess), lines.Count)
        from head in Gen.Frequency((30, Gen.Constant("")), (2, Gen.Constant("---\n")), (1, Gen.Elements("--- # c\n", "# top\n---\n", "\n\n", "# top\n")),
            (mess, Gen.Elements("\uFEFF", "%YAML 1.2\n---\n", "--- x\n", "...\n")))
        from tail in Gen.Frequency((20, Gen.Constant("\n")), (4, Gen.Constant("")), (2, Gen.Elements("\n\n\n", "\n# end", "\n  ", "\n# end\n")),
            (mess, Gen.Elements("\n...\n", "\n---\nx: y\n", "\n---\n", "\n\u2028")))
        from crlf in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        let body = string.Join("\n", lines.Zip(noise).SelectMany(x => Apply(x.First, x.Second, mess)))
        let text = head + body + tail
        select crlf ? text.Replace("\n", "\r\n") : text;

    /// <summary>Shorter texts that may still fail: one line fewer, then one character fewer.</summary>
    private static IEnumerable<string> ShrinkText(string text)
    {
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
            yield return string.Join("\n", lines.Where((_, j) => j != i));
        for (int i = 0; i < text.Length; i++)
            yield return text.Remove(i, 1);
    }

    private static string Escaped(string text)
    {
        var sb = new StringBuilder("\"");
        foreach (char c in text)
            sb.Append(c switch { '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", '"' => "\\\"", '\\' => "\\\\", _ => c.ToString() });
        return sb.Append('"').ToString();
    }
}
