using System.Collections.Concurrent;
using Blueprint.Cli.Inputs;
using Blueprint.Cli.Output;
using Blueprint.Core.Analysis;
using Blueprint.Core.Reading;

namespace Blueprint.Cli.Config;

/// <summary>A configuration file as loaded: its path as shown to the user and what it says (or why it could not be read).</summary>
public sealed record LoadedConfig(string DisplayPath, LintConfig Config, string? Unreadable = null);

/// <summary>
/// Finds the lint configuration for each blueprint: the given <c>--config</c> file for all of them, else the
/// nearest <c>.blueprintlint.yaml</c> (or <c>.yml</c>) in the blueprint's folder or a parent (standard input:
/// the working directory). Each folder is looked at and each file read once, from any thread.
/// </summary>
public sealed class LintConfigFiles
{
    private readonly string workingDirectory;
    private readonly LoadedConfig? explicitConfig;
    private readonly ConcurrentDictionary<string, Lazy<LoadedConfig?>> byFolder = new(StringComparer.Ordinal);

    private LintConfigFiles(string workingDirectory, LoadedConfig? explicitConfig)
    {
        this.workingDirectory = workingDirectory;
        this.explicitConfig = explicitConfig;
    }

    /// <summary>Discovery per file, or the one <paramref name="configPath"/> when given.</summary>
    /// <summary>
    /// What lint and render check first, the same way: that <c>--stdin-filename</c> fits the paths, and that a
    /// <c>--config</c> file can be read. The configuration lookup, or null with the problem printed (bad usage).
    /// </summary>
    public static LintConfigFiles? ForCommand(CliConsole console, IReadOnlyList<string> paths, string? stdinFilename, string? configPath)
    {
        if (StandardInput.Problem(stdinFilename, paths) is { } stdinProblem)
        {
            console.Fail(stdinProblem);
            return null;
        }

        var configs = Create(console.CurrentDirectory, configPath);
        if (configs.Explicit?.Unreadable is { } badConfig)
        {
            console.Fail(badConfig);
            return null;
        }

        return configs;
    }

    public static LintConfigFiles Create(string workingDirectory, string? configPath)
    {
        var files = new LintConfigFiles(workingDirectory, null);
        if (configPath is null) return files;
        return new LintConfigFiles(workingDirectory, files.Load(Path.GetFullPath(configPath, workingDirectory), configPath));
    }

    /// <summary>The <c>--config</c> file, when one was given (null otherwise).</summary>
    public LoadedConfig? Explicit => explicitConfig;

    public LoadedConfig? For(InputFile input)
    {
        if (explicitConfig is not null) return explicitConfig;
        string folder = input.FullPath is { } full ? Path.GetDirectoryName(full) ?? workingDirectory : workingDirectory;
        return Nearest(folder);
    }

    private LoadedConfig? Nearest(string folder) =>
        byFolder.GetOrAdd(folder, f => new Lazy<LoadedConfig?>(() => Search(f))).Value;

    private LoadedConfig? Search(string folder)
    {
        foreach (var name in LintConfig.FileNames)
        {
            string candidate = Path.Combine(folder, name);
            if (File.Exists(candidate)) return Load(candidate, Display(candidate));
        }
        return Path.GetDirectoryName(folder) is { } parent && parent != folder ? Nearest(parent) : null;
    }

    private LoadedConfig Load(string fullPath, string displayPath)
    {
        byte[] bytes;
        try
        {
            if (!File.Exists(fullPath)) return new LoadedConfig(displayPath, LintConfig.Empty, $"cannot read configuration '{displayPath}': no such file");
            var info = new FileInfo(fullPath);
            if (info.Length > Limits.MaxFileBytes) return new LoadedConfig(displayPath, LintConfig.Empty, $"cannot read configuration '{displayPath}': larger than {Limits.MaxFileBytes / (1024 * 1024)} MiB");
            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new LoadedConfig(displayPath, LintConfig.Empty, $"cannot read configuration '{displayPath}': {FileSystemFailure.Cause(displayPath, fullPath, e, writing: false)}");
        }
        var (text, error) = SourceDecoder.Decode(displayPath, bytes);
        if (error is not null) return new LoadedConfig(displayPath, LintConfig.Empty with { Diagnostics = [error] });
        return new LoadedConfig(displayPath, LintConfig.Parse(displayPath, text!));
    }

    /// <summary>A discovered file's path relative to the working directory, with forward slashes.</summary>
    private string Display(string fullPath) => Path.GetRelativePath(workingDirectory, fullPath).Replace(Path.DirectorySeparatorChar, '/');
}
