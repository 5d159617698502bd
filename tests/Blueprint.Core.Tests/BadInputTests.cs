using System.Text;
using Blueprint.Core.Analysis;
using Blueprint.Core.Diagnostics;
using Blueprint.Core.Reading;

namespace Blueprint.Core.Tests;

/// <summary>Hostile or broken input gives a diagnostic with a check id: never an exception, a hang or a crash.</summary>
public class BadInputTests
{
    private static IReadOnlyList<Diagnostic> Lint(byte[] bytes, string file = "bad.blueprint.yaml") =>
        Analyzer.Analyze(BlueprintReader.Read(file, bytes));

    private static Diagnostic Single(byte[] bytes, string id)
    {
        var findings = Lint(bytes);
        var d = Assert.Single(findings);
        Assert.Equal(id, d.Id);
        Assert.Equal("bad.blueprint.yaml", d.Location.File);
        return d;
    }

    [Fact]
    public void Binary_garbage_is_a_syntax_error()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[100] = 0;
        Assert.Contains("binary", Single(bytes, "BP001").Message);
    }

    [Fact]
    public void Truncated_file_is_a_syntax_error_at_the_end()
    {
        string text = File.ReadAllText(Blueprint.Tests.Repo.PathOf("examples", "restaurant.blueprint.yaml"));
        int cut = text.IndexOf("to: [{ ref: assign-waiter", StringComparison.Ordinal) + 12;
        var findings = Lint(Encoding.UTF8.GetBytes(text[..cut]));
        Assert.Contains(findings, d => d.Id == "BP001");
    }

    [Fact]
    public void File_over_the_size_limit_is_refused_without_parsing()
    {
        var bytes = new byte[Limits.MaxFileBytes + 1];
        Array.Fill(bytes, (byte)'a');
        Assert.Contains("10 MiB", Single(bytes, "BP001").Message);
    }

    [Fact]
    public void Fifty_megabytes_of_yaml_is_refused()
    {
        var bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("- item\n", 50 * 1024 * 1024 / 7)));
        Assert.Equal("BP001", Single(bytes, "BP001").Id);
    }

    [Theory]
    [InlineData("[", 20000)]
    [InlineData("{a: ", 20000)]
    [InlineData("- ", 20000)]
    public void Deep_nesting_is_refused(string open, int depth)
    {
        var bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(open, depth)) + "x\n");
        var findings = Lint(bytes);
        var d = Assert.Single(findings);
        Assert.Equal("BP001", d.Id);
    }

    [Fact]
    public void Nesting_at_the_limit_is_read()
    {
        // 60 levels is inside the limit: the file is read (and then rejected as a blueprint, not as YAML).
        var bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("[", 60)) + "x" + string.Concat(Enumerable.Repeat("]", 60)));
        var d = Single(bytes, "BP003");
        Assert.Contains("not a list", d.Message);
    }

    [Fact]
    public void Alias_bomb_is_refused()
    {
        var sb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'j'; c++)
            sb.Append(c).Append(": &").Append(c).Append(" [").Append(string.Join(", ", Enumerable.Repeat("*" + (char)(c - 1), 10))).Append("]\n");
        var d = Single(Encoding.UTF8.GetBytes(sb.ToString()), "BP001");
        Assert.Contains("alias", d.Message);
    }

    [Fact]
    public void Ordinary_aliases_are_allowed()
    {
        string text = """
            blueprint: Aliases
            goal: &g Save time
            scenario: *g
            scenes:
              - scene: One
                steps:
                  - step: Go
                    customer: &c Walks in
                    frontstage: *c
            """;
        Assert.DoesNotContain(Lint(Encoding.UTF8.GetBytes(text)), d => d.Severity == Severity.Error);
    }

    [Fact]
    public void Invalid_utf8_is_reported_at_its_position()
    {
        var bytes = Encoding.UTF8.GetBytes("blueprint: Café\ngoal: x").Concat(new byte[] { 0xC3, 0x28 }).ToArray();
        var d = Single(bytes, "BP001");
        Assert.Contains("UTF-8", d.Message);
        Assert.Equal(2, d.Location.Line);
        Assert.Equal(8, d.Location.Column);
    }

    [Fact]
    public void Empty_file_is_empty()
    {
        Assert.Contains("empty", Single([], "BP008").Message);
    }

    [Fact]
    public void Byte_order_mark_is_accepted()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(File.ReadAllBytes(Blueprint.Tests.Repo.PathOf("examples", "coffee-shop.blueprint.yaml"))).ToArray();
        Assert.Empty(Lint(bytes));
    }

    [Fact]
    public void Scalar_document_is_a_bad_value()
    {
        Assert.Contains("not a single value", Single(Encoding.UTF8.GetBytes("just some words\n"), "BP003").Message);
    }

    [Fact]
    public void Many_random_byte_strings_never_throw()
    {
        var random = new Random(42);
        string[] pieces = ["blueprint: ", "scenes:", "\n", "  - ", "step: ", "[", "]", "{", "}", ":", "&a ", "*a ", "'", "\"", "#", "|", ">", "\t", "? ", "!!str ", "%YAML 1.2\n", "---\n", "é", "\u0085"];
        for (int i = 0; i < 500; i++)
        {
            var sb = new StringBuilder();
            int n = random.Next(1, 40);
            for (int j = 0; j < n; j++) sb.Append(pieces[random.Next(pieces.Length)]);
            var findings = Lint(Encoding.UTF8.GetBytes(sb.ToString()));
            Assert.All(findings, d => Assert.NotEqual("BP000", d.Id));
        }
    }
}
