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

    private static bool LooksLikeMarkdown(string text)
    {
        using var reader = new StringReader(text);
        bool inFrontMatter = false;
        int lineNo = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            string t = line.Trim();
            if (t.Length == 0) continue;
            if (lineNo == 1 && t == "---") { inFrontMatter = true; continue; }
            if (inFrontMatter) { if (t == "---") inFrontMatter = false; continue; }
            return t.StartsWith('#') && !t.StartsWith("#!", StringComparison.Ordinal) && (t.Length == 1 || t[1] is ' ' or '#');
        }
        return false;
    }

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
