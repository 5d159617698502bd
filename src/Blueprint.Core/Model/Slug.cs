using System.Globalization;
using System.Text;

namespace Blueprint.Core.Model;

/// <summary>Heading anchors as code-hosting sites make them: lower case, letters, digits, '-' and '_' kept, spaces to '-'.</summary>
public static class Slug
{
    public static string From(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c in text.Trim().ToLowerInvariant())
        {
            var category = char.GetUnicodeCategory(c);
            if (c == ' ') sb.Append('-');
            else if (c == '-' || c == '_') sb.Append(c);
            else if (char.IsLetterOrDigit(c) || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
                sb.Append(c);
        }
        return sb.ToString();
    }
}
