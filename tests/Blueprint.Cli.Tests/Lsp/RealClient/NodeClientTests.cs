using System.Text.Json.Nodes;
using Blueprint.Tests;

namespace Blueprint.Cli.Tests.Lsp.RealClient;

/// <summary>
/// <c>tests/clients/lsp-client.mjs</c> run once on both files: Microsoft's <c>vscode-languageserver-protocol</c> and
/// <c>vscode-jsonrpc</c> (the libraries under VS Code's own client) driving <c>blueprint lsp</c> as a subprocess;
/// <see cref="Report"/> is what it saw. test.sh runs <c>npm ci</c> in tests/clients.
/// </summary>
public sealed class NodeClientRun : IDisposable
{
    private readonly TempFolder _dir = new();

    public JsonObject Report { get; }

    public NodeClientRun()
    {
        string clients = Repo.PathOf("tests", "clients");
        if (!ClientPlan.OnPath("node")) throw new InvalidOperationException("node is not installed: install Node.js, then run ./test.sh");
        if (!Directory.Exists(Path.Combine(clients, "node_modules", "vscode-languageserver-protocol")))
            throw new InvalidOperationException("tests/clients has no node_modules: run ./test.sh, which runs `npm ci` there");
        string plan = _dir.Write("plan.json", ClientPlan.Write(_dir).ToJsonString());
        var (exitCode, output) = SourceBuild.Run("node", clients, [Path.Combine(clients, "lsp-client.mjs"), plan], minutes: 3);
        int json = output.IndexOf("{\"", StringComparison.Ordinal);
        if (json < 0) throw new InvalidOperationException($"the Node client printed no report (exit code {exitCode}):\n{output}");
        Report = JsonNode.Parse(output[json..])!.AsObject();
        if (Report["error"] is { } error) throw new InvalidOperationException($"the Node client failed (exit code {exitCode}): {error}\n{output}");
        Assert.True(exitCode == 0, $"node exited {exitCode}:\n{output}");
    }

    public JsonObject Seen(string name) => ClientPlan.Seen(Report, name);

    public void Dispose() => _dir.Dispose();
}

/// <summary>The server driven by a client no one here wrote: Microsoft's LSP client libraries, in Node.</summary>
public sealed class NodeClientTests(NodeClientRun node) : IClassFixture<NodeClientRun>
{
    public static TheoryData<string> Files => [.. ClientPlan.Files.Select(f => f.Name)];

    private static (int, int, int, int) RangeOf(JsonNode? range) =>
        ((int)range!["start"]!["line"]!, (int)range["start"]!["character"]!, (int)range["end"]!["line"]!, (int)range["end"]!["character"]!);

    [Theory]
    [MemberData(nameof(Files))]
    public void A_broken_link_is_published_as_BP005_from_blueprint_at_its_UTF16_range(string name)
    {
        var file = EditedFile.Named(name);
        var diagnostic = Assert.Single(node.Seen(name)["diagnostics"]!.AsArray())!;

        Assert.Equal(("BP005", "blueprint", 1), ((string?)diagnostic["code"], (string?)diagnostic["source"], (int)diagnostic["severity"]!));
        Assert.EndsWith("/docs/rules/BP005.md", (string?)diagnostic["codeDescription"]!["href"]);
        int line = file.LineOf(file.Underlined), character = file.CharacterOf(file.Underlined);
        Assert.Equal((line, character, line, character + file.Underlined.Length), RangeOf(diagnostic["range"]));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void The_incremental_change_that_fixes_the_link_publishes_no_diagnostics(string name) =>
        Assert.Empty(node.Seen(name)["fixed"]!.AsArray());

    [Theory]
    [MemberData(nameof(Files))]
    public void Definition_on_a_reference_is_the_location_of_the_id_it_names(string name)
    {
        var file = EditedFile.Named(name);
        var definition = node.Seen(name)["definition"]!;
        var location = definition is JsonArray many ? Assert.Single(many)! : definition;

        Assert.EndsWith("/" + name, (string?)location["uri"]);
        var (line, character, _, _) = RangeOf(location["range"]);
        Assert.Equal((file.LineOf(file.Target), file.CharacterOf(file.Target)), (line, character));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void The_quick_fix_on_the_broken_id_replaces_it_with_the_nearest_id(string name)
    {
        var file = EditedFile.Named(name);
        var action = Assert.Single(node.Seen(name)["actions"]!.AsArray())!;
        var edit = Assert.Single(action["edit"]!.AsArray())!;

        Assert.Equal("Change `pya` to `pay`", (string?)action["title"]);
        // The id alone, without the Markdown link's `#`.
        int line = file.LineOf(file.BrokenRef), character = file.CharacterOf(file.BrokenRef) + file.BrokenRef.IndexOf('p', StringComparison.Ordinal);
        Assert.Equal(((line, character, line, character + "pya".Length), "pay"), (RangeOf(edit["range"]), (string?)edit["newText"]));
    }

    [Fact]
    public void Shutdown_then_exit_ends_the_server_with_0() => Assert.Equal(0, (int)node.Report["exitCode"]!);

    [Theory]
    [MemberData(nameof(Files))]
    public void Completion_where_a_reference_goes_offers_the_files_step_and_card_ids(string name)
    {
        var completion = node.Seen(name)["completion"]!;

        Assert.Null(completion["error"]);
        Assert.Equal(["pay", "queue", "till"], completion["labels"]!.AsArray().Select(l => (string)l!).Order(StringComparer.Ordinal));
    }
}
