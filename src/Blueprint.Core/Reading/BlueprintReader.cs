using Blueprint.Core.Diagnostics;

namespace Blueprint.Core.Reading;

public enum SourceFormat { Yaml, Markdown }

/// <summary>The one entry point for reading a blueprint: picks the reader by file name (or content, for standard input).</summary>
public static class BlueprintReader
{
    public static readonly IReadOnlyList<string> Extensions = [".blueprint.yaml", ".blueprint.yml", ".blueprint.md"];

    public static bool IsBlueprintFile(string path) =>
        Extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary>Markdown for <c>.md</c>/<c>.markdown</c>, YAML for <c>.yaml</c>/<c>.yml</c>; otherwise by content.</summary>
    public static SourceFormat FormatOf(string path, string? text = null)
    {
        string lower = path.ToLowerInvariant();
        if (lower.EndsWith(".md", StringComparison.Ordinal) || lower.EndsWith(".markdown", StringComparison.Ordinal)) return SourceFormat.Markdown;
        if (lower.EndsWith(".yaml", StringComparison.Ordinal) || lower.EndsWith(".yml", StringComparison.Ordinal)) return SourceFormat.Yaml;
        return text is not null && LooksLikeMarkdown(text) ? SourceFormat.Markdown : SourceFormat.Yaml;
    }

    /// <summary>
    /// Standard input's format. Markdown starts with <c>---</c> front matter or a <c># Title</c> heading, and its first
    /// line that is not a heading is prose or a list. YAML may start with <c>#</c> comments (a description, a
    /// <c># yaml-language-server: $schema=...</c> modeline), but its first line that is not a comment is a top-level
    /// <c>key:</c>. So lines of <c>#</c> before the first other line are a heading only when that line is not a key.
    /// </summary>
    private static bool LooksLikeMarkdown(string text)
    {
        using var reader = new StringReader(text);
        bool inFrontMatter = false, frontMatter = false, heading = false;
        int lineNo = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            string t = line.Trim();
            if (lineNo == 1 && t == "---") { inFrontMatter = true; continue; }
            if (inFrontMatter) { if (t == "---") { inFrontMatter = false; frontMatter = true; } continue; }
            if (t.Length == 0) continue;
            if (t.StartsWith('#'))
            {
                // `# Title`, `## Scene`: a heading in Markdown or a comment in YAML; `#comment`, `#!`: only a comment.
                string marks = t.TrimStart('#');
                if (t.Length - marks.Length <= 6 && (marks.Length == 0 || marks[0] == ' ')) heading = true;
                continue;
            }
            if (t == "---") continue; // a YAML document marker after comments, or a Markdown rule: neither key nor prose
            if (TopLevelKey.IsMatch(line)) return false;
            return heading || frontMatter;
        }
        return heading;
    }

    /// <summary>A YAML mapping key at the start of a line, as every top-level key of the format is: <c>blueprint:</c>, <c>lanes: [...]</c>.</summary>
    private static readonly System.Text.RegularExpressions.Regex TopLevelKey =
        new(@"^(?:[a-z][A-Za-z0-9_-]*|""[^""]*""|'[^']*')[ \t]*:(?:[ \t]|$)", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    public static ReadResult Read(string file, ReadOnlySpan<byte> bytes)
    {
        var (text, error) = SourceDecoder.Decode(file, bytes);
        if (error is not null) return new ReadResult(null, [error]);
        return ReadText(file, text!);
    }

    public static ReadResult ReadText(string file, string text) =>
        FormatOf(file, text) == SourceFormat.Markdown
            ? MarkdownReader.Read(file, text)
            : YamlReader.Read(file, text);
}
