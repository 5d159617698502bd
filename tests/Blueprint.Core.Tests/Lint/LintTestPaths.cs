namespace Blueprint.Core.Tests.Lint;

/// <summary>Paths in the repository, found from the test binaries by walking up to the solution file.</summary>
internal static class LintTestPaths
{
    public static readonly string Root = FindRoot();

    public static string Fixtures => Path.Combine(Root, "tests", "Fixtures");
    public static string LintFixtures => Path.Combine(Fixtures, "lint");
    public static string RuleDocs => Path.Combine(Root, "docs", "rules");
    public static string Examples => Path.Combine(Root, "examples");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "blueprint-cli.sln"))) return dir.FullName;
        throw new InvalidOperationException("cannot find the repository root (blueprint-cli.sln) above " + AppContext.BaseDirectory);
    }

    /// <summary>A path relative to the repository root with forward slashes: stable in test names and messages.</summary>
    public static string Relative(string fullPath) => Path.GetRelativePath(Root, fullPath).Replace(Path.DirectorySeparatorChar, '/');
}
