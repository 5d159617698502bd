using Blueprint.Cli.Inputs;
using Blueprint.Cli.Output;
using Blueprint.Core.Reading;
using Blueprint.Core.Writing;

namespace Blueprint.Cli.Commands;

/// <summary>
/// Converts one blueprint: checks the paths, reads, converts in the core (which verifies that the model is unchanged),
/// and writes the output whole or not at all. Never replaces its input; replaces an existing output only with <c>--force</c>.
/// </summary>
public static class ConvertRunner
{
    public sealed record Request(string Input, string Output, bool Force, string? To = null, string? StdinFilename = null);

    public static int Run(CliConsole console, Request request)
    {
        if (StandardInput.Problem(request.StdinFilename, [request.Input]) is { } stdinProblem)
        {
            console.Fail(stdinProblem);
            return ExitCodes.Usage;
        }
        bool toStandardOutput = request.Output == "-";
        SourceFormat? to = request.To switch { "yaml" => SourceFormat.Yaml, "markdown" => SourceFormat.Markdown, _ => null };
        SourceFormat format;
        if (toStandardOutput)
        {
            if (to is null)
            {
                console.Fail("-o - writes to standard output, which has no extension to pick the format; add --to yaml or --to markdown");
                return ExitCodes.Usage;
            }
            format = to.Value;
        }
        else if (FormatOf(request.Output) is { } byExtension)
        {
            if (to is not null && to != byExtension)
            {
                console.Fail($"-o '{request.Output}' is {Name(byExtension)} but --to is {request.To}; leave --to out or name the output for it");
                return ExitCodes.Usage;
            }
            format = byExtension;
        }
        else
        {
            console.Fail($"cannot tell the output format from '{request.Output}'; name it *.blueprint.md for Markdown or *.blueprint.yaml for YAML");
            return ExitCodes.Usage;
        }

        bool fromStandardInput = request.Input == "-";
        string inputName = fromStandardInput ? request.StdinFilename ?? InputFile.StandardInputName : request.Input;
        string? inputPath = fromStandardInput ? null : Path.GetFullPath(request.Input, console.CurrentDirectory);
        if (inputPath is not null && Directory.Exists(inputPath))
        {
            console.Fail($"'{request.Input}' is a folder; convert takes one blueprint file");
            return ExitCodes.Usage;
        }
        if (inputPath is not null && !File.Exists(inputPath))
        {
            console.Fail($"cannot read '{request.Input}': no such file");
            return ExitCodes.Usage;
        }
        string? outputPath = toStandardOutput ? null : Path.GetFullPath(request.Output, console.CurrentDirectory);
        if (outputPath is not null)
        {
            if (string.Equals(inputPath, outputPath, OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase))
            {
                console.Fail($"the output '{request.Output}' is the input; convert never overwrites its input, so choose another output file");
                return ExitCodes.Usage;
            }
            // A folder where the output should be, or no folder to hold it: a file-system failure of the output (exit 1).
            if ((FileSystemFailure.Obstacle(request.Output, outputPath) ?? (Directory.Exists(Path.GetDirectoryName(outputPath)) ? null : "no such folder")) is { } obstacle)
            {
                console.Fail($"cannot write '{request.Output}': {obstacle}");
                return ExitCodes.Findings;
            }
            if (File.Exists(outputPath) && !request.Force)
            {
                console.Fail($"'{request.Output}' already exists; pass --force to replace it");
                return ExitCodes.Usage;
            }
        }

        var loaded = SourceLoader.Load(new InputFile(inputName, inputPath), console);
        if (loaded.Unreadable is not null)
        {
            console.Fail(loaded.Unreadable);
            return ExitCodes.Usage;
        }
        if (loaded.Text is null)
        {
            foreach (var d in loaded.Read!.Diagnostics) console.Error.WriteLine(d.ToString());
            return ExitCodes.Findings;
        }

        var result = BlueprintConverter.Convert(inputName, loaded.Text, format);
        foreach (var d in result.Diagnostics) console.Error.WriteLine(d.ToString());
        if (result.Text is null)
        {
            console.Fail($"'{inputName}' was not converted: fix the errors above first; nothing was written");
            return ExitCodes.Findings;
        }

        if (outputPath is null)
        {
            console.Out.Write(result.Text);
            return ExitCodes.Ok;
        }
        try
        {
            AtomicFile.WriteText(outputPath, result.Text, overwrite: request.Force);
        }
        catch (Exception e) when (FileSystemFailure.Is(e))
        {
            // Another process may have created the output meanwhile: the rename without --force refuses to replace it.
            if (File.Exists(outputPath) && !request.Force)
            {
                console.Fail($"'{request.Output}' already exists; pass --force to replace it");
                return ExitCodes.Usage;
            }
            console.Fail(FileSystemFailure.Writing(request.Output, outputPath, e));
            return ExitCodes.Findings;
        }
        console.Out.WriteLine($"wrote {request.Output}");
        return ExitCodes.Ok;
    }

    /// <summary>Markdown for .md/.markdown, YAML for .yaml/.yml, else null.</summary>
    public static SourceFormat? FormatOf(string path)
    {
        string lower = path.ToLowerInvariant();
        if (lower.EndsWith(".md", StringComparison.Ordinal) || lower.EndsWith(".markdown", StringComparison.Ordinal)) return SourceFormat.Markdown;
        if (lower.EndsWith(".yaml", StringComparison.Ordinal) || lower.EndsWith(".yml", StringComparison.Ordinal)) return SourceFormat.Yaml;
        return null;
    }

    private static string Name(SourceFormat format) => format == SourceFormat.Markdown ? "Markdown" : "YAML";
}
