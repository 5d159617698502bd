using System.Diagnostics;
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
        var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-raw");
        start.ArgumentList.Add("-enc");
        start.ArgumentList.Add("UTF-8");
        if (page is { } p)
        {
            start.ArgumentList.Add("-f");
            start.ArgumentList.Add(p.ToString(System.Globalization.CultureInfo.InvariantCulture));
            start.ArgumentList.Add("-l");
            start.ArgumentList.Add(p.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        start.ArgumentList.Add(pdfPath);
        start.ArgumentList.Add("-");
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("pdftotext is not installed (Debian: poppler-utils); ./test.sh installs it", e);
        }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            string text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"pdftotext failed: {stderr.Result}");
            return Normalize(text);
        }
    }

    /// <summary>Whitespace (line breaks, form feeds) collapsed to single spaces, for matching wrapped text.</summary>
    public static string Normalize(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
