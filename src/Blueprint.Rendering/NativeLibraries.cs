using System.Runtime.InteropServices;

using Blueprint.Rendering.Native;

namespace Blueprint.Rendering;

/// <summary>A shared library the renderer loads, the Debian package that ships it and a symbol it must export.</summary>
public sealed record NativeLibraryRequirement(string SoName, string DebianPackage, string RequiredSymbol, string MinimumVersion);

/// <summary>
/// Finds out, before any drawing, whether Cairo and Pango can be loaded, so that a missing library becomes one
/// readable line naming the package to install instead of a DllNotFoundException.
/// </summary>
public static class NativeLibraries
{
    public static IReadOnlyList<NativeLibraryRequirement> Required { get; } =
    [
        new(GObject.Library, "libglib2.0-0", "g_object_unref", "2.0"),
        new(Cairo.Library, "libcairo2", "cairo_tag_begin", "1.16"),
        new(Pango.Library, "libpango-1.0-0", "pango_attr_insert_hyphens_new", "1.44"),
        new(Pango.CairoLibrary, "libpangocairo-1.0-0", "pango_cairo_context_set_font_options", "1.44"),
        new(HarfBuzz.Library, "libharfbuzz0b", "hb_face_reference_table", "1.0"),
        new(Fontconfig.PangoFt2Library, "libpangoft2-1.0-0", "pango_fc_font_get_pattern", "1.44"),
        new(Fontconfig.Library, "libfontconfig1", "FcPatternGetMatrix", "2.0"),
    ];

    private static readonly Lazy<string?> s_problem = new(() => Check(Required));

    /// <summary>Null when every library loads; otherwise one line saying what to install.</summary>
    public static string? Check() => s_problem.Value;

    /// <summary>Throws a <see cref="RenderException"/> carrying the <see cref="Check()"/> line when a library is missing.</summary>
    public static void EnsureAvailable()
    {
        if (Check() is { } problem)
        {
            throw new RenderException(problem);
        }
    }

    /// <summary>Checks the given libraries the same way as <see cref="Check()"/> (tests pass a bogus name here).</summary>
    public static string? Check(IEnumerable<NativeLibraryRequirement> requirements)
    {
        var missing = new List<NativeLibraryRequirement>();
        var tooOld = new List<NativeLibraryRequirement>();
        foreach (var requirement in requirements)
        {
            if (!NativeLibrary.TryLoad(requirement.SoName, typeof(NativeLibraries).Assembly, null, out var handle))
            {
                missing.Add(requirement);
            }
            else if (!NativeLibrary.TryGetExport(handle, requirement.RequiredSymbol, out _))
            {
                tooOld.Add(requirement);
            }
        }

        if (missing.Count > 0)
        {
            var packages = string.Join(' ', missing.Select(r => r.DebianPackage).Distinct());
            var names = string.Join(", ", missing.Select(r => r.SoName));
            return $"Cannot draw diagrams: the native {(missing.Count == 1 ? "library" : "libraries")} {names} could not be loaded; install {packages} (Debian/Ubuntu: sudo apt-get install {packages}).";
        }

        if (tooOld.Count > 0)
        {
            var details = string.Join(", ", tooOld.Select(r => $"{r.DebianPackage} {r.MinimumVersion} or newer"));
            var packages = string.Join(' ', tooOld.Select(r => r.DebianPackage).Distinct());
            return $"Cannot draw diagrams: the installed native libraries are too old (need {details}); upgrade {packages}.";
        }

        return null;
    }
}
