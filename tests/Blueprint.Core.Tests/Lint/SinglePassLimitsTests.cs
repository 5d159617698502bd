using Blueprint.Core.Reading;

namespace Blueprint.Core.Tests.Lint;

/// <summary>The YAML limits hold now that they are checked while the nodes are built, in one pass.</summary>
public sealed class SinglePassLimitsTests
{
    [Fact]
    public void An_alias_bomb_is_a_syntax_error()
    {
        var levels = new List<string> { "a: &a [1,1,1,1,1,1,1,1,1,1]" };
        for (char c = 'b'; c <= 'g'; c++) levels.Add($"{c}: &{c} [{string.Join(',', Enumerable.Repeat($"*{(char)(c - 1)}", 10))}]");
        var d = Assert.Single(YamlReader.Read("b.yaml", string.Join('\n', levels)).Diagnostics);
        Assert.Equal("b.yaml:6:29: error BP001 syntax: YAML aliases add more than 1,000,000 values to the file (an alias bomb?); use fewer aliases, or aliases of smaller values", d.ToString());
    }

    [Fact]
    public void Deep_nesting_is_a_syntax_error()
    {
        var d = Assert.Single(YamlReader.Read("d.yaml", "a: " + new string('[', 100) + new string(']', 100)).Diagnostics);
        Assert.Equal("d.yaml:1:67: error BP001 syntax: YAML nested deeper than 64 levels; a blueprint needs only a few", d.ToString());
    }

    [Fact]
    public void A_second_document_is_a_syntax_error()
    {
        var d = Assert.Single(YamlReader.Read("t.yaml", "blueprint: a\n---\nblueprint: b\n").Diagnostics);
        Assert.Equal("t.yaml:2:1: error BP001 syntax: the file holds more than one YAML document; a blueprint file holds exactly one (remove the second `---`)", d.ToString());
    }
}
