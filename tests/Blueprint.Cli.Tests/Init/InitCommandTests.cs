using Blueprint.Cli.Commands;
using Blueprint.Cli.Tests.Lint;

namespace Blueprint.Cli.Tests.Init;

public sealed class InitCommandTests
{
    [Fact]
    public void Init_writes_the_blank_yaml_template_that_lints_without_findings()
    {
        using var tree = new TempTree();
        var r = LintCli.Run(tree.Path, ["init"]);
        Assert.Equal((0, ""), (r.Code, r.Err));
        Assert.Equal(["wrote service.blueprint.yaml (blank template, YAML)", "next: blueprint lint service.blueprint.yaml"], r.OutLines);
        string written = File.ReadAllText(Path.Combine(tree.Path, "service.blueprint.yaml"));
        Assert.Equal(InitRunner.Template("blank", markdown: false), written);

        var lint = LintCli.Run(tree.Path, ["lint", "service.blueprint.yaml"]);
        Assert.Equal((0, "1 file checked: no problems\n"), (lint.Code, lint.Out));
        Assert.Single(Directory.GetFileSystemEntries(tree.Path));
    }

    [Fact]
    public void The_restaurant_template_is_the_restaurant_example()
    {
        using var tree = new TempTree();
        var r = LintCli.Run(tree.Path, ["init", "dinner.blueprint.yaml", "--template", "restaurant"]);
        Assert.Equal(0, r.Code);
        string example = File.ReadAllText(Path.Combine(LintCli.Root, "examples", "restaurant.blueprint.yaml")).Replace("\r\n", "\n");
        Assert.Equal(example, File.ReadAllText(Path.Combine(tree.Path, "dinner.blueprint.yaml")));
        Assert.Equal(0, LintCli.Run(tree.Path, ["lint", "dinner.blueprint.yaml"]).Code);
    }

    [Fact]
    public void Init_never_overwrites_a_file()
    {
        using var tree = new TempTree();
        string path = tree.Write("service.blueprint.yaml", "mine\n");
        var r = LintCli.Run(tree.Path, ["init"]);
        Assert.Equal((2, ""), (r.Code, r.Out));
        Assert.Equal(["blueprint: 'service.blueprint.yaml' already exists; init never overwrites a file: choose another name or remove it first"], r.ErrLines);
        Assert.Equal("mine\n", File.ReadAllText(path));
        Assert.Single(Directory.GetFileSystemEntries(tree.Path));
    }

    [Fact]
    public void Init_creates_missing_folders()
    {
        using var tree = new TempTree();
        var r = LintCli.Run(tree.Path, ["init", "blueprints/new/checkout.blueprint.yaml"]);
        Assert.Equal(0, r.Code);
        Assert.True(File.Exists(Path.Combine(tree.Path, "blueprints", "new", "checkout.blueprint.yaml")));
    }

    [Theory]
    [InlineData(new[] { "init", "--markdown" }, "service.blueprint.md", "blank")]
    [InlineData(new[] { "init", "guide.blueprint.md" }, "guide.blueprint.md", "blank")]
    [InlineData(new[] { "init", "--markdown", "--template", "restaurant", "dinner.blueprint.md" }, "dinner.blueprint.md", "restaurant")]
    public void Init_writes_markdown_for_markdown_or_a_md_name(string[] args, string file, string template)
    {
        using var tree = new TempTree();
        var r = LintCli.Run(tree.Path, args);
        Assert.Equal(0, r.Code);
        Assert.Equal($"wrote {file} ({template} template, Markdown)", r.OutLines[0]);
        string text = File.ReadAllText(Path.Combine(tree.Path, file));
        Assert.Equal(InitRunner.Template(template, markdown: true), text);
        Assert.StartsWith("---\ngoal: ", text);

        // Once the Markdown reader is in, the template must lint clean like the YAML one.
        var lint = LintCli.Run(tree.Path, ["lint", file]);
        if (!lint.Out.Contains("Markdown blueprints are not supported", StringComparison.Ordinal))
            Assert.Equal((0, "1 file checked: no problems\n"), (lint.Code, lint.Out));
    }

    [Fact]
    public void Markdown_with_a_yaml_name_is_bad_usage()
    {
        using var tree = new TempTree();
        var r = LintCli.Run(tree.Path, ["init", "--markdown", "x.blueprint.yaml"]);
        Assert.Equal(2, r.Code);
        Assert.Equal(["blueprint: --markdown writes Markdown, but 'x.blueprint.yaml' is a YAML file name; name it *.blueprint.md"], r.ErrLines);
        Assert.Empty(Directory.GetFileSystemEntries(tree.Path));
    }

    [Fact]
    public void An_unknown_template_is_bad_usage()
    {
        using var tree = new TempTree();
        var r = LintCli.Run(tree.Path, ["init", "--template", "hotel"]);
        Assert.Equal(2, r.Code);
        Assert.Empty(Directory.GetFileSystemEntries(tree.Path));
    }
}
