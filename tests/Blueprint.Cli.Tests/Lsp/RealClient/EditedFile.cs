using System.Text;
using System.Text.Json.Nodes;

namespace Blueprint.Cli.Tests.Lsp.RealClient;

/// <summary>
/// A blueprint of each format as it is written in Neovim. <see cref="Broken"/> is the text on disk: one broken link, after
/// an emoji and CJK on its line, and nothing else to find. <see cref="BrokenRef"/> is the link's wrong id,
/// <see cref="Underlined"/> what its finding underlines (a whole Markdown link, spaces in its label included) and
/// <see cref="Fixed"/> what the id is changed to. Just after <see cref="DefinitionAfter"/> is a reference whose
/// definition, on another line, starts where <see cref="Target"/> does; just after <see cref="CompletionAfter"/> a
/// reference goes. Each of these texts is found on the first line that holds it.
/// </summary>
public sealed record EditedFile(string Name, string FileType, string Broken, string BrokenRef, string Underlined, string Fixed, string DefinitionAfter, string Target, string CompletionAfter)
{
    public static readonly EditedFile Yaml = new("coffee.blueprint.yaml", "yaml", """
        blueprint: Coffee
        goal: Shorter queue
        scenario: A commuter buys a coffee
        lanes: [customer, touchpoint]
        scenes:
          - scene: Order
            steps:
              - step: Queue
                id: queue
                customer: {text: "😀 排队 waits", to: [pya]}
                touchpoint: Menu board
              - step: Pay
                id: pay
                customer: {text: Pays, to: [till]}
                touchpoint: {id: till, text: Till}

        """, BrokenRef: "pya", Underlined: "pya", Fixed: "pay", DefinitionAfter: "to: [ti", Target: "till, text: Till", CompletionAfter: "Pays, to: [");

    public static readonly EditedFile Markdown = new("coffee.blueprint.md", "markdown", """
        ---
        goal: Shorter queue
        lanes: [customer, touchpoint]
        ---
        # Coffee

        A commuter buys a coffee.

        ## Order

        ### Queue {#queue}

        - Customer: 😀 排队 waits -> [pays now](#pya)
        - Touchpoint: Menu board

        ### Pay {#pay}

        - Customer: Pays -> [at the till](#till)
        - Touchpoint: Till {#till}

        """, BrokenRef: "#pya", Underlined: "[pays now](#pya)", Fixed: "#pay", DefinitionAfter: "[at the till](#ti", Target: "till}", CompletionAfter: "[at the till](#");

    public static EditedFile Named(string name) => name == Yaml.Name ? Yaml : Markdown;

    public string[] Lines => Broken.ReplaceLineEndings("\n").Split('\n');

    /// <summary>The 0-based line holding <paramref name="text"/>.</summary>
    public int LineOf(string text) => Array.FindIndex(Lines, l => l.Contains(text, StringComparison.Ordinal));

    /// <summary>Where <paramref name="text"/> starts on its line, in UTF-16 units, as LSP counts.</summary>
    public int CharacterOf(string text) => Lines[LineOf(text)].IndexOf(text, StringComparison.Ordinal);

    /// <summary>Where <paramref name="text"/> starts on its line, in UTF-8 bytes, as Neovim counts columns.</summary>
    public int ByteColumnOf(string text)
    {
        string line = Lines[LineOf(text)];
        return Encoding.UTF8.GetByteCount(line[..line.IndexOf(text, StringComparison.Ordinal)]);
    }
}


/// <summary>
/// What a real client is to do, as the JSON both client scripts read (their headers describe it): start the built
/// command as <c>blueprint lsp --stdio</c>, and for each file open it, wait for its diagnostics, go to a definition, ask
/// for completion, type the fix and wait for the diagnostics to clear.
/// </summary>
public static class ClientPlan
{
    public static readonly EditedFile[] Files = [EditedFile.Yaml, EditedFile.Markdown];

    /// <summary>Writes the files into <paramref name="folder"/> and returns the plan.</summary>
    public static JsonObject Write(TempFolder folder) => new()
    {
        ["cmd"] = new JsonArray("dotnet", Path.Combine(AppContext.BaseDirectory, "blueprint.dll"), "lsp", "--stdio"),
        ["root"] = folder.Path,
        ["timeout_ms"] = 30_000,
        ["files"] = new JsonArray([.. Files.Select(file => new JsonObject
        {
            ["path"] = folder.Write(file.Name, file.Broken),
            ["filetype"] = file.FileType,
            ["definition"] = After(file, file.DefinitionAfter),
            ["completion"] = After(file, file.CompletionAfter),
            ["fix"] = new JsonObject { ["line"] = file.LineOf(file.BrokenRef), ["find"] = file.BrokenRef, ["replace"] = file.Fixed },
        })]),
    };

    /// <summary>What a client saw of the file called <paramref name="name"/>, from its report.</summary>
    public static JsonObject Seen(JsonObject report, string name) =>
        report["files"]!.AsArray().Single(f => Path.GetFileName((string)f!["path"]!) == name)!.AsObject();

    public static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(dir => File.Exists(Path.Combine(dir, program)));

    private static JsonObject After(EditedFile file, string text) => new() { ["line"] = file.LineOf(text), ["after"] = text };
}
