namespace Blueprint.Rendering.Tests;

public sealed class NativeLibrariesTests
{
    [Fact]
    public void All_libraries_are_found_on_a_machine_that_can_render()
    {
        Assert.Null(NativeLibraries.Check());
    }

    [Fact]
    public void A_missing_library_gives_one_line_naming_the_package()
    {
        var message = NativeLibraries.Check(
        [
            NativeLibraries.Required[0],
            new NativeLibraryRequirement("libblueprint-bogus-42.so.7", "libbogus7", "bogus_symbol", "1.0"),
        ]);

        Assert.NotNull(message);
        Assert.DoesNotContain('\n', message);
        Assert.Contains("libblueprint-bogus-42.so.7", message, StringComparison.Ordinal);
        Assert.Contains("apt-get install libbogus7", message, StringComparison.Ordinal);
        Assert.DoesNotContain("libglib2.0-0", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_library_without_a_needed_function_is_reported_as_too_old()
    {
        var message = NativeLibraries.Check([new NativeLibraryRequirement("libcairo.so.2", "libcairo2", "cairo_no_such_function", "9.9")]);

        Assert.NotNull(message);
        Assert.Contains("too old", message, StringComparison.Ordinal);
        Assert.Contains("libcairo2 9.9 or newer", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_required_library_names_its_debian_package()
    {
        Assert.Equal(
            ["libglib2.0-0", "libcairo2", "libpango-1.0-0", "libpangocairo-1.0-0", "libharfbuzz0b", "libpangoft2-1.0-0", "libfontconfig1"],
            NativeLibraries.Required.Select(r => r.DebianPackage));
    }
}
