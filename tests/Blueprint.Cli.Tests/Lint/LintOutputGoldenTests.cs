using Blueprint.Tests;
using System.Text.Json;
using System.Text.Json.Nodes;
using Blueprint.Cli.Output;
using Blueprint.Core.Diagnostics;

namespace Blueprint.Cli.Tests.Lint;

/// <summary>SARIF and GitHub annotation output against goldens (tests/Fixtures/lint-output/README.md).</summary>
public sealed class LintOutputGoldenTests
{
    private static string Folder => Path.Combine(Repo.Fixtures(), "lint-output");

    private static void AssertGolden(string name, string actual)
    {
        string golden = Path.Combine(Folder, name);
        string received = Path.Combine(Folder, Path.GetFileNameWithoutExtension(name) + ".received" + Path.GetExtension(name));
        string expected = File.Exists(golden) ? File.ReadAllText(golden).Replace("\r\n", "\n") : "";
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }
        if (Environment.GetEnvironmentVariable("BLUEPRINT_ACCEPT") == "1" && Environment.GetEnvironmentVariable("CI") is null)
        {
            File.WriteAllText(golden, actual);
            return;
        }
        File.WriteAllText(received, actual);
        Assert.Fail($"{name} differs from the golden; see {Path.GetFileName(received)} (BLUEPRINT_ACCEPT=1 accepts it)");
    }

    [Fact]
    public void Github_annotations()
    {
        var r = CliRun.Run(Folder, null, ["lint", "input", "--config", "lint.yaml", "--format", "github"]);
        Assert.Equal(1, r.ExitCode);
        AssertGolden("expected.github.txt", r.Out);
    }

    [Fact]
    public void Sarif_log()
    {
        var r = CliRun.Run(Folder, null, ["lint", "input", "--config", "lint.yaml", "--format", "sarif"]);
        Assert.Equal(1, r.ExitCode);
        var log = JsonNode.Parse(r.Out)!;
        var rules = log["runs"]![0]!["tool"]!["driver"]!["rules"]!.AsArray();
        foreach (var rule in rules)
        {
            string id = (string)rule!["id"]!;
            string page = File.ReadAllText(Path.Combine(Repo.Root, "docs", "rules", id + ".md")).Replace("\r\n", "\n");
            Assert.Equal(page, (string?)rule["help"]!["markdown"]);
            rule["help"]!["markdown"] = $"(docs/rules/{id}.md)";
        }
        string normalized = log.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).Replace("\r\n", "\n") + "\n";
        AssertGolden("expected.sarif.json", normalized);
    }

    [Fact]
    public void Sarif_has_what_code_scanning_needs()
    {
        var r = CliRun.Run(Folder, null, ["lint", "input", "--config", "lint.yaml", "--format", "sarif"]);
        using var doc = JsonDocument.Parse(r.Out);
        var root = doc.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.StartsWith("https://", root.GetProperty("$schema").GetString());
        var run = root.GetProperty("runs")[0];
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("blueprint", driver.GetProperty("name").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(SarifFormat.Rules.Select(d => d.Id), rules.Select(x => x.GetProperty("id").GetString()));
        foreach (var rule in rules)
        {
            foreach (var key in new[] { "name", "shortDescription", "fullDescription", "help", "helpUri", "defaultConfiguration" })
                Assert.True(rule.TryGetProperty(key, out _), $"rule {rule.GetProperty("id")} has no {key}");
            Assert.True(Uri.TryCreate(rule.GetProperty("helpUri").GetString(), UriKind.Absolute, out _));
        }
        foreach (var result in run.GetProperty("results").EnumerateArray())
        {
            string id = result.GetProperty("ruleId").GetString()!;
            Assert.Equal(id, rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
            var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            string uri = location.GetProperty("artifactLocation").GetProperty("uri").GetString()!;
            Assert.False(Uri.TryCreate(uri, UriKind.Absolute, out _), uri);
            Assert.DoesNotContain('\\', uri);
            Assert.True(location.GetProperty("region").GetProperty("startLine").GetInt32() >= 1);
        }
    }

    [Theory]
    [InlineData("input/a.blueprint.yaml", "input/a.blueprint.yaml")]
    [InlineData("./input/a b.blueprint.yaml", "input/a%20b.blueprint.yaml")]
    [InlineData("odd, name%.blueprint.yaml", "odd%2C%20name%25.blueprint.yaml")]
    [InlineData("<stdin>", "%3Cstdin%3E")]
    public void Artifact_uris_are_relative_with_forward_slashes_and_encoded(string display, string uri)
    {
        Assert.Equal(uri, SarifFormat.ArtifactUri(display, Path.Combine(Path.GetTempPath(), "repo")));
    }

    [Fact]
    public void Artifact_uris_of_absolute_paths_are_relative_inside_the_working_directory()
    {
        string cwd = Path.Combine(Path.GetTempPath(), "repo");
        Assert.Equal("docs/x.blueprint.yaml", SarifFormat.ArtifactUri(Path.Combine(cwd, "docs", "x.blueprint.yaml"), cwd));
        Assert.StartsWith("file:///", SarifFormat.ArtifactUri(Path.Combine(Path.GetTempPath(), "elsewhere", "x.blueprint.yaml"), cwd));
    }

    [Fact]
    public void Github_commands_escape_data_and_properties()
    {
        var d = Descriptors.CrossesVisibility.At(new SourceLocation("odd, name:%.blueprint.yaml", 3, 7), "100% of\r\nthe time: yes, really");
        Assert.Equal("::warning file=odd%2C name%3A%25.blueprint.yaml,line=3,col=7,title=BP104 crosses-visibility::100%25 of%0D%0Athe time: yes, really", GitHubFormat.Line(d));
        Assert.StartsWith("::error ", GitHubFormat.Line(d.WithSeverity(Severity.Error)));
        Assert.StartsWith("::notice ", GitHubFormat.Line(d.WithSeverity(Severity.Info)));
    }
}
