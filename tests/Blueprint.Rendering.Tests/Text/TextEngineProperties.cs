using System.Globalization;
using Blueprint.Layout;
using Blueprint.Rendering.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Blueprint.Rendering.Tests.Text;

/// <summary>
/// Random text in every script the engine handles, with the characters that break naive code (controls, lone
/// surrogates, joiners, bidi controls, soft hyphens, marks without a base): wrapping never fails, keeps every
/// character, fits the width, gives the same lines every time, and every line can be drawn.
/// </summary>
public sealed class TextEngineProperties
{
    private static readonly string[] Pieces =
    [
        "coffee", "Order", "the", "a", "Crème", "brûlée", "Straße", "Ελληνικά", "Кириллица", "שלום", "עולם", "مرحبا",
        "بالعالم", "١٢٣", "42", "3.5%", "$20", "e-mail", "顾客在柜台点了", "「括弧」", "、", "。", "日本語", "한국어",
        "😀", "👨\u200D👩\u200D👧", "🇳🇱", "👍🏽", "e\u0301", "\u0301", "\u00AD", "\u00A0", "\u200B", "\u2060", "\u200F",
        "\u202B", "\u202C", "\u2067", "\u2069", "\uD800", "\uDC00", "\uE000", "\u0001", "\t", "\r\n", "\n", "\u2028",
        "…", "-", "(", ")", "Supercalifragilisticexpialidocious",
    ];

    private static readonly FontSpec Font = new("DejaVu Sans", 10);

    private static readonly Gen<string> TextGen =
        from count in Gen.Choose(0, 24)
        from pieces in Gen.ArrayOf(Gen.Elements(Pieces), count)
        from separators in Gen.ArrayOf(Gen.Frequency((6, Gen.Constant(" ")), (3, Gen.Constant("")), (1, Gen.Constant("  "))), count)
        select string.Concat(pieces.Zip(separators, (p, s) => p + s));

    private static readonly Gen<(string Text, double Width, int MaxLines)> CaseGen =
        from text in TextGen
        from width in Gen.Choose(1, 300)
        from maxLines in Gen.Choose(0, 6)
        select (text, (double)width, maxLines);

    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(500);

    /// <summary>What wrapping may drop or add: white space, soft hyphens, and the hyphen shown at a soft hyphen.</summary>
    private static string Letters(string text) =>
        string.Concat(text.Where(c => !char.IsWhiteSpace(c) && c is not '\u00AD' and not '-'));

    private static bool OneGrapheme(string line) => new StringInfo(line).LengthInTextElements <= 1;

    private static void Check(string text, double width, int maxLines)
    {
        var wrapped = new TextEngine().Wrap(text, Font, width, maxLines);
        string shown = $"text \"{text}\" width {width} lines {maxLines}: [{string.Join(" | ", wrapped.Lines)}]";

        if (maxLines > 0) Assert.True(wrapped.Lines.Count <= maxLines, shown);
        if (!wrapped.Truncated) Assert.True(Letters(text) == Letters(string.Concat(wrapped.Lines)), shown);
        else Assert.EndsWith("…", wrapped.Lines[^1]);
        Assert.True(wrapped.Width <= width + 0.01 || wrapped.Lines.Any(OneGrapheme) || wrapped.Truncated, $"{shown}: width {wrapped.Width}");
        Assert.Equal(wrapped.Lines, TextEngine.Shared.Wrap(text, Font, width, maxLines).Lines);

        foreach (var line in wrapped.Lines)
        {
            var shaped = ShapedLines.Get(line, Font);
            Assert.True(float.IsFinite(shaped.Width) && shaped.Width >= 0, shown);
            Assert.All(shaped.Runs, run => Assert.Equal(run.Glyphs.Length, run.Clusters.Length));
            Assert.All(shaped.Runs, run => Assert.All(run.Clusters, c => Assert.InRange((int)c, 0, Math.Max(0, run.Utf8.Length - 1))));
        }
    }

    [Fact]
    public void Random_text_in_many_scripts_wraps_whole_within_the_width_and_the_same_every_time() =>
        FsCheck.Check.One(Config, Prop.ForAll(CaseGen.ToArbitrary(), c => Check(c.Text, c.Width, c.MaxLines)));

    [Fact]
    public void Random_text_draws_to_png_pdf_and_svg()
    {
        var lines = TextGen.Sample(40, 7).ToList();
        // Skia's PDF writer: ours refuses the colour emoji font among these (the renderer would pick Skia's).
        foreach (Func<Stream, IDiagramCanvas> create in new Func<Stream, IDiagramCanvas>[] { s => new PngCanvas(s), s => new SkiaPdfCanvas(s), s => new SvgCanvas(s) })
        {
            var bytes = CanvasTestDrawing.Render(create, canvas =>
            {
                canvas.BeginPage(600, 20 * lines.Count + 20);
                for (int i = 0; i < lines.Count; i++) canvas.DrawText(lines[i], 10, 10 + 20 * i, Font, Color.Black);
                canvas.Finish();
            });
            Assert.True(bytes.Length > 100);
        }
    }
}
