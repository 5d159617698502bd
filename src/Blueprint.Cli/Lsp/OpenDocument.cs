using Blueprint.Cli.Commands;
using Blueprint.Cli.Config;
using Blueprint.Cli.Inputs;
using Blueprint.Core.Diagnostics;
using Blueprint.Core.Model;
using Blueprint.Core.Reading;

namespace Blueprint.Cli.Lsp;

/// <summary>
/// A document the client has open: its URI, the file it stands for (null when it is not a file: untitled), the
/// name its findings carry, its version and text, what the reader and checks made of that text, and the last model
/// that could be read (<see cref="LastModel"/>: completion's ids while the text is mid-edit and cannot be read).
/// </summary>
public sealed record OpenDocument(string Uri, string? FullPath, string Name, int Version, LspText Text, ReadResult Read,
    IReadOnlyList<Diagnostic> Findings, BlueprintDocument? LastModel, LoadedConfig? Config)
{
    private LspIndex? index;

    /// <summary>The model of this version of the text; null when it could not be read.</summary>
    public BlueprintDocument? Model => Read.Document;

    /// <summary>Where this version's ids and references are, found on first use.</summary>
    public LspIndex Index => index ??= LspIndex.Of(Model, Text);

    /// <summary>Whether the reader took the text as Markdown (by the name, else by the text, as <c>lint</c> does).</summary>
    public bool IsMarkdown => Read.Format == SourceFormat.Markdown;

    /// <summary>Reads and checks <paramref name="text"/> as <c>lint</c> would the file, with the nearest configuration.</summary>
    public static OpenDocument Analyze(string uri, int version, string text, string workingDirectory, OpenDocument? previous = null)
    {
        var (fullPath, name) = FileOf(uri);
        var read = BlueprintReader.ReadText(name, text);
        // Looked up afresh each time: an edited .blueprintlint.yaml counts from the next change on.
        var config = LintConfigFiles.Create(workingDirectory, null).For(new InputFile(name, fullPath));
        var findings = LintAnalysis.Findings(read, config).Where(d => d.Location.File == name).ToList();
        return new OpenDocument(uri, fullPath, name, version, new LspText(text), read, findings, read.Document ?? previous?.LastModel, config);
    }

    /// <summary>A <c>file:</c> URI's local path; any other URI (an untitled buffer) is known by its last segment.</summary>
    public static (string? FullPath, string Name) FileOf(string uri)
    {
        if (System.Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile) return (parsed.LocalPath, parsed.LocalPath);
        string last = uri[(uri.LastIndexOfAny(['/', ':']) + 1)..];
        return (null, last.Length > 0 ? System.Uri.UnescapeDataString(last) : uri);
    }
}
