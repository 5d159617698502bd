namespace Blueprint.Cli.Tests;

/// <summary>A fault inside the tool prints one line and a hint, not a stack trace (unless --verbose).</summary>
public class InternalErrorTests
{
    private static (int Code, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter { NewLine = "\n" };
        var console = new CliConsole(output, error, () => throw new InvalidOperationException("standard input exploded"));
        return (BlueprintCli.Run(args, console), error.ToString());
    }

    [Fact]
    public void Fault_prints_one_line_and_a_hint()
    {
        var (code, error) = Run("lint", "-");
        Assert.Equal(1, code);
        Assert.Equal(
        [
            "blueprint: internal error: InvalidOperationException: standard input exploded",
            "Rerun with --verbose for details, and please report it with the input that caused it.",
        ], error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Verbose_adds_the_stack_trace()
    {
        var (code, error) = Run("lint", "-", "--verbose");
        Assert.Equal(1, code);
        Assert.StartsWith("blueprint: internal error: InvalidOperationException: standard input exploded", error);
        Assert.Contains("   at ", error);
    }
}
