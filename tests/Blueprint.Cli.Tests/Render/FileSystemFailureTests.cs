using Blueprint.Cli.Output;

namespace Blueprint.Cli.Tests;

/// <summary>
/// A file-system failure is one line, the same wording in render, convert and init: the path the user named and the
/// cause in plain words, exit 1 for an output; never a temporary file's name or an exception's text. The tests run as
/// root, where no permission bit stops a write: the failures come from paths the kernel refuses to anyone.
/// </summary>
public class FileSystemFailureTests
{
    private const string Good = Samples.Good;

    /// <summary>sysfs refuses a new file even to root (EACCES), and /proc has no folder one could create (ENOENT).</summary>
    private const string Refused = "/sys/blueprint-test.png";

    private static TempFolder WithGood()
    {
        var dir = new TempFolder();
        dir.Write("good.blueprint.yaml", Good);
        return dir;
    }

    private static void AssertNoTemporaryFile(string folder) =>
        Assert.Empty(Directory.EnumerateFiles(folder, "*.tmp", SearchOption.AllDirectories));

    [Fact]
    public void Render_into_a_folder_the_system_refuses_says_permission_denied_and_exits_1()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var dir = WithGood();
        var run = CliRun.Run(dir.Path, null, "render", "good.blueprint.yaml", "-o", Refused);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal([$"blueprint: cannot write '{Refused}': permission denied"], run.ErrorLines);
        Assert.Equal("", run.Out);
        Assert.False(File.Exists(Refused));
    }

    [Fact]
    public void Render_into_a_folder_that_cannot_be_made_says_no_such_folder()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var dir = WithGood();
        var run = CliRun.Run(dir.Path, null, "render", "good.blueprint.yaml", "-o", "/proc/no-such-folder/good.svg");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["blueprint: cannot write '/proc/no-such-folder/good.svg': no such folder"], run.ErrorLines);
    }

    [Theory]
    [InlineData("png")]
    [InlineData("pdf")]
    [InlineData("svg")]
    public void Render_over_a_folder_says_is_a_folder_and_leaves_no_temporary_file(string format)
    {
        using var dir = WithGood();
        Directory.CreateDirectory(Path.Combine(dir.Path, "isdir." + format));
        var run = CliRun.Run(dir.Path, null, "render", "good.blueprint.yaml", "-o", "isdir." + format);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal([$"blueprint: cannot write 'isdir.{format}': is a folder"], run.ErrorLines);
        Assert.True(Directory.Exists(Path.Combine(dir.Path, "isdir." + format)));
        AssertNoTemporaryFile(dir.Path);
    }

    [Fact]
    public void Render_into_an_output_folder_under_a_file_names_the_file()
    {
        using var dir = WithGood();
        dir.Write("file.txt", "a file");
        var run = CliRun.Run(dir.Path, null, "render", "good.blueprint.yaml", "-o", "file.txt/out/");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["blueprint: cannot write 'file.txt/out/good.png': 'file.txt' is a file, not a folder"], run.ErrorLines);
        Assert.Equal("a file", File.ReadAllText(Path.Combine(dir.Path, "file.txt")));
    }

    [Fact]
    public void Convert_over_a_folder_says_is_a_folder_and_exits_1()
    {
        using var dir = WithGood();
        Directory.CreateDirectory(Path.Combine(dir.Path, "isdir.blueprint.md"));
        var run = CliRun.Run(dir.Path, null, "convert", "good.blueprint.yaml", "-o", "isdir.blueprint.md");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["blueprint: cannot write 'isdir.blueprint.md': is a folder"], run.ErrorLines);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void Convert_into_a_missing_folder_says_no_such_folder_and_exits_1()
    {
        using var dir = WithGood();
        var run = CliRun.Run(dir.Path, null, "convert", "good.blueprint.yaml", "-o", "missing/good.blueprint.md");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["blueprint: cannot write 'missing/good.blueprint.md': no such folder"], run.ErrorLines);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "missing")));
    }

    [Fact]
    public void Convert_under_a_file_names_the_file_and_exits_1()
    {
        using var dir = WithGood();
        dir.Write("file.txt", "a file");
        var run = CliRun.Run(dir.Path, null, "convert", "good.blueprint.yaml", "-o", "file.txt/good.blueprint.md");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["blueprint: cannot write 'file.txt/good.blueprint.md': 'file.txt' is a file, not a folder"], run.ErrorLines);
    }

    [Fact]
    public void Convert_into_a_folder_the_system_refuses_says_permission_denied_and_exits_1()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var dir = WithGood();
        var run = CliRun.Run(dir.Path, null, "convert", "good.blueprint.yaml", "-o", "/sys/blueprint-test.blueprint.md");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["blueprint: cannot write '/sys/blueprint-test.blueprint.md': permission denied"], run.ErrorLines);
    }

    [Fact]
    public void Init_under_a_file_names_the_file_and_exits_1()
    {
        using var dir = new TempFolder();
        dir.Write("file.txt", "a file");
        var run = CliRun.Run(dir.Path, null, "init", "file.txt/service.blueprint.yaml");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["blueprint: cannot write 'file.txt/service.blueprint.yaml': 'file.txt' is a file, not a folder"], run.ErrorLines);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void Init_into_a_folder_the_system_refuses_says_permission_denied_and_exits_1()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var dir = new TempFolder();
        var run = CliRun.Run(dir.Path, null, "init", "/sys/blueprint-test.blueprint.yaml");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["blueprint: cannot write '/sys/blueprint-test.blueprint.yaml': permission denied"], run.ErrorLines);
    }

    public static TheoryData<Exception, string> Causes() => new()
    {
        { new IOException("No space left on device : '/data/.out.png.0123456789abcdef.tmp'", 28), "no space left on device" },
        { new IOException("Disk quota exceeded : '/data/.out.png.0123456789abcdef.tmp'", 122), "disk quota exceeded" },
        { new IOException("Read-only file system : '/data/.out.png.0123456789abcdef.tmp'", 30), "read-only file system" },
        { new IOException("Access to the path '/data/.out.png.0123456789abcdef.tmp' is denied.", 13), "permission denied" },
        { new UnauthorizedAccessException("Access to the path '/data/.out.png.0123456789abcdef.tmp' is denied."), "permission denied" },
        { new DirectoryNotFoundException("Could not find a part of the path '/data/.out.png.0123456789abcdef.tmp'."), "no such folder" },
        { new IOException("Something new : '/data/.out.png.0123456789abcdef.tmp'", 9999), "the file system refused it" },
    };

    [Theory]
    [MemberData(nameof(Causes))]
    public void A_failure_the_tests_cannot_provoke_is_worded_from_the_error_never_with_its_text(Exception error, string cause)
    {
        using var dir = new TempFolder();
        string target = Path.Combine(dir.Path, "out.png");

        Assert.Equal($"cannot write 'out.png': {cause}", FileSystemFailure.Writing("out.png", target, error));
    }
}
