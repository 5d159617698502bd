using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Blueprint.Tests;

/// <summary>A word of a PDF page and its box in points (top-left origin), as poppler's <c>pdftotext -bbox</c> reports it.</summary>
public sealed record PdfWord(string Text, double XMin, double YMin, double XMax, double YMax)
{
    /// <summary>The box's height: the font's size times its ascent plus descent (about 1.16 for DejaVu Sans), whatever the glyphs.</summary>
    public double Height => YMax - YMin;
}

/// <summary>Where the words of a PDF page are drawn, from <c>pdftotext -bbox</c> (test.sh installs poppler-utils).</summary>
public static partial class PdfWords
{
    public static IReadOnlyList<PdfWord> OnPage(byte[] pdf, int page)
    {
        string file = Path.Combine(Path.GetTempPath(), $"blueprint-test-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            string p = page.ToString(CultureInfo.InvariantCulture);
            string html = PdfTools.Run("pdftotext", ["-bbox", "-enc", "UTF-8", "-f", p, "-l", p, file, "-"]);
            return Word().Matches(html).Select(m => new PdfWord(
                WebUtility.HtmlDecode(m.Groups["text"].Value),
                Number(m, "xmin"), Number(m, "ymin"), Number(m, "xmax"), Number(m, "ymax"))).ToList();
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static double Number(Match m, string group) => double.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex("""<word xMin="(?<xmin>[-0-9.]+)" yMin="(?<ymin>[-0-9.]+)" xMax="(?<xmax>[-0-9.]+)" yMax="(?<ymax>[-0-9.]+)">(?<text>[^<]*)</word>""")]
    private static partial Regex Word();
}
