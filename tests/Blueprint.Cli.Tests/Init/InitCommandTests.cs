using Blueprint.Tests;
using Blueprint.Cli.Commands;
using Blueprint.Cli.Tests.Lint;

namespace Blueprint.Cli.Tests.Init;

public sealed class InitCommandTests
{
    [Fact]
    public void Init_writes_the_blank_yaml_template_that_lints_without_findings()
    {
        using var tree = new TempFolder();
        var r = CliRun.Run(tree.Path, null, ["init"]);
        Assert.Equal((0, ""), (r.ExitCode, r.Error));
        Assert.Equal(["wrote service.blueprint.yaml (blank template, YAML)", "next: blueprint lint service.blueprint.yaml"], r.OutLines);
        string written = File.ReadAllText(Path.Combine(tree.Path, "service.blueprint.yaml"));
        Assert.Equal(InitRunner.Template("blank", markdown: false), written);

        var lint = CliRun.Run(tree.Path, null, ["lint", "service.blueprint.yaml"]);
        Assert.Equal((0, "1 file checked: no problems\n"), (lint.ExitCode, lint.Out));
        Assert.Single(Directory.GetFileSystemEntries(tree.Path));
    }

    [Fact]
    public void The_restaurant_template_is_the_restaurant_example()
    {
        using var tree = new TempFolder();
        var r = CliRun.Run(tree.Path, null, ["init", "dinner.blueprint.yaml", "--template", "restaurant"]);
        Assert.Equal(0, r.ExitCode);
        string example = File.ReadAllText(Path.Combine(Repo.Root, "examples", "restaurant.blueprint.yaml")).Replace("\r\n", "\n");
        Assert.Equal(example, File.ReadAllText(Path.Combine(tree.Path, "dinner.blueprint.yaml")));
        Assert.Equal(0, CliRun.Run(tree.Path, null, ["lint", "dinner.blueprint.yaml"]).ExitCode);
    }

    [Fact]
    public void Init_never_overwrites_a_file()
    {
        using var tree = new TempFolder();
        string path = tree.Write("service.blueprint.yaml", "mine\n");
        var r = CliRun.Run(tree.Path, null, ["init"]);
        Assert.Equal((2, ""), (r.ExitCode, r.Out));
        Assert.Equal(["blueprint: 'service.blueprint.yaml' already exists; init never overwrites a file: choose another name or remove it first"], r.ErrorLines);
        Assert.Equal("mine\n", File.ReadAllText(path));
        Assert.Single(Directory.GetFileSystemEntries(tree.Path));
    }

    [Fact]
    public void Init_creates_missing_folders()
    {
        using var tree = new TempFolder();
        var r = CliRun.Run(tree.Path, null, ["init", "blueprints/new/checkout.blueprint.yaml"]);
        Assert.Equal(0, r.ExitCode);
        Assert.True(File.Exists(Path.Combine(tree.Path, "blueprints", "new", "checkout.blueprint.yaml")));
    }

    [Theory]
    [InlineData(new[] { "init", "--markdown" }, "service.blueprint.md", "blank")]
    [InlineData(new[] { "init", "guide.blueprint.md" }, "guide.blueprint.md", "blank")]
    [InlineData(new[] { "init", "--markdown", "--template", "restaurant", "dinner.blueprint.md" }, "dinner.blueprint.md", "restaurant")]
    public void Init_writes_markdown_for_markdown_or_a_md_name(string[] args, string file, string template)
    {
        using var tree = new TempFolder();
        var r = CliRun.Run(tree.Path, null, args);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal($"wrote {file} ({template} template, Markdown)", r.OutLines[0]);
        string text = File.ReadAllText(Path.Combine(tree.Path, file));
        Assert.Equal(InitRunner.Template(template, markdown: true), text);
        Assert.StartsWith("---\ngoal: ", text);

        // Once the Markdown reader is in, the template must lint clean like the YAML one.
        var lint = CliRun.Run(tree.Path, null, ["lint", file]);
        if (!lint.Out.Contains("Markdown blueprints are not supported", StringComparison.Ordinal))
            Assert.Equal((0, "1 file checked: no problems\n"), (lint.ExitCode, lint.Out));
    }

    [Fact]
    public void Markdown_with_a_yaml_name_is_bad_usage()
    {
        using var tree = new TempFolder();
        var r = CliRun.Run(tree.Path, null, ["init", "--markdown", "x.blueprint.yaml"]);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal(["blueprint: --markdown writes Markdown, but 'x.blueprint.yaml' is a YAML file name; name it *.blueprint.md"], r.ErrorLines);
        Assert.Empty(Directory.GetFileSystemEntries(tree.Path));
    }

    [Fact]
    public void An_unknown_template_is_bad_usage()
    {
        using var tree = new TempFolder();
        var r = CliRun.Run(tree.Path, null, ["init", "--template", "hotel"]);
        Assert.Equal(2, r.ExitCode);
        Assert.Empty(Directory.GetFileSystemEntries(tree.Path));
    }

    [Theory]
    [InlineData("nl", false, "Naam van de dienst", "Acties van klanten")]
    [InlineData("nl", true, "- Klant: Wat de klant doet", "Acties van klanten")]
    [InlineData("de", false, "Name der Dienstleistung", "Kundenaktivitäten")]
    [InlineData("de", true, "- Kunde: Was der Kunde tut", "Kundenaktivitäten")]
    [InlineData("fr", false, "Nom du service", "Actions du client")]
    [InlineData("fr", true, "- Client: Ce que fait le client", "Actions du client")]
    [InlineData("es", false, "Nombre del servicio", "Acciones del cliente")]
    [InlineData("es", true, "- Cliente: Lo que hace el cliente", "Acciones del cliente")]
    public void Init_lang_writes_a_starter_in_that_language_that_lints_clean_and_draws_its_words(string lang, bool markdown, string content, string laneName)
    {
        using var tree = new TempFolder();
        string file = markdown ? "dienst.blueprint.md" : "dienst.blueprint.yaml";

        var r = CliRun.Run(tree.Path, null, ["init", file, "--lang", lang]);

        Assert.Equal((0, ""), (r.ExitCode, r.Error));
        Assert.Equal($"wrote {file} (blank template, {(markdown ? "Markdown" : "YAML")}, lang: {lang})", r.OutLines[0]);
        string text = File.ReadAllText(Path.Combine(tree.Path, file));
        Assert.Contains($"\nlang: {lang}\n", text, StringComparison.Ordinal);
        Assert.Contains(content, text, StringComparison.Ordinal);
        var lint = CliRun.Run(tree.Path, null, ["lint", file]);
        Assert.Equal((0, "1 file checked: no problems\n"), (lint.ExitCode, lint.Out));
        var svg = CliRun.Run(tree.Path, null, ["render", file, "-o", "-", "-f", "svg"]);
        Assert.Equal(0, svg.ExitCode);
        Assert.Contains(">" + laneName + "</text>", System.Text.Encoding.UTF8.GetString(svg.OutBytes), StringComparison.Ordinal);
    }

    [Fact]
    public void Init_lang_nl_restaurant_is_the_dutch_example_in_either_format()
    {
        using var tree = new TempFolder();
        Assert.Equal(0, CliRun.Run(tree.Path, null, ["init", "diner.blueprint.md", "--lang", "nl", "--template", "restaurant"]).ExitCode);
        Assert.Equal(0, CliRun.Run(tree.Path, null, ["init", "diner.blueprint.yaml", "--lang", "nl", "--template", "restaurant"]).ExitCode);

        string example = File.ReadAllText(Path.Combine(Repo.Root, "examples", "dinerbeleving.blueprint.md")).Replace("\r\n", "\n");
        Assert.Equal(example, File.ReadAllText(Path.Combine(tree.Path, "diner.blueprint.md")));
        Assert.Contains("\nlang: nl\n", File.ReadAllText(Path.Combine(tree.Path, "diner.blueprint.yaml")), StringComparison.Ordinal);
        var lint = CliRun.Run(tree.Path, null, ["lint", "diner.blueprint.md", "diner.blueprint.yaml"]);
        Assert.Equal((0, "2 files checked: no problems\n"), (lint.ExitCode, lint.Out));
    }

    [Theory]
    [InlineData(new[] { "init", "--lang", "xx" }, "blueprint: --lang: language `xx` is not supported; write one of en, nl, de, fr, es")]
    [InlineData(new[] { "init", "--lang", "dutch" }, "blueprint: --lang: `dutch` is not a language tag; write a BCP 47 tag such as `nl` or `nl-BE` (supported: en, nl, de, fr, es); did you mean `nl`?")]
    [InlineData(new[] { "init", "--lang", "de", "--template", "restaurant" }, "blueprint: the restaurant template is written in en and nl, not in de; use --template blank with --lang de")]
    public void Init_with_a_language_it_cannot_write_is_bad_usage_and_writes_nothing(string[] args, string message)
    {
        using var tree = new TempFolder();

        var r = CliRun.Run(tree.Path, null, args);

        Assert.Equal((2, ""), (r.ExitCode, r.Out));
        Assert.Equal([message], r.ErrorLines);
        Assert.Empty(Directory.GetFileSystemEntries(tree.Path));
    }
}
