using System.Text;
using Blueprint.Core.Diagnostics;
using Blueprint.Core.Reading;
using Blueprint.Tests;

namespace Blueprint.Core.Tests;

/// <summary>The fast parser either declines a text or reads it exactly as YamlDotNet does: values, styles and positions.</summary>
public partial class PlainYamlParserTests
{
    public static TheoryData<string> Snippets() =>
    [
        "a: b\n",
        "a: b",
        "a: b\r\nc: d\r\n",
        "a:   b   \n",
        "a: b # comment\nc: d#e\n",
        "# head\n\na: b\n  # indented comment\nc:\n  - x\n  -   y\n  # between\n  - z: 1\n    w: 2\n",
        "a:\n- x\n- y\nb: c\n",
        "a:\n  - - x\n",
        "- a\n- b: c\n  d: e\n-\n  f: g\n",
        "a: -2\nb: - 2\nc: -x\n",
        "a: [x, y,z]\nb: []\nc: [ x ]\nd: [x y, z]\n",
        "a: [x, ]\n", "a: [x,\n y]\n", "a: [x: y]\n", "a: [{x: y}]\n", "a: ['x']\n",
        "a: 'it''s'\nb: \"q \\\" \\\\ \\n \\t \\/ \\u00e9\"\nc: ''\nd: \"\"\n",
        "a: \"\\x41\"\n", "a: \"\\ud83d\"\n", "a: 'x\n  y'\n", "a: \"x\n  y\"\n",
        "a: b\n  c\n", "a: b\n c: d\n", "a: b\n   - c\n", "a:\n  b: c\n d: e\n",
        "a: b: c\n", "a: b:\n", "a: http://x.y/z?q=1:2\n", "a: x [y] {z}, w\n",
        "a: é 😀 ü\nb😀: c\n", "😀: x\n", "a: 😀 b\n",
        "a:\n", "a:\nb: c\n", "a: ~\nb: null\nc: 'null'\n",
        "a: b\na: c\n", "a: b\n---\nc: d\n", "---\na: b\n", "a: b\n...\n",
        "a: &x b\nc: *x\n", "a: !t b\n", "a: |\n  x\n", "a: >\n  x\n", "a: {b: c}\n", "? a\n: b\n",
        "a:\tb\n", "a: b\t\n", "\ta: b\n", "a: b\u0085c\n", "a: b\u2028c\n", "a: b\rc: d\n",
        "x\n", "- x\n- y\n", "", "   \n# only\n", "a: @b\n", "a: `b`\n", "a: %b\n", "a: ,b\n", "a: ]b\n", "a: }b\n",
        "a: b #c #d\n", "a: b#\n", "a: 'b' x\n", "a: 'b' # c\n", "a: [x] y\n", "a: [x] # y\n",
        "a.b: c\nd-e: f\n_g: h\n1: i\n", "-a: b\n", ".a: b\n", "a b: c\n",
        "a:\n  b:\n    c:\n      - d:\n          e: f\n",
        "a:\n  - b\n  c: d\n", "a:\n  - b\nc: d\n", "- a\nb: c\n", "a: b\n- c\n",
        "a:\n  -\n  - b\n", "a:\n  - # c\n    b: d\n",
        "a: 1\n   \n\n  \nb: 2\n   ",
        string.Concat(Enumerable.Repeat("[", 70)) + string.Concat(Enumerable.Repeat("]", 70)),
        string.Join("\n", Enumerable.Range(0, 70).Select(i => new string(' ', 2 * i) + "k:")) + " v\n",
        new string('k', 1024) + ": v\n", new string('k', 1025) + ": v\n", "- " + new string('k', 1025) + ": v\n",
    ];

    [Theory]
    [MemberData(nameof(Snippets))]
    public void Snippet_is_declined_or_read_as_YamlDotNet_reads_it(string text) => AssertSame(text);

    [Fact]
    public void Every_yaml_file_of_the_repository_is_declined_or_read_as_YamlDotNet_reads_it()
    {
        var files = Directory.EnumerateFiles(Repo.Root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Where(f => !f.Contains("node_modules", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(files);
        foreach (var file in files) AssertSame(File.ReadAllText(file), file);
    }

    [Fact]
    public void A_blueprint_in_the_plain_style_is_read_by_the_fast_parser()
    {
        const string text = """
            blueprint: Plain
            scenes:
              - scene: Arrive
                steps:
                  - step: Order
                    id: order
                    customer: Asks for a "flat white"
                    frontstage:
                      text: Takes the order
                      to: [order.backstage]
                    backstage:
                      - text: Makes it
                        owner: Barista
                    emotion: -1
            """;
        Assert.NotNull(PlainYamlParser.TryParse(text));
        AssertSame(text);
    }

    private static void AssertSame(string text, string? name = null)
    {
        if (PlainYamlParser.TryParse(text) is not { } fast) return;
        var diagnostics = new List<Diagnostic>();
        var node = YamlReader.Parse("t.yaml", text, diagnostics);
        Assert.True(diagnostics.Count == 0, $"{name ?? text}: YamlDotNet rejects what the fast parser read: {string.Join("; ", diagnostics)}");
        Assert.NotNull(node);
        Assert.Equal(Dump(YamlTree.From(node)), Dump(fast));
    }

    private static string Dump(YamlValue value)
    {
        var sb = new StringBuilder();
        Write(value);
        return sb.ToString();

        void Write(YamlValue v)
        {
            sb.Append($"@{v.Line}:{v.Column}");
            switch (v)
            {
                case YamlText t: sb.Append(t.Plain ? "p'" : "q'").Append(t.Value).Append('\''); break;
                case YamlList l:
                    sb.Append('[');
                    foreach (var item in l.Items) { Write(item); sb.Append(','); }
                    sb.Append(']');
                    break;
                case YamlMap m:
                    sb.Append('{');
                    foreach (var (k, x) in m.Entries) { Write(k); sb.Append('='); Write(x); sb.Append(','); }
                    sb.Append('}');
                    break;
            }
        }
    }
}
