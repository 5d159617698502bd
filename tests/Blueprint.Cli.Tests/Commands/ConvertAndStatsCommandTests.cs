using Blueprint.Core.Model;
using Blueprint.Core.Reading;

namespace Blueprint.Cli.Tests.Commands;

/// <summary>The convert and stats commands in-process: exact exit codes, files written or not, output on the right stream.</summary>
public sealed class ConvertAndStatsCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("blueprint-cli-tests-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string Example(string name) => Blueprint.Tests.Repo.PathOf("examples", name);

    /// <summary>Runs <c>blueprint COMMAND ARGS</c> in-process, in the test's folder.</summary>
    private (int Exit, string Out, string Err) Run(string command, params string[] args)
    {
        var run = CliRun.Run(folder, null, [command, .. args]);
        return (run.ExitCode, run.Out, run.Error);
    }

    private string Path_(string name) => Path.Combine(folder, name);

    [Fact]
    public void Convert_writes_markdown_that_reads_back_as_the_same_model()
    {
        string output = Path_("restaurant.blueprint.md");
        var (exit, stdout, stderr) = Run("convert", Example("restaurant.blueprint.yaml"), "-o", output);
        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        Assert.Equal($"wrote {output}\n", stdout);
        var original = BlueprintReader.ReadText("a.blueprint.yaml", File.ReadAllText(Example("restaurant.blueprint.yaml")));
        var converted = BlueprintReader.ReadText(output, File.ReadAllText(output));
        Assert.Empty(converted.Diagnostics);
        Assert.Equal(ModelJson.Write(original.Document!), ModelJson.Write(converted.Document!));
        Assert.Empty(Directory.EnumerateFiles(folder, "*.tmp"));
    }

    [Fact]
    public void Convert_writes_yaml_from_markdown()
    {
        string output = Path_("clinic.blueprint.yml");
        Assert.Equal(0, Run("convert", Example("clinic-visit.blueprint.md"), "-o", output).Exit);
        Assert.StartsWith("blueprint: A visit to the GP\n", File.ReadAllText(output), StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_refuses_to_overwrite_an_existing_file_unless_forced()
    {
        string output = Path_("out.blueprint.md");
        File.WriteAllText(output, "keep me");
        var (exit, _, stderr) = Run("convert", Example("coffee-shop.blueprint.yaml"), "-o", output);
        Assert.Equal(2, exit);
        Assert.Contains("already exists; pass --force", stderr, StringComparison.Ordinal);
        Assert.Equal("keep me", File.ReadAllText(output));

        Assert.Equal(0, Run("convert", Example("coffee-shop.blueprint.yaml"), "-o", output, "--force").Exit);
        Assert.StartsWith("---\n", File.ReadAllText(output), StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_never_overwrites_its_input_even_when_forced()
    {
        string input = Path_("same.blueprint.yaml");
        File.Copy(Example("coffee-shop.blueprint.yaml"), input);
        string before = File.ReadAllText(input);
        var (exit, _, stderr) = Run("convert", input, "-o", input, "--force");
        Assert.Equal(2, exit);
        Assert.Contains("is the input", stderr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(input));
    }

    [Fact]
    public void Convert_reports_bad_usage_with_exit_code_2()
    {
        Assert.Equal(2, Run("convert", Path_("missing.blueprint.yaml"), "-o", Path_("x.blueprint.md")).Exit);
        var (exit, _, stderr) = Run("convert", Example("restaurant.blueprint.yaml"), "-o", Path_("x.txt"));
        Assert.Equal(2, exit);
        Assert.Contains("cannot tell the output format", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_refuses_a_blueprint_with_errors_and_writes_nothing()
    {
        string input = Path_("bad.blueprint.md");
        File.WriteAllText(input, "# Bad\n\n## Scene\n\n### Step\n\n- Custmer: typo\n");
        string output = Path_("bad.blueprint.yaml");
        var (exit, _, stderr) = Run("convert", input, "-o", output);
        Assert.Equal(1, exit);
        Assert.Contains($"{input}:7:1: error BP002 unknown-key: unknown label `Custmer`; did you mean `Customer`?", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Stats_prints_json_for_files_and_folders()
    {
        File.Copy(Example("parcel-return.blueprint.md"), Path_("parcel-return.blueprint.md"));
        var (exit, stdout, stderr) = Run("stats", folder, Example("coffee-shop.blueprint.yaml"), "--format", "json");
        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        using var json = System.Text.Json.JsonDocument.Parse(stdout);
        var items = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["Returning a parcel", "A cappuccino at the counter"], items.Select(i => i.GetProperty("title").GetString()));
        Assert.Equal(5, items[0].GetProperty("steps").GetInt32());
        Assert.Equal(["drop-off"], items[0].GetProperty("touchpoints").GetProperty("Parcel shop clerk").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Stats_prints_text_by_default_and_markdown_on_request()
    {
        var text = Run("stats", Example("restaurant.blueprint.yaml"));
        Assert.Equal(0, text.Exit);
        Assert.Contains("  steps        7\n", text.Out.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        var markdown = Run("stats", Example("restaurant.blueprint.yaml"), "--format", "markdown");
        Assert.StartsWith("## Dinner at a restaurant\n", markdown.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Stats_exit_codes_follow_the_spec()
    {
        Assert.Equal(2, Run("stats", Path_("nothing-here.blueprint.md")).Exit);
        string bad = Path_("bad.blueprint.md");
        File.WriteAllText(bad, "# Bad\n\n## Scene\n\n### Step\n\n- Duration: soon\n- Customer: Waits\n");
        var (exit, stdout, stderr) = Run("stats", bad, "--format", "json");
        Assert.Equal(1, exit);
        Assert.Contains("BP003", stderr, StringComparison.Ordinal);
        Assert.Contains("\"steps\": 1", stdout, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, Run("stats", Example("restaurant.blueprint.yaml"), "--format", "xml").Exit);
    }

    [Fact]
    public void Stats_expands_globs()
    {
        File.Copy(Example("coffee-shop.blueprint.yaml"), Path_("a.blueprint.yaml"));
        File.Copy(Example("clinic-visit.blueprint.md"), Path_("b.blueprint.md"));
        var (exit, stdout, _) = Run("stats", Path.Combine(folder, "*.blueprint.*"), "--format", "json");
        Assert.Equal(0, exit);
        using var json = System.Text.Json.JsonDocument.Parse(stdout);
        Assert.Equal(2, json.RootElement.GetArrayLength());
    }
}
