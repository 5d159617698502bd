using System.Text.Json.Nodes;
using Blueprint.Tests;

namespace Blueprint.Cli.Tests.Lsp.RealClient;

/// <summary>
/// The Neovim 0.7 setup of docs/editors.md, as written there, used as Neovim's init file with <c>blueprint</c> on PATH
/// (a wrapper that runs the built command): it must start the server for a blueprint, show its findings with the rule
/// id, and leave other YAML files alone.
/// </summary>
public sealed class EditorSnippetTests
{
    private const string Marker = "<!-- neovim-0.7 -->";

    /// <summary>The lua block after the marker in docs/editors.md (or another page that shows the setup).</summary>
    public static string NeovimSetup(string page = "docs/editors.md")
    {
        string doc = File.ReadAllText(Repo.PathOf(page.Split('/'))).ReplaceLineEndings("\n");
        int marker = doc.IndexOf(Marker, StringComparison.Ordinal);
        Assert.True(marker >= 0, $"{page} has no {Marker} before the Neovim 0.7 setup");
        int start = doc.IndexOf("```lua\n", marker, StringComparison.Ordinal) + "```lua\n".Length;
        return doc[start..doc.IndexOf("\n```", start, StringComparison.Ordinal)];
    }

    [Fact]
    public void The_READMEs_Neovim_setup_is_the_one_tested_here()
    {
        Assert.Equal(NeovimSetup(), NeovimSetup("README.md"));
    }

    [Fact]
    public void The_documented_Neovim_setup_starts_the_server_for_blueprints_only_and_shows_the_rule_id()
    {
        if (!ClientPlan.OnPath("nvim")) Assert.Fail("nvim is not installed: run ./test.sh, which installs Debian's `neovim`");
        using var dir = new TempFolder();
        string wrapper = dir.Write(Path.Combine("bin", "blueprint"), $"#!/bin/sh\nexec dotnet '{Path.Combine(AppContext.BaseDirectory, "blueprint.dll")}' \"$@\"\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        string init = dir.Write("init.lua", NeovimSetup());
        string blueprint = dir.Write(EditedFile.Yaml.Name, EditedFile.Yaml.Broken);
        string report = Path.Combine(dir.Path, "report.json");
        var environment = new Dictionary<string, string>
        {
            ["PATH"] = Path.GetDirectoryName(wrapper) + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
            ["BLUEPRINT_SNIPPET_REPORT"] = report,
            ["BLUEPRINT_OTHER_YAML"] = dir.Write("compose.yaml", "services: {}\n"),
            ["XDG_STATE_HOME"] = Path.Combine(dir.Path, "state"),
            ["XDG_CACHE_HOME"] = Path.Combine(dir.Path, "cache"),
            ["XDG_DATA_HOME"] = Path.Combine(dir.Path, "data"),
        };
        string check = Repo.PathOf("tests", "Blueprint.Cli.Tests", "Lsp", "RealClient", "neovim-snippet-check.lua");
        var (exitCode, output) = SourceBuild.Run("nvim", dir.Path, ["--headless", "-n", "-i", "NONE", "-u", init, "-c", $"luafile {check}", blueprint], environment, minutes: 2);
        Assert.True(File.Exists(report), $"Neovim wrote no report (exit code {exitCode}):\n{output}");
        var seen = JsonNode.Parse(File.ReadAllText(report))!;

        Assert.True((bool)seen["diagnosed"]!, $"no diagnostics in Neovim within 30 s:\n{output}");
        Assert.Equal("BP005", (string?)seen["code"]);
        Assert.StartsWith("BP005: no step or card has the id `pya`", (string?)seen["virtual_text"]);
        Assert.Equal(1, (int)seen["clients"]!);
        Assert.True((bool)seen["gd"]!, "the setup maps no gd");
        Assert.Equal("v:lua.vim.lsp.omnifunc", (string?)seen["omnifunc"]);
        Assert.Equal(0, (int)seen["other_clients"]!);
    }
}
