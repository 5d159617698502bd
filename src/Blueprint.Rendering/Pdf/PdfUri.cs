using System.Text;

namespace Blueprint.Rendering.Pdf;

/// <summary>Link targets as PDF wants them: a URI is 7-bit ASCII (ISO 32000-1, 12.6.4.7).</summary>
internal static class PdfUri
{
    /// <summary>
    /// <paramref name="url"/> with every byte of its UTF-8 outside printable ASCII (spaces too), and every character of
    /// <paramref name="alsoEncode"/>, percent-encoded; what is already percent-encoded is left as it is.
    /// </summary>
    public static string Encode(string url, string alsoEncode = "")
    {
        var builder = new StringBuilder(url.Length);
        foreach (var b in Encoding.UTF8.GetBytes(url))
        {
            if (b is > 0x20 and < 0x7F && alsoEncode.IndexOf((char)b) < 0) builder.Append((char)b);
            else builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}
