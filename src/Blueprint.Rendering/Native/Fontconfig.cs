using System.Runtime.InteropServices;

namespace Blueprint.Rendering.Native;

/// <summary>
/// Reading the fontconfig pattern behind a Pango font (libfontconfig.so.1 and libpangoft2-1.0.so.0, which Pango
/// depends on): which file and face it is, and whether fontconfig asks for a synthetic bold or slant.
/// </summary>
internal static unsafe partial class Fontconfig
{
    internal const string Library = "libfontconfig.so.1";
    internal const string PangoFt2Library = "libpangoft2-1.0.so.0";

    private const int ResultMatch = 0;

    [StructLayout(LayoutKind.Sequential)]
    private struct Matrix
    {
        public double XX, XY, YX, YY;
    }

    /// <summary>The font's fully resolved pattern; owned by the font.</summary>
    [LibraryImport(PangoFt2Library, EntryPoint = "pango_fc_font_get_pattern")]
    internal static partial nint PangoFcFontGetPattern(nint font);

    [LibraryImport(Library, EntryPoint = "FcPatternGetString", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int PatternGetString(nint pattern, string name, int n, byte** value);

    [LibraryImport(Library, EntryPoint = "FcPatternGetInteger", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int PatternGetInteger(nint pattern, string name, int n, int* value);

    [LibraryImport(Library, EntryPoint = "FcPatternGetBool", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int PatternGetBool(nint pattern, string name, int n, int* value);

    [LibraryImport(Library, EntryPoint = "FcPatternGetMatrix", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int PatternGetMatrix(nint pattern, string name, int n, Matrix** value);

    internal static string? File(nint pattern)
    {
        byte* value;
        return PatternGetString(pattern, "file", 0, &value) == ResultMatch ? Marshal.PtrToStringUTF8((nint)value) : null;
    }

    internal static int Index(nint pattern)
    {
        int value;
        return PatternGetInteger(pattern, "index", 0, &value) == ResultMatch ? value : 0;
    }

    /// <summary>True when fontconfig makes the face look bolder or slanted than its outlines (embolden, a transform).</summary>
    internal static bool IsSynthetic(nint pattern)
    {
        int embolden;
        if (PatternGetBool(pattern, "embolden", 0, &embolden) == ResultMatch && embolden != 0) return true;
        Matrix* matrix;
        return PatternGetMatrix(pattern, "matrix", 0, &matrix) == ResultMatch
            && (matrix->XX != 1 || matrix->XY != 0 || matrix->YX != 0 || matrix->YY != 1);
    }
}
