namespace Blueprint.Cli.Tests.Lint;

/// <summary>
/// The hints of issue 10 as a user sees them: `blueprint lint` on the file prints the finding in the file's own format,
/// at the card's column (the reader and rule tests in Blueprint.Core.Tests pin every wording).
/// </summary>
public class HintCommandTests
{
    private const string YamlHead = "blueprint: T\ngoal: g\nscenario: s\nlanes: [customer]\nscenes:\n  - scene: S\n    steps:\n";

    public static TheoryData<string, string, string> Cases => new()
    {
        {
            "h.blueprint.md", "# T\n\nA scenario.\n\n## S\n\n### A\n\n- Customer: Walks in -> [](#b)\n- Backstage:   Checks the list\n\n### B\n\n- Customer: Sits\n",
            "h.blueprint.md:10:16: warning BP109 orphan-card: the backstage card `a.backstage` has no arrow in or out; connect it with an arrow, `-> [](#id)` at the end of its item, to the action it serves or depends on, or remove it"
        },
        {
            "h.blueprint.md", "# T\n\nA scenario.\n",
            "h.blueprint.md:1:1: error BP008 empty: the blueprint has no scenes; add a `## <scene>` heading with at least one `### <step>` heading under it"
        },
        {
            "h.blueprint.md", "# T\n\nA scenario.\n\n## S\n\n### A\n\n- Evidence: Sign\n- Customer: Walks in\n- Touchpoint: Door\n- Frontstage: Greets\n- Support: List\n",
            "h.blueprint.md:1:1: warning BP101 missing-layer: the Backstage actions lane (`backstage`) has no card in any step; add `- Backstage:` items to the steps where it plays a part, or list only the lanes you use in `lanes:` in the front matter"
        },
        {
            "h.blueprint.yaml", YamlHead + "      - step: A\n        customer: Walks in\n        to: [a]\n",
            "h.blueprint.yaml:10:9: error BP002 unknown-key: `to` belongs on a card, not a step: arrows start from cards; write the card as a mapping with `text:` and `to:`, e.g. `backstage: { text: Looks the booking up, to: [seat] }`"
        },
        {
            "h.blueprint.yaml", YamlHead + "      - step: A\n        customer: Walks in\n        emotion: 1.5\n",
            "h.blueprint.yaml:10:18: error BP003 bad-value: emotion `1.5` is not a whole number; write a whole number from -2 (very negative) to 2 (very positive)"
        },
        {
            "h.blueprint.yaml", YamlHead + "      - step: A\n        customer: Walks in\n        duration: 99999999999999999999d\n",
            "h.blueprint.yaml:10:19: error BP003 bad-value: `99999999999999999999d` is too long for a duration; the longest accepted is 1000000d"
        },
        {
            "a.blueprint.yaml", YamlHead + "      - &enter\n        step: Enter\n        customer: Walks in\n      - step: Sit\n        customer: Sits\n      - *enter\n",
            "a.blueprint.yaml:13:9: error BP004 duplicate-id: duplicate id `enter`: this step \"Enter\" is a copy, made by the alias `*enter` at 13:9, of the step at a.blueprint.yaml:9:15, id included; write the copy out as a step of its own with its own `id:`"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Lint_prints_the_hint_in_the_files_own_format_at_its_place(string file, string text, string expected)
    {
        using var dir = new TempFolder();
        dir.Write(file, text);
        var run = CliRun.Run(dir.Path, null, "lint", file);

        Assert.Contains(expected, run.OutLines);
    }

    [Fact]
    public void Markdown_nested_too_deeply_is_one_syntax_error_and_nothing_else()
    {
        using var dir = new TempFolder();
        dir.Write("n.blueprint.md", "# T\n\n## S\n\n### A\n\n" + string.Concat(Enumerable.Range(0, 100).Select(i => new string(' ', i * 2) + "- Customer: x\n")));
        var run = CliRun.Run(dir.Path, null, "lint", "n.blueprint.md");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            ["n.blueprint.md:1:1: error BP001 syntax: Markdown nested too deeply (lists, quotes, brackets or emphasis); a blueprint needs at most a list inside a list",
             "1 file checked: 1 error, 0 warnings"],
            run.OutLines);
    }
}
