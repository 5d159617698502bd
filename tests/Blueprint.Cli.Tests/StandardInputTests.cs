using System.Text;
using System.Text.Json;
using Blueprint.Tests;

namespace Blueprint.Cli.Tests;

/// <summary>Reading <c>-</c>: the format guessed from the text or named by <c>--stdin-filename</c>, and writing to standard output.</summary>
public class StandardInputTests
{
    private const string Good = Samples.Good;

    private const string Broken = Samples.Broken;

    private const string Markdown = """
        # Good

        A scenario

        ## Visit

        ### Arrive

        - Customer: Walks in
        - Frontstage: Greets

        """;

    public static TheoryData<string> Examples() =>
        [.. Directory.GetFiles(Repo.PathOf("examples")).Where(Core.Reading.BlueprintReader.IsBlueprintFile).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    /// <summary>Piped through <c>-</c>, a file gives the same findings as read by name, only under <c>&lt;stdin&gt;</c>.</summary>
    private static void AssertSameThroughStandardInput(string folder, string file)
    {
        var byName = CliRun.Run(folder, null, "lint", "--format", "json", file);
        var piped = CliRun.Run(folder, File.ReadAllText(Path.Combine(folder, file)), "lint", "--format", "json", "-");
        Assert.Equal(byName.ExitCode, piped.ExitCode);
        Assert.Equal(byName.Out.Replace(JsonSerializer.Serialize(file), "\"<stdin>\"", StringComparison.Ordinal), piped.Out);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_example_reads_the_same_from_standard_input(string name) =>
        AssertSameThroughStandardInput(Repo.PathOf("examples"), name);

    [Theory]
    [InlineData("blank", false)]
    [InlineData("blank", true)]
    [InlineData("restaurant", false)]
    [InlineData("restaurant", true)]
    public void Every_init_starter_reads_the_same_from_standard_input(string template, bool markdown)
    {
        using var dir = new TempFolder();
        string[] args = markdown ? ["init", "--template", template, "--markdown"] : ["init", "--template", template];
        Assert.Equal(0, CliRun.Run(dir.Path, null, args).ExitCode);
        string file = markdown ? "service.blueprint.md" : "service.blueprint.yaml";
        if (!markdown) Assert.StartsWith("#", File.ReadAllText(Path.Combine(dir.Path, file)), StringComparison.Ordinal);
        AssertSameThroughStandardInput(dir.Path, file);
    }

    [Theory]
    [InlineData("# yaml-language-server: $schema=https://example.com/blueprint.schema.json\n")]
    [InlineData("# Dinner at a restaurant\n\n# Another comment line.\n")]
    [InlineData("#comment without a space\n---\n")]
    public void Yaml_that_starts_with_comments_is_yaml(string comments)
    {
        using var dir = new TempFolder();
        var run = CliRun.Run(dir.Path, comments + Good, "lint", "-");
        Assert.Equal("", run.Error);
        Assert.Equal(["1 file checked: no problems"], run.OutLines);
        Assert.Equal(0, run.ExitCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("---\ngoal: A goal\n---\n")]
    public void Markdown_that_starts_with_a_heading_or_front_matter_is_markdown(string frontMatter)
    {
        using var dir = new TempFolder();
        var run = CliRun.Run(dir.Path, frontMatter + Markdown, "stats", "--format", "json", "-");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        Assert.Equal("Good", JsonDocument.Parse(run.Out).RootElement[0].GetProperty("title").GetString());
    }

    [Fact]
    public void Stdin_filename_is_the_path_in_findings()
    {
        using var dir = new TempFolder();
        var lint = CliRun.Run(dir.Path, Broken, "lint", "--stdin-filename", "docs/service.blueprint.yaml", "-");
        Assert.Equal(1, lint.ExitCode);
        Assert.StartsWith("docs/service.blueprint.yaml:9:9: error BP002", lint.OutLines[0]);

        var stats = CliRun.Run(dir.Path, Good, "stats", "--format", "json", "--stdin-filename", "svc.blueprint.yml", "-");
        Assert.Equal(0, stats.ExitCode);
        Assert.Equal("svc.blueprint.yml", JsonDocument.Parse(stats.Out).RootElement[0].GetProperty("file").GetString());

        var render = CliRun.Run(dir.Path, Broken, "render", "--stdin-filename", "svc.blueprint.yaml", "-", "-o", "out.svg");
        Assert.Equal(1, render.ExitCode);
        Assert.StartsWith("svc.blueprint.yaml:9:9: error BP002", render.ErrorLines[0]);
        Assert.Contains("not rendered 'svc.blueprint.yaml'", render.Error);

        var convert = CliRun.Run(dir.Path, Broken, "convert", "--stdin-filename", "svc.blueprint.yaml", "-", "-o", "out.blueprint.md");
        Assert.Equal(1, convert.ExitCode);
        Assert.StartsWith("svc.blueprint.yaml:9:9: error BP002", convert.ErrorLines[0]);
    }

    [Fact]
    public void Stdin_filename_names_the_file_rendered_into_a_folder()
    {
        using var dir = new TempFolder();
        Directory.CreateDirectory(Path.Combine(dir.Path, "out"));
        var named = CliRun.Run(dir.Path, Good, "render", "--stdin-filename", "docs/svc.blueprint.yaml", "-", "-o", "out", "-f", "svg");
        Assert.Equal(0, named.ExitCode);
        Assert.Equal(["wrote out/svc.svg"], named.OutLines);
        var unnamed = CliRun.Run(dir.Path, Good, "render", "-", "-o", "out", "-f", "svg");
        Assert.Equal(["wrote out/blueprint.svg"], unnamed.OutLines);
    }

    [Fact]
    public void Stdin_filename_extension_picks_the_format()
    {
        using var dir = new TempFolder();
        // Guessed, this text is YAML (a comment, then a key); named .md, it is Markdown whose title is the heading.
        const string text = "# Other title\n\n" + Good;
        var guessed = CliRun.Run(dir.Path, text, "stats", "--format", "json", "-");
        Assert.Equal("Good", JsonDocument.Parse(guessed.Out).RootElement[0].GetProperty("title").GetString());
        var asMarkdown = CliRun.Run(dir.Path, text, "stats", "--format", "json", "--stdin-filename", "x.blueprint.md", "-");
        Assert.Equal("Other title", JsonDocument.Parse(asMarkdown.Out).RootElement[0].GetProperty("title").GetString());

        var markdownAsYaml = CliRun.Run(dir.Path, Markdown, "lint", "--stdin-filename", "x.blueprint.yaml", "-");
        Assert.Equal(1, markdownAsYaml.ExitCode);
        Assert.StartsWith("x.blueprint.yaml:", markdownAsYaml.OutLines[0]);
        var markdownAsMarkdown = CliRun.Run(dir.Path, Markdown, "lint", "--stdin-filename", "x.blueprint.md", "-");
        Assert.Equal(0, markdownAsMarkdown.ExitCode);
    }

    [Theory]
    [InlineData("lint")]
    [InlineData("render")]
    [InlineData("stats")]
    [InlineData("convert")]
    public void Stdin_filename_that_is_not_a_blueprint_is_bad_usage(string command)
    {
        using var dir = new TempFolder();
        string[] args = command == "convert"
            ? [command, "--stdin-filename", "notes.txt", "-", "-o", "x.blueprint.md"]
            : [command, "--stdin-filename", "notes.txt", "-"];
        var run = CliRun.Run(dir.Path, Good, args);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["blueprint: --stdin-filename must end in .blueprint.yaml, .blueprint.yml or .blueprint.md (or .yaml, .yml, .md) to pick the format, got 'notes.txt'"], run.ErrorLines);
        Assert.Equal("", run.Out);
        Assert.False(File.Exists(Path.Combine(dir.Path, "x.blueprint.md")));
    }

    [Fact]
    public void Stdin_filename_without_a_dash_is_bad_usage()
    {
        using var dir = new TempFolder();
        dir.Write("a.blueprint.yaml", Good);
        var run = CliRun.Run(dir.Path, null, "lint", "--stdin-filename", "x.blueprint.yaml", "a.blueprint.yaml");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["blueprint: --stdin-filename names standard input, which is read only for the path -; add - to read it, or leave --stdin-filename out"], run.ErrorLines);
    }

    [Theory]
    [InlineData("lint")]
    [InlineData("render")]
    [InlineData("stats")]
    [InlineData("convert")]
    public void Help_shows_stdin_filename(string command)
    {
        var run = CliRun.Run(Repo.Root, null, command, "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--stdin-filename <NAME>", run.Out);
    }

    [Theory]
    [InlineData(new[] { "render", "-" }, "PNG")]
    [InlineData(new[] { "render", "-", "-o", "-" }, "PNG")]
    [InlineData(new[] { "render", "-", "-f", "pdf" }, "PDF")]
    [InlineData(new[] { "render", "x.blueprint.yaml", "-o", "-", "-f", "png" }, "PNG")]
    public void Binary_output_to_a_terminal_is_refused(string[] args, string format)
    {
        using var dir = new TempFolder();
        dir.Write("x.blueprint.yaml", Good);
        var run = CliRun.Run(dir.Path, Good, terminal: true, args);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal([$"blueprint: refusing to write {format} to the terminal; write it to a file with -o FILE, or pipe it to a program (blueprint render ... | ...)"], run.ErrorLines);
        Assert.Empty(run.OutBytes);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void Svg_to_a_terminal_is_written()
    {
        using var dir = new TempFolder();
        var run = CliRun.Run(dir.Path, Good, terminal: true, "render", "-", "-f", "svg");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("<svg", Encoding.UTF8.GetString(run.OutBytes), StringComparison.Ordinal);
    }

    [Fact]
    public void Standard_input_without_o_renders_png_to_a_pipe()
    {
        using var dir = new TempFolder();
        var run = CliRun.Run(dir.Path, Good, terminal: false, "render", "-");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, run.OutBytes[..4]);
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Theory]
    [InlineData("markdown", "# Good\n")]
    [InlineData("yaml", "blueprint: Good\n")]
    public void Convert_to_standard_output_with_to(string to, string start)
    {
        using var dir = new TempFolder();
        dir.Write("in.blueprint.yaml", Good);
        dir.Write("in.blueprint.md", Markdown);
        string input = to == "markdown" ? "in.blueprint.yaml" : "in.blueprint.md";
        var run = CliRun.Run(dir.Path, null, "convert", input, "-o", "-", "--to", to);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        Assert.Contains(start, run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("wrote", run.Out, StringComparison.Ordinal);
        Assert.Equal(2, Directory.GetFiles(dir.Path).Length);

        var piped = CliRun.Run(dir.Path, File.ReadAllText(Path.Combine(dir.Path, input)), "convert", "-", "-o", "-", "--to", to);
        Assert.Equal(0, piped.ExitCode);
        Assert.Equal(run.Out, piped.Out);
    }

    [Fact]
    public void Convert_to_standard_output_without_to_is_bad_usage()
    {
        using var dir = new TempFolder();
        dir.Write("in.blueprint.yaml", Good);
        var run = CliRun.Run(dir.Path, null, "convert", "in.blueprint.yaml", "-o", "-");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["blueprint: -o - writes to standard output, which has no extension to pick the format; add --to yaml or --to markdown"], run.ErrorLines);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void Convert_to_that_contradicts_the_output_name_is_bad_usage()
    {
        using var dir = new TempFolder();
        dir.Write("in.blueprint.yaml", Good);
        var run = CliRun.Run(dir.Path, null, "convert", "in.blueprint.yaml", "-o", "out.blueprint.md", "--to", "yaml");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["blueprint: -o 'out.blueprint.md' is Markdown but --to is yaml; leave --to out or name the output for it"], run.ErrorLines);
        Assert.False(File.Exists(Path.Combine(dir.Path, "out.blueprint.md")));

        var agreeing = CliRun.Run(dir.Path, null, "convert", "in.blueprint.yaml", "-o", "out.blueprint.md", "--to", "markdown");
        Assert.Equal(0, agreeing.ExitCode);
        Assert.True(File.Exists(Path.Combine(dir.Path, "out.blueprint.md")));
    }
}
