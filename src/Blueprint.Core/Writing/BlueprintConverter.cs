using Blueprint.Core.Diagnostics;
using Blueprint.Core.Model;
using Blueprint.Core.Reading;

namespace Blueprint.Core.Writing;

/// <summary>What converting gives back: the text in the other format (null when the input could not be read whole) and the reader's findings.</summary>
public sealed record ConvertResult(string? Text, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>YAML to Markdown and back, through the model: converting there and back changes nothing in the model.</summary>
public static class BlueprintConverter
{
    public static string Write(BlueprintDocument document, SourceFormat format) =>
        format == SourceFormat.Markdown ? MarkdownWriter.Write(document) : YamlWriter.Write(document);

    /// <summary>
    /// Reads <paramref name="text"/> (format by <paramref name="file"/>'s name) and writes it as <paramref name="to"/>.
    /// Refuses (null text) when the reader reports an error: a partial model would silently drop content.
    /// </summary>
    public static ConvertResult Convert(string file, string text, SourceFormat to)
    {
        var read = BlueprintReader.ReadText(file, text);
        if (read.Document is null || read.HasErrors) return new ConvertResult(null, read.Diagnostics);
        string written = Write(read.Document, to);

        // The promise is that nothing in the model changes: check it rather than hope, and refuse otherwise.
        var again = to == SourceFormat.Markdown ? MarkdownReader.Read(file, written) : YamlReader.Read(file, written);
        if (again.Document is null || again.HasErrors || ModelJson.Write(again.Document) != ModelJson.Write(read.Document))
        {
            return new ConvertResult(null, [.. read.Diagnostics, Descriptors.InternalError.At(SourceLocation.StartOf(file),
                $"converting to {(to == SourceFormat.Markdown ? "Markdown" : "YAML")} would change the blueprint's content, so nothing was written; please report this with the file")]);
        }
        return new ConvertResult(written, read.Diagnostics);
    }
}
