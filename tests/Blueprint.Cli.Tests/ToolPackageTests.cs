using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Blueprint.Tests;

namespace Blueprint.Cli.Tests;

/// <summary>
/// The tool package as users get it: <c>scripts/pack.sh</c> run on a copy of the sources, then installed from
/// <c>artifacts/</c> with <c>dotnet tool install</c>, as the README says, into a NuGet package folder of the test's
/// own (so that no package of another build, cached by NuGet, can stand in for this one).
/// </summary>
[Collection(BuiltSourcesCollection.Name)]
public sealed class ToolPackageTests(BuiltSources built)
{
    private const string Id = "ServiceBlueprint.Cli";

    /// <summary>The version the build gives the package: Directory.Build.props's.</summary>
    private static readonly string Version =
        System.Xml.Linq.XDocument.Load(Repo.PathOf("Directory.Build.props")).Descendants("Version").Single().Value;

    /// <summary>The platforms the package serves, and the file extension of their native libraries.</summary>
    private static readonly (string Rid, string Library)[] Platforms =
        [("linux-x64", ".so"), ("linux-arm64", ".so"), ("osx-x64", ".dylib"), ("osx-arm64", ".dylib"), ("win-x64", ".dll")];

    private IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["NUGET_PACKAGES"] = built.Folder("nuget-packages"),
        // The SDK's own folder (its local-tool resolver cache) too: a cache left by an earlier run points at that run's deleted packages.
        ["DOTNET_CLI_HOME"] = built.Folder("dotnet-home"),
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
    };

    private string PackagePath(string? rid) => Path.Combine(built.Artifacts, $"{Id}{(rid is null ? "" : "." + rid)}.{Version}.nupkg");

    private void AssertPacked() => Assert.True(built.Pack.ExitCode == 0, $"scripts/pack.sh failed:\n{built.Pack.Output}");

    [Fact]
    public void The_package_names_one_package_per_platform_and_each_carries_its_native_libraries()
    {
        AssertPacked();
        using var pointer = ZipFile.OpenRead(PackagePath(null));
        var settings = XDocument.Load(pointer.GetEntry("tools/any/any/DotnetToolSettings.xml")!.Open());
        Assert.Equal("blueprint", settings.Descendants("Command").Single().Attribute("Name")!.Value);
        var listed = settings.Descendants("RuntimeIdentifierPackage").ToDictionary(e => e.Attribute("RuntimeIdentifier")!.Value, e => e.Attribute("Id")!.Value);
        Assert.Equal(Platforms.Select(p => p.Rid).Order(), listed.Keys.Order());

        foreach (var (rid, library) in Platforms)
        {
            Assert.Equal($"{Id}.{rid}", listed[rid]);
            using var package = ZipFile.OpenRead(PackagePath(rid));
            var files = package.Entries.Select(e => e.FullName).ToList();
            foreach (var native in new[] { "libSkiaSharp", "libHarfBuzzSharp" })
                Assert.True(files.Any(f => f.EndsWith($"/{rid}/{native}{library}", StringComparison.Ordinal)), $"{rid}: no {native}{library} in {string.Join(", ", files)}");
            Assert.Contains("fonts/LICENSE.txt", files);
            // What users install has no debug symbols (Skia's Windows ones alone are 96 MB).
            Assert.DoesNotContain(files, f => f.EndsWith(".pdb", StringComparison.Ordinal) || f.EndsWith(".dbg", StringComparison.Ordinal));
            Assert.True(new FileInfo(PackagePath(rid)).Length < 20_000_000, $"{rid}'s package is {new FileInfo(PackagePath(rid)).Length:N0} bytes");
        }

        // linux-x64 gets the Native AOT executable; the others an ordinary .NET build.
        using (var linux = ZipFile.OpenRead(PackagePath("linux-x64")))
        {
            Assert.Contains(linux.Entries, e => e.FullName == "tools/any/linux-x64/blueprint");
            Assert.DoesNotContain(linux.Entries, e => e.FullName.EndsWith(".dll", StringComparison.Ordinal));
        }

        using var mac = ZipFile.OpenRead(PackagePath("osx-arm64"));
        Assert.Contains(mac.Entries, e => e.FullName == "tools/net10.0/osx-arm64/blueprint.dll");
    }

    [Fact]
    public void The_package_reads_well_in_a_gallery()
    {
        AssertPacked();
        using var pointer = ZipFile.OpenRead(PackagePath(null));
        var nuspec = XDocument.Load(pointer.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        string Meta(string name) => nuspec.Descendants().Single(e => e.Name.LocalName == name).Value;

        Assert.Equal(Id, Meta("id"));
        Assert.Equal(Version, Meta("version"));
        Assert.Equal("MIT AND Bitstream-Vera", Meta("license"));
        Assert.Equal("README.md", Meta("readme"));
        Assert.StartsWith("https://", Meta("projectUrl"), StringComparison.Ordinal);
        Assert.Contains("service-blueprint", Meta("tags"), StringComparison.Ordinal);
        Assert.Contains("service blueprints", Meta("description"), StringComparison.Ordinal);
        Assert.Contains(nuspec.Descendants().Where(e => e.Name.LocalName == "packageType"), e => e.Attribute("name")?.Value == "DotnetTool");
        using var readme = new StreamReader(pointer.GetEntry("README.md")!.Open());
        Assert.Contains($"dotnet tool install --global {Id}", readme.ReadToEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Installed_into_a_tool_path_it_renders_and_lints_an_example()
    {
        AssertPacked();
        string tools = built.Folder("tools");
        var install = SourceBuild.Run("dotnet", tools, ["tool", "install", Id, "--version", Version, "--tool-path", tools, "--add-source", built.Artifacts], Environment);
        Assert.True(install.ExitCode == 0, install.Output);
        string blueprint = Path.Combine(tools, "blueprint");

        Assert.Equal(Version, SourceBuild.Run(blueprint, tools, ["--version"]).Output.Trim());

        string work = built.Folder("work");
        SourceBuild.Copy(Repo.PathOf("examples"), Path.Combine(work, "examples"));
        var lint = SourceBuild.Run(blueprint, work, ["lint", "examples"]);
        Assert.True(lint.ExitCode == 0, lint.Output);
        Assert.Matches(@"^\d+ files checked: no problems$", lint.Output.Trim());
        var broken = SourceBuild.Run(blueprint, work, ["lint", Repo.Fixtures("errors", "BP005-broken-link", "fires.blueprint.yaml")]);
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("BP005", broken.Output, StringComparison.Ordinal);

        foreach (var format in new[] { "png", "pdf", "svg" })
        {
            var render = SourceBuild.Run(blueprint, work, ["render", "examples/restaurant.blueprint.yaml", "-o", $"installed.{format}"]);
            Assert.True(render.ExitCode == 0, render.Output);
        }

        // The picture is the one the code under test draws; the documents name this build as their creator.
        Assert.Equal(0, CliRun.Run(work, null, "render", "examples/restaurant.blueprint.yaml", "-o", "managed.png").ExitCode);
        Assert.True(File.ReadAllBytes(Path.Combine(work, "installed.png")).SequenceEqual(File.ReadAllBytes(Path.Combine(work, "managed.png"))),
            "the installed command draws another PNG than the code under test");
        Assert.Contains($"Creator:         blueprint {Version}", PdfTools.Info(File.ReadAllBytes(Path.Combine(work, "installed.pdf"))), StringComparison.Ordinal);
        Assert.Contains("Dinner at a restaurant", PdfText.Extract(Path.Combine(work, "installed.pdf")), StringComparison.Ordinal);
        Assert.Contains($"<!-- Generated by blueprint {Version} -->", File.ReadAllText(Path.Combine(work, "installed.svg")), StringComparison.Ordinal);
    }

    [Fact]
    public void Installed_as_a_local_tool_it_runs_as_dotnet_blueprint()
    {
        AssertPacked();
        string project = built.Folder("project");
        Assert.Equal(0, SourceBuild.Run("dotnet", project, ["new", "tool-manifest"], Environment).ExitCode);
        var install = SourceBuild.Run("dotnet", project, ["tool", "install", Id, "--version", Version, "--add-source", built.Artifacts], Environment);
        Assert.True(install.ExitCode == 0, install.Output);
        // The manifest (in the folder itself, or .config/ as older SDKs write it) now names the tool.
        string manifest = Directory.GetFiles(project, "dotnet-tools.json", SearchOption.AllDirectories).Single();
        Assert.Contains(Id.ToLowerInvariant(), File.ReadAllText(manifest), StringComparison.Ordinal);

        var version = SourceBuild.Run("dotnet", project, ["blueprint", "--version"], Environment);
        Assert.True(version.ExitCode == 0, version.Output);
        Assert.Equal(Version, version.Output.Trim());
        string file = Path.Combine(project, "starter.blueprint.yaml");
        Assert.Equal(0, SourceBuild.Run("dotnet", project, ["blueprint", "init", file], Environment).ExitCode);
        Assert.Equal(0, SourceBuild.Run("dotnet", project, ["blueprint", "lint", file], Environment).ExitCode);
    }

    [Fact]
    public void The_readme_leads_with_the_install_command_and_names_the_package_size()
    {
        AssertPacked();
        string readme = File.ReadAllText(Repo.PathOf("README.md"));
        int install = readme.IndexOf($"dotnet tool install --global {Id} --add-source artifacts", StringComparison.Ordinal);
        int fromSource = readme.IndexOf("dotnet publish src/Blueprint.Cli", StringComparison.Ordinal);
        Assert.True(install > 0, "the README shows no install command");
        Assert.True(fromSource > install, "building from source should come after the install command");
        Assert.Contains("./scripts/pack.sh", readme[..install], StringComparison.Ordinal);

        // The size the README names is the linux-x64 package's, to the megabyte.
        var named = Regex.Match(readme, @"linux-x64 package is (\d+(?:\.\d)?) MB");
        Assert.True(named.Success, "the README names no package size (\"linux-x64 package is N MB\")");
        double megabytes = new FileInfo(PackagePath("linux-x64")).Length / 1e6;
        Assert.True(Math.Abs(double.Parse(named.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) - megabytes) < 1.0,
            $"the README says {named.Groups[1].Value} MB; the package is {megabytes:F1} MB");
    }
}
