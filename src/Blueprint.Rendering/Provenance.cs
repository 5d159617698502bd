using System.Reflection;

namespace Blueprint.Rendering;

/// <summary>
/// What a PDF and an SVG name as their creator: the tool and its version (the package version the build was given),
/// never a date, so the same input gives the same bytes.
/// </summary>
internal static class Provenance
{
    public static string Creator { get; } =
        "blueprint " + (typeof(Provenance).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "(unknown version)");
}
