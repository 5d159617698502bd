namespace Blueprint.Rendering.Tests;

public sealed class RgbaTests
{
    [Theory]
    [InlineData("#1e40af", 0x1e, 0x40, 0xaf, 255)]
    [InlineData("#1E40AF80", 0x1e, 0x40, 0xaf, 0x80)]
    [InlineData("#f0a", 0xff, 0x00, 0xaa, 255)]
    public void Parses_hex_colours(string text, int r, int g, int b, int a)
    {
        Assert.Equal(new Rgba((byte)r, (byte)g, (byte)b, (byte)a), Rgba.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1e40af")]
    [InlineData("#1e40a")]
    [InlineData("#gggggg")]
    [InlineData("#+1e40a")]
    public void Rejects_malformed_colours(string text)
    {
        Assert.False(Rgba.TryParse(text, out _));
        Assert.Throws<FormatException>(() => Rgba.Parse(text));
    }

    [Fact]
    public void Writes_hex_back()
    {
        Assert.Equal("#1e40af", Rgba.Parse("#1E40AF").ToString());
        Assert.Equal("#1e40af80", Rgba.Parse("#1e40af80").ToString());
        Assert.Equal("#1e40af", Rgba.Parse("#1e40af80").ToRgbHex());
    }
}
