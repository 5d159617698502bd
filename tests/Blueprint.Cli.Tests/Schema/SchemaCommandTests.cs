using Blueprint.Tests;
using System.Diagnostics;
using System.Text.Json;
using Blueprint.Cli.Tests.Lint;

namespace Blueprint.Cli.Tests.Schema;

public sealed class SchemaCommandTests
{
    private static string Committed => Path.Combine(Repo.Root, "docs", "blueprint.schema.json");

    [Fact]
    public void Schema_prints_the_committed_schema()
    {
        var r = CliRun.Run(Repo.Root, null, ["schema"]);
        Assert.Equal((0, ""), (r.ExitCode, r.Error));
        Assert.True(File.ReadAllText(Committed).Replace("\r\n", "\n") == r.Out,
            "docs/blueprint.schema.json is out of date; regenerate it with: blueprint schema > docs/blueprint.schema.json");
    }

    [Fact]
    public void Schema_is_draft_2020_12_and_closed_at_the_top()
    {
        using var doc = JsonDocument.Parse(CliRun.Run(Repo.Root, null, ["schema"]).Out);
        var root = doc.RootElement;
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", root.GetProperty("$schema").GetString());
        Assert.False(root.GetProperty("additionalProperties").GetBoolean());
        var keys = root.GetProperty("properties").EnumerateObject().Select(p => p.Name);
        Assert.Equal(Core.Model.Keys.Document.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// The schema checked with a real validator (ajv) against every YAML fixture and example: see
    /// tests/schema/validate.sh. Needs node; without it the test has nothing to run and passes.
    /// </summary>
    [Fact]
    public async Task Schema_agrees_with_the_reader_on_every_fixture_and_example()
    {
        if (!OnPath("node") || !OnPath("bash")) return;
        var start = new ProcessStartInfo("bash", [Path.Combine(Repo.Root, "tests", "schema", "validate.sh")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repo.Root,
        };
#if DEBUG
        start.Environment["CONFIGURATION"] = "Debug";
#else
        start.Environment["CONFIGURATION"] = "Release";
#endif
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = await process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"validate.sh exited {process.ExitCode}\n{stdout}\n{await stderr}");
        Assert.Contains(" 0 failed", stdout);
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, program)));
}
