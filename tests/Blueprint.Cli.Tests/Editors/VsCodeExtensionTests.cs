using System.IO.Compression;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Blueprint.Tests;

namespace Blueprint.Cli.Tests.Editors;

/// <summary>
/// The VS Code extension in <c>editors/vscode</c>, type-checked, bundled and packaged to a <c>.vsix</c> as its README
/// says, on a copy of its sources (nothing is written into the repository) that uses the <c>node_modules</c>
/// <c>./test.sh</c> installed there with <c>npm ci</c>.
/// </summary>
public sealed class VsCodeExtensionTests(VsCodeExtensionTests.Packaged packaged) : IClassFixture<VsCodeExtensionTests.Packaged>
{
    /// <summary>The copy, packaged once for all the tests; then its unit tests run on it.</summary>
    public sealed class Packaged : IDisposable
    {
        private readonly TempFolder _dir = new();

        public Packaged()
        {
            Source = Copy("source");
            Vsix = Path.Combine(_dir.Path, "blueprint.vsix");
            Package = Npm(Source, ["run", "package", "--", "--out", Vsix]);
        }

        public string Source { get; }
        public string Vsix { get; }
        public (int ExitCode, string Output) Package { get; }

        /// <summary>A new copy of the extension's sources in <paramref name="name"/>, its node_modules linked to the repository's.</summary>
        public string Copy(string name)
        {
            string installed = Repo.PathOf("editors", "vscode", "node_modules");
            if (!Directory.Exists(Path.Combine(installed, "@vscode", "vsce")))
                Assert.Fail("editors/vscode/node_modules is missing or incomplete: run ./test.sh, which installs it with npm ci (needs node and npm)");
            string to = Path.Combine(_dir.Path, name);
            Directory.CreateDirectory(to);
            foreach (var file in Directory.GetFiles(Repo.PathOf("editors", "vscode")).Where(f => !f.EndsWith(".vsix", StringComparison.Ordinal)))
                File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
            SourceBuild.Copy(Repo.PathOf("editors", "vscode", "src"), Path.Combine(to, "src"));
            Directory.CreateSymbolicLink(Path.Combine(to, "node_modules"), installed);
            return to;
        }

        public void Dispose() => _dir.Dispose();
    }

    /// <summary>npm in <paramref name="folder"/>, asking nothing of the registry.</summary>
    private static (int ExitCode, string Output) Npm(string folder, string[] arguments, Dictionary<string, string>? environment = null)
    {
        var offline = new Dictionary<string, string>(environment ?? []) { ["npm_config_update_notifier"] = "false", ["npm_config_offline"] = "true" };
        return SourceBuild.Run("npm", folder, arguments, offline, minutes: 3);
    }

    private static JsonObject Manifest(ZipArchive vsix)
    {
        using var reader = new StreamReader(vsix.GetEntry("extension/package.json")!.Open());
        return JsonNode.Parse(reader.ReadToEnd())!.AsObject();
    }

    [Fact]
    public void Npm_run_package_type_checks_bundles_and_writes_a_small_vsix()
    {
        Assert.True(packaged.Package.ExitCode == 0, packaged.Package.Output);
        Assert.Contains("tsc --noEmit", packaged.Package.Output);
        var size = new FileInfo(packaged.Vsix).Length;
        Assert.InRange(size, 10_000, 200_000);

        using var vsix = ZipFile.OpenRead(packaged.Vsix);
        var names = vsix.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("extension/package.json", names);
        Assert.Contains("extension/dist/extension.js", names);
        Assert.Contains("extension/LICENSE.txt", names);
        Assert.Contains("extension/readme.md", names);
        // The language client is inside the bundle, so the package ships neither node_modules nor the TypeScript.
        Assert.DoesNotContain(names, n => n.Contains("node_modules/", StringComparison.Ordinal) || n.EndsWith(".ts", StringComparison.Ordinal));
        using var bundle = new StreamReader(vsix.GetEntry("extension/dist/extension.js")!.Open());
        string code = bundle.ReadToEnd();
        Assert.Contains("require(\"vscode\")", code);
        Assert.DoesNotContain("require(\"vscode-languageclient", code);
        Assert.Contains("\"lsp\"", code);
    }

    [Fact]
    public void The_packaged_manifest_runs_the_bundle_and_contributes_the_command_settings_and_file_patterns()
    {
        using var vsix = ZipFile.OpenRead(packaged.Vsix);
        var manifest = Manifest(vsix);
        Assert.Equal("./dist/extension.js", (string?)manifest["main"]);
        Assert.Equal("MIT", (string?)manifest["license"]);
        Assert.Equal("https://github.com/blueprint-cli/blueprint", (string?)manifest["repository"]?["url"]);
        Assert.False(string.IsNullOrEmpty((string?)manifest["publisher"]));
        Assert.StartsWith("^1.", (string?)manifest["engines"]?["vscode"]);
        Assert.Equal(["onLanguage:yaml", "onLanguage:markdown"], manifest["activationEvents"]!.AsArray().Select(e => (string?)e));

        var contributes = manifest["contributes"]!;
        var preview = contributes["commands"]!.AsArray().Single(c => (string?)c!["command"] == "blueprint.openPreview")!;
        Assert.Equal("Blueprint: Open preview", $"{preview["category"]}: {preview["title"]}");
        foreach (var menu in new[] { "commandPalette", "editor/title" })
        {
            string when = (string)contributes["menus"]![menu]!.AsArray().Single(m => (string?)m!["command"] == "blueprint.openPreview")!["when"]!;
            Assert.Equal(@"resourceFilename =~ /\.blueprint\.(yaml|yml|md)$/i", when);
        }
        var settings = contributes["configuration"]!["properties"]!;
        Assert.Equal("string", (string?)settings["blueprint.path"]?["type"]);
        Assert.Equal(["off", "messages", "verbose"], settings["blueprint.trace.server"]!["enum"]!.AsArray().Select(e => (string?)e));
    }

    [Fact]
    public void The_extensions_unit_tests_pass_under_node_with_the_real_blueprint_lsp_and_serve()
    {
        Assert.True(packaged.Package.ExitCode == 0, packaged.Package.Output);
        using var folder = new TempFolder();
        string example = Path.Combine(folder.Path, "coffee-shop.blueprint.yaml");
        File.Copy(Repo.PathOf("examples", "coffee-shop.blueprint.yaml"), example);
        var (exitCode, output) = Npm(packaged.Source, ["test"], new()
        {
            // The test project's own build of the command (the apphost beside the test assembly).
            ["BLUEPRINT_PROGRAM"] = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "blueprint.exe" : "blueprint"),
            ["BLUEPRINT_EXAMPLE"] = example,
        });
        Assert.True(exitCode == 0, output);
        Assert.Contains("# fail 0", output);
        Assert.Contains("# skipped 0", output);
        // The two that drive the command built here: the bundle's language client against blueprint lsp, and the preview against blueprint serve.
        Assert.Matches(new Regex(@"^ok \d+ - with the real blueprint lsp", RegexOptions.Multiline), output);
        Assert.Matches(new Regex(@"^ok \d+ - with the real blueprint serve", RegexOptions.Multiline), output);
    }

    [Fact]
    public void A_type_error_in_the_extension_fails_the_check()
    {
        string copy = packaged.Copy("broken");
        File.AppendAllText(Path.Combine(copy, "src", "preview.ts"), "\nexport const steps: number = 'three';\n");
        var (exitCode, output) = Npm(copy, ["run", "check"]);
        Assert.NotEqual(0, exitCode);
        Assert.Contains("src/preview.ts", output);
        Assert.Contains("error TS2322", output);
    }
}
