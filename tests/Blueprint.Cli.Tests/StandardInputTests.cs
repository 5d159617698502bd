using System.Text;
using System.Text.Json;
using Blueprint.Tests;

namespace Blueprint.Cli.Tests;

/// <summary>Reading <c>-</c>: the format guessed from the text or named by <c>--stdin-filename</c>, and writing to standard output.</summary>
public class StandardInputTests
{
    private const string Good = """
        blueprint: Good
        goal: A goal
        scenario: A scenario
        lanes: [customer, frontstage]
        scenes:
          - scene: Visit
            steps:
              - step: Arrive
                customer: Walks in
                frontstage: Greets

        """;

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
}
