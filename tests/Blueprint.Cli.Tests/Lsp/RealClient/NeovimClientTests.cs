using System.Text;
using System.Text.Json.Nodes;
using Blueprint.Tests;

namespace Blueprint.Cli.Tests.Lsp.RealClient;

/// <summary>
/// Neovim (Debian's <c>neovim</c>, headless) run once on both files with <c>neovim-client.lua</c>, its built-in LSP client
/// driving <c>blueprint lsp</c> (the built command, run by <c>dotnet</c>) as a subprocess; <see cref="Report"/> is what the
/// editor saw. test.sh installs Neovim.
/// </summary>
public sealed class NeovimRun : IDisposable
{
    private readonly TempFolder _dir = new();

    public JsonObject Report { get; }

    public NeovimRun()
    {
        if (!ClientPlan.OnPath("nvim")) throw new InvalidOperationException("nvim is not installed: run ./test.sh, which installs Debian's `neovim`");
        string script = Repo.PathOf("tests", "Blueprint.Cli.Tests", "Lsp", "RealClient", "neovim-client.lua");
        string report = Path.Combine(_dir.Path, "report.json");
        var plan = ClientPlan.Write(_dir);
        plan["report"] = report;
        // Neovim's log and state go to the test's folder, not the user's home.
        var environment = new Dictionary<string, string>
        {
            ["BLUEPRINT_LSP_PLAN"] = _dir.Write("plan.json", plan.ToJsonString()),
            ["XDG_STATE_HOME"] = Path.Combine(_dir.Path, "state"),
            ["XDG_CACHE_HOME"] = Path.Combine(_dir.Path, "cache"),
            ["XDG_DATA_HOME"] = Path.Combine(_dir.Path, "data"),
        };
        var (exitCode, output) = SourceBuild.Run("nvim", _dir.Path, ["--headless", "--clean", "-n", "-c", $"luafile {script}"], environment, minutes: 3);
        if (!File.Exists(report)) throw new InvalidOperationException($"Neovim wrote no report (exit code {exitCode}):\n{output}");
        Report = JsonNode.Parse(File.ReadAllText(report))!.AsObject();
        if (Report["error"] is { } error) throw new InvalidOperationException($"the Neovim script failed (exit code {exitCode}): {error}\n{output}");
        Assert.True(exitCode == 0, $"nvim exited {exitCode}:\n{output}");
    }

    /// <summary>What the editor saw of the file called <paramref name="name"/>.</summary>
    public JsonObject Seen(string name) => ClientPlan.Seen(Report, name);

    public void Dispose() => _dir.Dispose();
}

/// <summary>The server driven by a client no one here wrote: Neovim's built-in LSP client, in a headless Neovim.</summary>
public sealed class NeovimClientTests(NeovimRun neovim) : IClassFixture<NeovimRun>
{
    public static TheoryData<string> Files => [.. ClientPlan.Files.Select(f => f.Name)];

    [Theory]
    [MemberData(nameof(Files))]
    public void A_broken_link_shows_as_BP005_from_blueprint_on_its_bytes_after_the_emoji_and_CJK(string name)
    {
        var file = EditedFile.Named(name);
        var diagnostic = Assert.Single(neovim.Seen(name)["diagnostics"]!.AsArray())!;

        Assert.Equal("BP005", (string?)diagnostic["code"]);
        Assert.Equal("blueprint", (string?)diagnostic["source"]);
        Assert.Equal(1, (int)diagnostic["severity"]!); // vim.diagnostic.severity.ERROR
        Assert.Contains($"`{file.BrokenRef.TrimStart('#')}`", (string?)diagnostic["message"]);
        int line = file.LineOf(file.BrokenRef);
        // The server counts UTF-16 units; Neovim turned them into the byte columns it shows the squiggle at.
        int column = file.ByteColumnOf(file.Underlined);
        Assert.Equal((line, column, line, column + Encoding.UTF8.GetByteCount(file.Underlined)),
            ((int)diagnostic["lnum"]!, (int)diagnostic["col"]!, (int)diagnostic["end_lnum"]!, (int)diagnostic["end_col"]!));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void The_quick_fix_applied_by_Neovim_puts_the_nearest_id_in_and_clears_the_diagnostics(string name)
    {
        var file = EditedFile.Named(name);
        var seen = neovim.Seen(name);
        string fixedLine = file.Lines[file.LineOf(file.BrokenRef)].Replace(file.BrokenRef, file.Fixed, StringComparison.Ordinal);

        Assert.Equal(["Change `pya` to `pay`"], seen["actions"]!.AsArray().Select(a => (string?)a));
        // The edit's UTF-16 range, after the emoji and CJK, applied by Neovim to the right bytes.
        Assert.Equal(fixedLine, (string?)seen["fixed_line"]);
        Assert.Empty(seen["fixed"]!.AsArray());
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Go_to_definition_on_a_reference_puts_the_cursor_on_the_id_it_names(string name)
    {
        var file = EditedFile.Named(name);
        var definition = neovim.Seen(name)["definition"]!;

        Assert.True((bool)definition["moved"]!, "vim.lsp.buf.definition() did not move the cursor");
        Assert.Equal(file.LineOf(file.Target), (int)definition["line"]!);
        // On the id itself (in YAML after `id: `, in Markdown inside `{#...}`), at Neovim's byte column.
        Assert.Equal((file.Lines[file.LineOf(file.Target)], file.ByteColumnOf(file.Target)), ((string?)definition["text"], (int)definition["col"]!));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Completion_where_a_reference_goes_offers_the_files_step_and_card_ids(string name)
    {
        var completion = neovim.Seen(name)["completion"]!;

        Assert.Null(completion["error"]);
        Assert.Equal(["pay", "queue", "till"], completion["labels"]!.AsArray().Select(l => (string)l!).Order(StringComparer.Ordinal));
    }
}
