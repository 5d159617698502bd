using System.Diagnostics;

namespace Blueprint.Tests;

/// <summary>Poppler's command-line tools on a PDF in memory (test.sh installs poppler-utils).</summary>
public static class PdfTools
{
    /// <summary>One page drawn to pixels by <c>pdftoppm</c> at <paramref name="dpi"/>.</summary>
    public static PngImage Raster(byte[] pdf, int dpi, int page = 1) =>
        WithFile(pdf, (file, folder) =>
        {
            string prefix = Path.Combine(folder, "page");
            Run("pdftoppm", "-png", "-singlefile", "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-f", page.ToString(System.Globalization.CultureInfo.InvariantCulture), "-l", page.ToString(System.Globalization.CultureInfo.InvariantCulture), file, prefix);
            return PngImage.Decode(File.ReadAllBytes(prefix + ".png"));
        });

    /// <summary>The font table <c>pdffonts</c> prints: name, type, encoding, embedded, subset, unicode map.</summary>
    public static string Fonts(byte[] pdf) => WithFile(pdf, (file, _) => Run("pdffonts", file));

    /// <summary>
    /// What <c>pdfinfo</c> prints (title, pages, page size; UTF-8); fails the test when poppler complains about the
    /// file on the way, as it does for a broken object or font.
    /// </summary>
    public static string Info(byte[] pdf) => WithFile(pdf, (file, _) =>
    {
        var (output, errors) = Execute("pdfinfo", "-enc", "UTF-8", file);
        Assert.True(errors.Length == 0, $"pdfinfo complained: {errors}");
        return output;
    });

    /// <summary>The link targets of every page, as <c>pdfinfo -url</c> reads them from the annotations.</summary>
    public static IReadOnlyList<string> Urls(byte[] pdf) => WithFile(pdf, (file, _) =>
        System.Text.RegularExpressions.Regex.Matches(Run("pdfinfo", "-url", file), @"^\s*\d+\s+\S+\s+(\S.*?)\s*$", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value).ToList());

    private static T WithFile<T>(byte[] pdf, Func<string, string, T> use)
    {
        string folder = Path.Combine(Path.GetTempPath(), $"blueprint-test-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            string file = Path.Combine(folder, "document.pdf");
            File.WriteAllBytes(file, pdf);
            return use(file, folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Runs a poppler tool and returns what it printed; fails the test when it fails.</summary>
    public static string Run(string tool, params string[] arguments) => Execute(tool, arguments).Output;

    private static (string Output, string Errors) Execute(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{tool} is not installed (Debian: poppler-utils); ./test.sh installs it", e);
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"{tool} failed: {stderr.Result}");
            return (output, stderr.Result);
        }
    }
}
