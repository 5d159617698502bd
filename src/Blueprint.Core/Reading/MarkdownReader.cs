using Blueprint.Core.Diagnostics;

namespace Blueprint.Core.Reading;

/// <summary>Reads <c>*.blueprint.md</c>. (Being written: until then Markdown input is refused with a clear message.)</summary>
public static class MarkdownReader
{
    public static ReadResult Read(string file, string text) =>
        new(null, [Descriptors.Syntax.At(SourceLocation.StartOf(file), "Markdown blueprints are not supported by this version yet; use a .blueprint.yaml file")]);
}
