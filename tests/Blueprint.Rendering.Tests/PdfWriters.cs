namespace Blueprint.Rendering.Tests;

/// <summary>Both PDF writers, for tests that hold for each: ours, and Skia's (for documents whose fonts ours cannot embed).</summary>
internal static class PdfWriters
{
    public const string Ours = "ours";
    public const string Skia = "skia";

    public static TheoryData<string> All => [Ours, Skia];

    public static IDiagramCanvas Create(string writer, Stream output, string? title = null, string? language = null) => writer switch
    {
        Ours => new PdfCanvas(output, title, language),
        Skia => new SkiaPdfCanvas(output, title, language),
        _ => throw new ArgumentOutOfRangeException(nameof(writer), writer, "no such PDF writer"),
    };
}
