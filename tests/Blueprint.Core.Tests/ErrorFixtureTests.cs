using Blueprint.Core.Analysis;
using Blueprint.Core.Reading;
using Blueprint.Tests;

namespace Blueprint.Core.Tests;

/// <summary>
/// tests/Fixtures/errors/BPxxx-name/: every <c>fires*</c> file must report that check, every <c>passes*</c> file must not,
/// and each file's full findings must match its <c>.diagnostics.txt</c> golden.
/// </summary>
public class ErrorFixtureTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Repo.Fixtures("errors"), "*.blueprint.*", SearchOption.AllDirectories)
                     .Where(f => !f.EndsWith(".txt", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(Repo.Fixtures("errors"), file).Replace('\\', '/'));
        return data;
    }

    internal static IReadOnlyList<Core.Diagnostics.Diagnostic> Lint(string relative)
    {
        string full = Repo.Fixtures("errors", relative);
        var read = BlueprintReader.Read(relative, File.ReadAllBytes(full));
        return Analyzer.Analyze(read);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Fixture_reports_its_check_exactly_where_expected(string relative)
    {
        string folder = relative.Split('/')[0];
        string id = folder[..5];
        string name = Path.GetFileName(relative);
        var findings = Lint(relative);

        if (name.StartsWith("fires", StringComparison.Ordinal))
            Assert.Contains(findings, d => d.Id == id);
        else
            Assert.DoesNotContain(findings, d => d.Id == id);

        // The golden holds the errors: warnings have their own fixtures under tests/Fixtures/lint/.
        var lines = findings.Where(d => d.Severity == Core.Diagnostics.Severity.Error).Select(d => $"{d.Location.Line}:{d.Location.Column}: {d.Severity.ToString().ToLowerInvariant()} {d.Id} {d.Name}: {d.Message}");
        string golden = Repo.Fixtures("errors", relative[..relative.IndexOf(".blueprint.", StringComparison.Ordinal)] + ".diagnostics.txt");
        Golden.Verify(golden, string.Join("\n", lines) + "\n");
    }

    [Fact]
    public void Every_error_check_has_a_firing_and_a_passing_fixture()
    {
        var folders = Directory.GetDirectories(Repo.Fixtures("errors")).Select(Path.GetFileName).ToList();
        foreach (var d in Core.Diagnostics.Descriptors.All.Where(d => d.DefaultSeverity == Core.Diagnostics.Severity.Error))
        {
            string? folder = folders.FirstOrDefault(f => f == $"{d.Id}-{d.Name}");
            Assert.True(folder is not null, $"no fixture folder {d.Id}-{d.Name}");
            var files = Directory.GetFiles(Repo.Fixtures("errors", folder!)).Select(Path.GetFileName).ToList();
            Assert.Contains(files, f => f!.StartsWith("fires", StringComparison.Ordinal));
            Assert.Contains(files, f => f!.StartsWith("passes", StringComparison.Ordinal));
        }
    }
}
