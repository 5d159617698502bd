using System.Text;
using Blueprint.Core.Reading;
using Blueprint.Core.Writing;

namespace Blueprint.Cli.Commands;

/// <summary>The file side of <c>convert</c>: checks paths, reads, converts in the core, writes the output whole or not at all.</summary>
internal static class ConvertAction
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>0 written, 1 the input has errors (nothing written), 2 bad usage or an unreadable or unwritable path.</summary>
    public static int Run(string input, string output, bool force, TextWriter stdout, TextWriter stderr)
    {
        if (OutputFormat(output) is not { } format)
        {
            stderr.WriteLine($"blueprint convert: cannot tell the output format from `{output}`; name it *.blueprint.md for Markdown or *.blueprint.yaml for YAML");
            return 2;
        }
        if (!File.Exists(input))
        {
            stderr.WriteLine(Directory.Exists(input)
                ? $"blueprint convert: `{input}` is a folder; convert takes one blueprint file"
                : $"blueprint convert: cannot read `{input}`: no such file");
            return 2;
        }
        string inputPath = Path.GetFullPath(input), outputPath = Path.GetFullPath(output);
        if (string.Equals(inputPath, outputPath, OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase))
        {
            stderr.WriteLine($"blueprint convert: the output `{output}` is the input; convert never overwrites its input — choose another output file");
            return 2;
        }
        if (Directory.Exists(outputPath))
        {
            stderr.WriteLine($"blueprint convert: `{output}` is a folder; give the output file's name, e.g. `{Path.Combine(output, SuggestedName(input, format))}`");
            return 2;
        }
        if (File.Exists(outputPath) && !force)
        {
            stderr.WriteLine($"blueprint convert: `{output}` already exists; pass --force to replace it");
            return 2;
        }
        string? folder = Path.GetDirectoryName(outputPath);
        if (folder is null || !Directory.Exists(folder))
        {
            stderr.WriteLine($"blueprint convert: the folder of `{output}` does not exist");
            return 2;
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(inputPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"blueprint convert: cannot read `{input}`: {e.Message}");
            return 2;
        }

        var (text, decodeError) = SourceDecoder.Decode(input, bytes);
        if (decodeError is not null)
        {
            stderr.WriteLine(decodeError.ToString());
            return 1;
        }
        var result = BlueprintConverter.Convert(input, text!, format);
        foreach (var d in result.Diagnostics) stderr.WriteLine(d.ToString());
        if (result.Text is null)
        {
            stderr.WriteLine($"blueprint convert: `{input}` has errors; fix them first, nothing was written");
            return 1;
        }

        try
        {
            WriteAtomically(outputPath, result.Text, force);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine(File.Exists(outputPath) && !force
                ? $"blueprint convert: `{output}` already exists; pass --force to replace it"
                : $"blueprint convert: cannot write `{output}`: {e.Message}");
            return 2;
        }
        stdout.WriteLine($"wrote {output}");
        return 0;
    }

    /// <summary>Markdown for .md/.markdown, YAML for .yaml/.yml, else null.</summary>
    internal static SourceFormat? OutputFormat(string path)
    {
        string lower = path.ToLowerInvariant();
        if (lower.EndsWith(".md", StringComparison.Ordinal) || lower.EndsWith(".markdown", StringComparison.Ordinal)) return SourceFormat.Markdown;
        if (lower.EndsWith(".yaml", StringComparison.Ordinal) || lower.EndsWith(".yml", StringComparison.Ordinal)) return SourceFormat.Yaml;
        return null;
    }

    private static string SuggestedName(string input, SourceFormat format)
    {
        string name = Path.GetFileName(input);
        foreach (var ext in BlueprintReader.Extensions)
            if (name.EndsWith(ext, StringComparison.OrdinalIgnoreCase)) { name = name[..^ext.Length]; break; }
        return name + (format == SourceFormat.Markdown ? ".blueprint.md" : ".blueprint.yaml");
    }

    /// <summary>Writes a temporary file in the output's folder, then renames it over the output: readers never see half a file.</summary>
    private static void WriteAtomically(string path, string text, bool overwrite)
    {
        string temp = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temp, text, Utf8);
            File.Move(temp, path, overwrite);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
