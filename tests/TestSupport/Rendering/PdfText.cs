using System.Text.RegularExpressions;

namespace Blueprint.Tests;

/// <summary>Text of a PDF as a reader would select it, from poppler's <c>pdftotext</c> (test.sh installs it).</summary>
public static partial class PdfText
{
    /// <summary>The text of <paramref name="pdf"/>, in drawing order, whitespace collapsed to single spaces; one page or all.</summary>
    public static string Extract(byte[] pdf, int? page = null)
    {
        string file = Path.Combine(Path.GetTempPath(), $"blueprint-test-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            return Extract(file, page);
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static string Extract(string pdfPath, int? page = null)
    {
        var arguments = new List<string> { "-raw", "-enc", "UTF-8" };
        if (page is { } p) arguments.AddRange(["-f", p.ToString(System.Globalization.CultureInfo.InvariantCulture), "-l", p.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        arguments.AddRange([pdfPath, "-"]);
        return Normalize(PdfTools.Run("pdftotext", [.. arguments]));
    }

    /// <summary>Whitespace (line breaks, form feeds) collapsed to single spaces, for matching wrapped text.</summary>
    public static string Normalize(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
