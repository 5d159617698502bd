namespace Blueprint.Tests;

/// <summary>Paths inside the repository, found from the test binary's folder.</summary>
public static class Repo
{
    public static readonly string Root = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string Fixtures(params string[] parts) => Path.Combine([Root, "tests", "Fixtures", .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "blueprint-cli.sln"))) return dir.FullName;
        throw new InvalidOperationException("repository root (blueprint-cli.sln) not found above the test binaries");
    }
}
