using SkiaSharp;

namespace Blueprint.Rendering.Text;

/// <summary>
/// Glyphs of one face in visual order, as Skia draws them: glyph ids, pen positions in points from the line's left edge
/// and its baseline (y down), and the run's text as UTF-8 with, for each glyph, the byte offset of its cluster in it
/// (so a PDF maps glyphs back to the text, ligatures and reordered runs included).
/// </summary>
internal sealed record GlyphRun(FontFace Face, float Size, bool FakeBold, bool FakeItalic, ushort[] Glyphs, SKPoint[] Positions, byte[] Utf8, uint[] Clusters);

/// <summary>
/// One line of text shaped for drawing: runs in visual order, its width, the baseline's distance below the line's top,
/// its height, and where characters no installed font has stand (left edge and width from the line's left; drawn as
/// empty boxes).
/// </summary>
internal sealed record ShapedLine(GlyphRun[] Runs, float Width, float Baseline, float Height, (float X, float Width)[] Missing);
