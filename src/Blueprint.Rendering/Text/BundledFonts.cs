namespace Blueprint.Rendering.Text;

/// <summary>
/// The default family, carried inside the tool: DejaVu Sans 2.37 in regular, bold and oblique (src/Blueprint.Rendering/Fonts,
/// with its licence). It covers Latin, Greek, Cyrillic and much else, so text in those scripts is measured and drawn the
/// same on every machine, with or without fonts installed. Each face is read from the assembly when first asked for.
/// </summary>
internal static class BundledFonts
{
    public const string Family = "DejaVu Sans";

    private static readonly Lazy<FontFace> s_regular = new(() => Read("DejaVuSans.ttf"));
    private static readonly Lazy<FontFace> s_bold = new(() => Read("DejaVuSans-Bold.ttf"));
    private static readonly Lazy<FontFace> s_oblique = new(() => Read("DejaVuSans-Oblique.ttf"));

    /// <summary>The face nearest the style (bold italic is the bold face, which Skia then slants).</summary>
    public static FontFace Face(bool bold, bool italic) => (bold ? s_bold : italic ? s_oblique : s_regular).Value;

    private static unsafe FontFace Read(string file)
    {
        // The resources of a loaded assembly stay mapped for the process: the face reads them where they are.
        var stream = typeof(BundledFonts).Assembly.GetManifestResourceStream("fonts/" + file)
            ?? throw new RenderException($"the font {file} is missing from this build of blueprint; reinstall it");
        if (stream is UnmanagedMemoryStream mapped) return FontFace.Load(mapped.PositionPointer, (int)mapped.Length, Family);
        byte* copy = (byte*)System.Runtime.InteropServices.NativeMemory.Alloc((nuint)stream.Length);
        stream.ReadExactly(new Span<byte>(copy, (int)stream.Length));
        return FontFace.Load(copy, (int)stream.Length, Family);
    }
}
