using Blueprint.Cli.Commands;
using Blueprint.Cli.Config;
using Blueprint.Cli.Inputs;
using Blueprint.Core.Diagnostics;
using Blueprint.Core.Reading;

namespace Blueprint.Cli.Lsp;

/// <summary>
/// A document the client has open: its URI, the file it stands for (null when it is not a file: untitled), the
/// name its findings carry, its version and text, and what the reader and checks made of that text.
/// </summary>
public sealed record OpenDocument(string Uri, string? FullPath, string Name, int Version, LspText Text, ReadResult Read, IReadOnlyList<Diagnostic> Findings)
{
    /// <summary>Reads and checks <paramref name="text"/> as <c>lint</c> would the file, with the nearest configuration.</summary>
    public static OpenDocument Analyze(string uri, int version, string text, string workingDirectory)
    {
        var (fullPath, name) = FileOf(uri);
        var read = BlueprintReader.ReadText(name, text);
        // Looked up afresh each time: an edited .blueprintlint.yaml counts from the next change on.
        var config = LintConfigFiles.Create(workingDirectory, null).For(new InputFile(name, fullPath));
        var findings = LintAnalysis.Findings(read, config).Where(d => d.Location.File == name).ToList();
        return new OpenDocument(uri, fullPath, name, version, new LspText(text), read, findings);
    }

    /// <summary>A <c>file:</c> URI's local path; any other URI (an untitled buffer) is known by its last segment.</summary>
    public static (string? FullPath, string Name) FileOf(string uri)
    {
        if (System.Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile) return (parsed.LocalPath, parsed.LocalPath);
        string last = uri[(uri.LastIndexOfAny(['/', ':']) + 1)..];
        return (null, last.Length > 0 ? System.Uri.UnescapeDataString(last) : uri);
    }
}
