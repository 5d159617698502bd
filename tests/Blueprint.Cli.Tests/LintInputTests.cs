using System.Net.Sockets;
using System.Text.Json;
using Blueprint.Tests;

namespace Blueprint.Cli.Tests;

public class LintInputTests
{
    private const string Good = Samples.Good;

    private const string Broken = Samples.Broken;

    [Fact]
    public void Clean_examples_exit_zero_with_a_summary()
    {
        var run = CliRun.Run(Repo.Root, null, "lint", "examples/restaurant.blueprint.yaml", "examples/coffee-shop.blueprint.yaml");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["2 files checked: no problems"], run.OutLines);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public void An_error_prints_path_line_column_and_exits_one()
    {
        using var dir = new TempFolder();
        dir.Write("bad.blueprint.yaml", Broken);
        var run = CliRun.Run(dir.Path, null, "lint", "bad.blueprint.yaml");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
        [
            "bad.blueprint.yaml:9:9: error BP002 unknown-key: unknown step key `durration`; did you mean `duration`?",
            "1 file checked: 1 error, 0 warnings",
        ], run.OutLines);
    }

    [Fact]
    public void Json_format_is_an_array_of_findings()
    {
        using var dir = new TempFolder();
        dir.Write("bad.blueprint.yaml", Broken);
        var run = CliRun.Run(dir.Path, null, "lint", "--format", "json", "bad.blueprint.yaml");
        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var item = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("bad.blueprint.yaml", item.GetProperty("file").GetString());
        Assert.Equal(9, item.GetProperty("line").GetInt32());
        Assert.Equal(9, item.GetProperty("column").GetInt32());
        Assert.Equal("error", item.GetProperty("severity").GetString());
        Assert.Equal("BP002", item.GetProperty("id").GetString());
        Assert.Equal("unknown-key", item.GetProperty("name").GetString());
        Assert.StartsWith("unknown step key", item.GetProperty("message").GetString());
    }

    [Fact]
    public void Json_format_of_a_clean_file_is_an_empty_array()
    {
        using var dir = new TempFolder();
        dir.Write("good.blueprint.yaml", Good);
        var run = CliRun.Run(dir.Path, null, "lint", "--format", "json", "good.blueprint.yaml");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("[]", run.Out.Trim());
    }

    [Fact]
    public void Folders_are_searched_recursively_in_a_stable_order()
    {
        using var dir = new TempFolder();
        dir.Write("b/two.blueprint.yml", Broken);
        dir.Write("a/one.blueprint.yaml", Broken);
        dir.Write("a/notes.yaml", "not: a blueprint");
        dir.Write(".hidden/three.blueprint.yaml", Broken);
        var run = CliRun.Run(dir.Path, null, "lint", ".");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["a/one.blueprint.yaml", "b/two.blueprint.yml"], run.OutLines[..2].Select(l => l.Split(':')[0]));
        Assert.Equal("2 files checked: 2 errors, 0 warnings", run.OutLines[^1]);
    }

    [Fact]
    public void Globs_match_files()
    {
        using var dir = new TempFolder();
        dir.Write("docs/x/one.blueprint.yaml", Good);
        dir.Write("docs/two.blueprint.yaml", Broken);
        var run = CliRun.Run(dir.Path, null, "lint", "docs/**/*.blueprint.yaml");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("docs/two.blueprint.yaml:9:9: error BP002 unknown-key: unknown step key `durration`; did you mean `duration`?", run.OutLines[0]);
        Assert.Equal("2 files checked: 1 error, 0 warnings", run.OutLines[^1]);
    }

    [Fact]
    public void Standard_input_is_read_for_a_dash()
    {
        using var dir = new TempFolder();
        var run = CliRun.Run(dir.Path, Broken, "lint", "-");
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("<stdin>:9:9: error BP002", run.OutLines[0]);
    }

    [Fact]
    public void A_missing_path_exits_two()
    {
        using var dir = new TempFolder();
        var run = CliRun.Run(dir.Path, null, "lint", "nowhere.blueprint.yaml");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["blueprint: cannot read 'nowhere.blueprint.yaml': no such file or folder"], run.ErrorLines);
    }

    [Fact]
    public void A_folder_without_blueprints_exits_two()
    {
        using var dir = new TempFolder();
        dir.Write("empty/readme.txt", "x");
        var run = CliRun.Run(dir.Path, null, "lint", "empty");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no blueprint files", run.Error);
    }

    [Fact]
    public void An_unreadable_file_exits_two_without_a_stack_trace()
    {
        using var dir = new TempFolder();
        // A socket exists as a path but cannot be opened as a file, even by root (file permissions would not stop root).
        string path = Path.Combine(dir.Path, "socket.blueprint.yaml");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        var run = CliRun.Run(dir.Path, null, "lint", "socket.blueprint.yaml");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("blueprint: cannot read 'socket.blueprint.yaml': not a file (a socket or a device)", run.ErrorLines[0]);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public void A_binary_file_is_a_finding_not_a_crash()
    {
        using var dir = new TempFolder();
        File.WriteAllBytes(Path.Combine(dir.Path, "x.blueprint.yaml"), [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0xFF]);
        var run = CliRun.Run(dir.Path, null, "lint", "x.blueprint.yaml");
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("x.blueprint.yaml:1:5: error BP001 syntax: the file contains a NUL byte", run.OutLines[0]);
    }

    [Fact]
    public void Max_warnings_zero_fails_on_a_warning_only_when_there_is_one()
    {
        using var dir = new TempFolder();
        dir.Write("good.blueprint.yaml", Good);
        Assert.Equal(0, CliRun.Run(dir.Path, null, "lint", "--max-warnings", "0", "good.blueprint.yaml").ExitCode);
    }

    [Fact]
    public void An_unknown_format_is_bad_usage()
    {
        var run = CliRun.Run(Repo.Root, null, "lint", "--format", "xml", "examples");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("xml", run.Error);
        Assert.Contains("blueprint lint --help", run.Error);
    }

    [Fact]
    public void No_command_or_unknown_command_is_bad_usage()
    {
        Assert.Equal(2, CliRun.Run(Repo.Root, null, "frobnicate").ExitCode);
        Assert.Equal(2, CliRun.Run(Repo.Root, null, "lint").ExitCode);
    }

    [Fact]
    public void Help_lists_every_lint_option()
    {
        var run = CliRun.Run(Repo.Root, null, "lint", "--help");
        Assert.Equal(0, run.ExitCode);
        foreach (var option in new[] { "<paths>", "--format", "--max-warnings", "--help" })
            Assert.Contains(option, run.Out);
    }

    [Fact]
    public void Version_prints_the_version()
    {
        var run = CliRun.Run(Repo.Root, null, "--version");
        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+\s*$", run.Out);
    }

    [Fact]
    public void A_folder_named_like_a_blueprint_is_searched_not_read()
    {
        using var dir = new TempFolder();
        Directory.CreateDirectory(Path.Combine(dir.Path, "odd.blueprint.yaml"));
        var run = CliRun.Run(dir.Path, null, "lint", "odd.blueprint.yaml");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["blueprint: no blueprint files (*.blueprint.yaml, *.blueprint.yml, *.blueprint.md) in folder 'odd.blueprint.yaml'"], run.ErrorLines);
    }
}
