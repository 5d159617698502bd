using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Blueprint.Rendering.Pdf;

/// <summary>
/// Sets a finished PDF's document language (<c>/Lang</c> in its catalog) by an incremental update: the catalog written
/// again with the entry added, a one-entry cross-reference section and a trailer pointing back at the original. The
/// original bytes are kept as they are. For PDFs from Skia's backend, whose metadata has no language field.
/// </summary>
public static partial class PdfCatalogLanguage
{
    /// <summary>The PDF with <c>/Lang (tag)</c> in its catalog; the input unchanged when its structure is not the classic one expected.</summary>
    public static byte[] Set(byte[] pdf, string tag)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        if (!TagPattern().IsMatch(tag)) throw new ArgumentException($"'{tag}' is not a language tag.", nameof(tag));
        // Latin-1 maps every byte to one char, so offsets in the string are offsets in the file.
        string text = Encoding.Latin1.GetString(pdf);
        int startxref = text.LastIndexOf("startxref", StringComparison.Ordinal);
        int trailerAt = text.LastIndexOf("trailer", StringComparison.Ordinal);
        if (startxref < 0 || trailerAt < 0 || trailerAt > startxref) return pdf;
        var prev = Regex.Match(text[startxref..], @"startxref\s+(\d+)");
        string trailer = text[trailerAt..startxref];
        var root = Regex.Match(trailer, @"/Root\s+(\d+)\s+(\d+)\s+R");
        var size = Regex.Match(trailer, @"/Size\s+(\d+)");
        if (!prev.Success || !root.Success || !size.Success) return pdf;

        int number = int.Parse(root.Groups[1].Value, CultureInfo.InvariantCulture);
        int generation = int.Parse(root.Groups[2].Value, CultureInfo.InvariantCulture);
        // The catalog where the cross-reference table says it is (a search could be fooled by bytes in a font stream).
        if (ObjectOffset(text, int.Parse(prev.Groups[1].Value, CultureInfo.InvariantCulture), number) is not { } offset) return pdf;
        var obj = new Regex($@"\G{number}\s+{generation}\s+obj\s*(<<.*?>>)\s*endobj", RegexOptions.Singleline).Match(text, offset);
        if (!obj.Success) return pdf;
        string catalog = obj.Groups[1].Value;
        catalog = Regex.Replace(catalog, @"\s*/Lang\s*\([^)]*\)", "");
        catalog = catalog[..^2].TrimEnd() + $" /Lang ({tag})>>";

        var update = new StringBuilder();
        if (!text.EndsWith('\n')) update.Append('\n');
        int objectAt = pdf.Length + update.Length;
        update.Append(CultureInfo.InvariantCulture, $"{number} {generation} obj\n{catalog}\nendobj\n");
        int xrefAt = pdf.Length + update.Length;
        update.Append(CultureInfo.InvariantCulture, $"xref\n{number} 1\n{objectAt:D10} {generation:D5} n \n");
        update.Append("trailer\n<< /Size ").Append(size.Groups[1].Value)
              .Append(CultureInfo.InvariantCulture, $" /Root {number} {generation} R");
        if (Regex.Match(trailer, @"/Info\s+\d+\s+\d+\s+R") is { Success: true } info) update.Append(' ').Append(info.Value);
        if (Regex.Match(trailer, @"/ID\s*\[[^\]]*\]") is { Success: true } id) update.Append(' ').Append(id.Value);
        update.Append(" /Prev ").Append(prev.Groups[1].Value).Append(" >>\n");
        update.Append(CultureInfo.InvariantCulture, $"startxref\n{xrefAt}\n%%EOF\n");
        return [.. pdf, .. Encoding.Latin1.GetBytes(update.ToString())];
    }

    /// <summary>Where object <paramref name="number"/> starts, from the classic cross-reference table at <paramref name="xref"/>; null when it is not one.</summary>
    private static int? ObjectOffset(string text, int xref, int number)
    {
        if (xref < 0 || xref >= text.Length || string.CompareOrdinal(text, xref, "xref", 0, 4) != 0) return null;
        var section = XrefSection();
        int at = xref + 4;
        for (var m = section.Match(text, at); m.Success; m = section.Match(text, at))
        {
            int first = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), count = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            int entries = m.Index + m.Length;
            if (number >= first && number < first + count)
            {
                int entry = entries + (number - first) * 20;
                if (entry + 18 > text.Length || text[entry + 17] != 'n') return null;
                return int.Parse(text.AsSpan(entry, 10), CultureInfo.InvariantCulture);
            }
            at = entries + count * 20;
        }
        return null;
    }

    [GeneratedRegex(@"\G\s*(\d+) (\d+)\r?\n")]
    private static partial Regex XrefSection();

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")]
    private static partial Regex TagPattern();
}
