namespace Blueprint.Cli.Tests;

/// <summary>Into an output folder, each input keeps its folder below the inputs' common root, as <c>tsc --outDir</c> does.</summary>
public class RenderOutputFolderTests
{
    private const string Good = Samples.Good;

    private static string[] FilesBelow(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Two_files_of_the_same_name_in_different_folders_keep_their_folders()
    {
        using var dir = new TempFolder();
        dir.Write("tree/a/x.blueprint.yaml", Good);
        dir.Write("tree/b/x.blueprint.yaml", Good);
        var run = CliRun.Run(dir.Path, null, "render", "tree", "-o", "out/");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        Assert.Equal(["wrote out/a/x.png", "wrote out/b/x.png"], run.OutLines);
        Assert.Equal(["a/x.png", "b/x.png"], FilesBelow(Path.Combine(dir.Path, "out")));
    }

    [Fact]
    public void The_root_is_the_deepest_folder_holding_every_input()
    {
        using var dir = new TempFolder();
        dir.Write("docs/a/x.blueprint.yaml", Good);
        dir.Write("docs/b/c/y.blueprint.md", "# Good\n\n## Visit\n\n### Arrive\n\n- Customer: Walks in\n- Frontstage: Greets\n");
        var run = CliRun.Run(dir.Path, null, "render", "docs/a/x.blueprint.yaml", "docs/b/c/y.blueprint.md", "-o", "out", "-f", "svg");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["wrote out/a/x.svg", "wrote out/b/c/y.svg"], run.OutLines);
        Assert.Equal(["a/x.svg", "b/c/y.svg"], FilesBelow(Path.Combine(dir.Path, "out")));
    }

    [Fact]
    public void Inputs_of_one_folder_go_straight_into_the_output_folder()
    {
        using var dir = new TempFolder();
        dir.Write("deep/down/x.blueprint.yaml", Good);
        var run = CliRun.Run(dir.Path, null, "render", "deep/down/x.blueprint.yaml", "-o", "out");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["wrote out/x.png"], run.OutLines);
        Assert.Equal(["x.png"], FilesBelow(Path.Combine(dir.Path, "out")));
    }

    [Fact]
    public void A_glob_keeps_the_folders_below_the_root_too()
    {
        using var dir = new TempFolder();
        dir.Write("tree/a/x.blueprint.yaml", Good);
        dir.Write("tree/b/x.blueprint.yaml", Good);
        dir.Write("tree/b/z.blueprint.yaml", Good);
        var run = CliRun.Run(dir.Path, null, "render", "tree/**/x.blueprint.yaml", "-o", "out");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["wrote out/a/x.png", "wrote out/b/x.png"], run.OutLines);
    }
}
