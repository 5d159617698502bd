using System.Text;
using Blueprint.Core.Model;
using Blueprint.Core.Reading;
using Blueprint.Core.Writing;
using Blueprint.Cli.Output;

namespace Blueprint.Cli.Commands;

/// <summary>Writes a starter blueprint from a built-in template, atomically, refusing to replace an existing file.</summary>
public static class InitRunner
{
    public const string DefaultYamlName = "service.blueprint.yaml";
    public const string DefaultMarkdownName = "service.blueprint.md";

    public sealed record Request(string? File, bool Markdown, string Template, string? Lang = null);

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
        string language = Languages.Default;
        if (request.Lang is not null)
        {
            if (Languages.Parse(request.Lang, out string? problem) is not { } tag)
            {
                console.Fail($"--lang: {problem}");
                return ExitCodes.Usage;
            }
            language = Languages.For(tag).Code;
        }
        if (Template(request.Template, markdown, language) is not { } text)
        {
            console.Fail($"the {request.Template} template is written in {string.Join(" and ", Languages.Codes.Where(c => Template(request.Template, markdown, c) is not null))}, not in {language}; "
                + $"use --template blank with --lang {language}");
            return ExitCodes.Usage;
        }

        string full = Path.GetFullPath(file, console.CurrentDirectory);
        if (File.Exists(full) || Directory.Exists(full))
        {
            console.Fail($"'{file}' already exists; init never overwrites a file: choose another name or remove it first");
            return ExitCodes.Usage;
        }

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

        string inLanguage = language == Languages.Default ? "" : $", lang: {language}";
        console.Out.WriteLine($"wrote {file} ({request.Template} template, {(markdown ? "Markdown" : "YAML")}{inLanguage})");
        if (!BlueprintReader.IsBlueprintFile(file))
            console.Error.WriteLine($"note: name it *.blueprint.{(markdown ? "md" : "yaml")} so that folder searches find it");
        console.Out.WriteLine($"next: blueprint lint {Quote(file)}");
        return ExitCodes.Ok;
    }

    /// <summary>The template text: <c>blank</c> or <c>restaurant</c>, YAML or Markdown (English).</summary>
    public static string Template(string name, bool markdown) =>
        Template(name, markdown, Languages.Default) ?? throw new InvalidOperationException($"template {name} is missing from the build");

    /// <summary>
    /// The template in a language (<c>nl</c>: <c>templates/blank.nl.blueprint.yaml</c>), or null when there is none. A template
    /// kept in one format only is written in the other through the model, as <c>convert</c> does.
    /// </summary>
    public static string? Template(string name, bool markdown, string language)
    {
        string stem = language == Languages.Default ? name : $"{name}.{language}";
        string ext = markdown ? "md" : "yaml";
        if (Resource($"templates/{stem}.blueprint.{ext}") is { } text) return text;
        string other = markdown ? "yaml" : "md";
        if (Resource($"templates/{stem}.blueprint.{other}") is not { } source) return null;
        var converted = BlueprintConverter.Convert($"{stem}.blueprint.{other}", source, markdown ? SourceFormat.Markdown : SourceFormat.Yaml);
        return converted.Text ?? throw new InvalidOperationException($"template {stem} does not convert to {ext}");
    }

    private static string? Resource(string resource)
    {
        using var stream = typeof(InitRunner).Assembly.GetManifestResourceStream(resource);
        if (stream is null) return null;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static string Quote(string path) => path.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"' or '$' or '&' or ';') ? $"'{path.Replace("'", "'\\''", StringComparison.Ordinal)}'" : path;
}
