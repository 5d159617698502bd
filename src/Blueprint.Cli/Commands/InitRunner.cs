using System.Text;
using Blueprint.Core.Reading;
using Blueprint.Cli.Output;

namespace Blueprint.Cli.Commands;

/// <summary>Writes a starter blueprint from a built-in template, atomically, refusing to replace an existing file.</summary>
public static class InitRunner
{
    public const string DefaultYamlName = "service.blueprint.yaml";
    public const string DefaultMarkdownName = "service.blueprint.md";

    public sealed record Request(string? File, bool Markdown, string Template);

    public static int Run(CliConsole console, Request request)
    {
        string file = request.File ?? (request.Markdown ? DefaultMarkdownName : DefaultYamlName);
        var format = BlueprintReader.FormatOf(file);
        bool yamlName = file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
        if (request.Markdown && yamlName)
        {
            console.Fail($"--markdown writes Markdown, but '{file}' is a YAML file name; name it *.blueprint.md");
            return ExitCodes.Usage;
        }
        bool markdown = request.Markdown || format == SourceFormat.Markdown;

        string full = Path.GetFullPath(file, console.CurrentDirectory);
        if (File.Exists(full) || Directory.Exists(full))
        {
            console.Fail($"'{file}' already exists; init never overwrites a file: choose another name or remove it first");
            return ExitCodes.Usage;
        }

        string text = Template(request.Template, markdown);
        try
        {
            AtomicFile.WriteText(full, text, overwrite: false);
        }
        catch (Exception e) when (FileSystemFailure.Is(e))
        {
            // Created meanwhile by another process: the rename without overwrite refused it.
            if (File.Exists(full))
            {
                console.Fail($"'{file}' already exists; init never overwrites a file: choose another name or remove it first");
                return ExitCodes.Usage;
            }
            console.Fail(FileSystemFailure.Writing(file, full, e));
            return ExitCodes.Findings;
        }

        console.Out.WriteLine($"wrote {file} ({request.Template} template, {(markdown ? "Markdown" : "YAML")})");
        if (!BlueprintReader.IsBlueprintFile(file))
            console.Error.WriteLine($"note: name it *.blueprint.{(markdown ? "md" : "yaml")} so that folder searches find it");
        console.Out.WriteLine($"next: blueprint lint {Quote(file)}");
        return ExitCodes.Ok;
    }

    /// <summary>The template text: <c>blank</c> or <c>restaurant</c>, YAML or Markdown.</summary>
    public static string Template(string name, bool markdown)
    {
        string resource = $"templates/{name}.blueprint.{(markdown ? "md" : "yaml")}";
        using var stream = typeof(InitRunner).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"template {resource} is missing from the build");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static string Quote(string path) => path.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"' or '$' or '&' or ';') ? $"'{path.Replace("'", "'\\''", StringComparison.Ordinal)}'" : path;
}
