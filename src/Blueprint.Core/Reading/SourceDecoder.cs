using System.Text;
using Blueprint.Core.Diagnostics;

namespace Blueprint.Core.Reading;

/// <summary>Turns a file's bytes into text, or a BP001 diagnostic for input that is not UTF-8 text.</summary>
public static class SourceDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static (string? Text, Diagnostic? Error) Decode(string file, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > Limits.MaxFileBytes)
            return (null, Descriptors.Syntax.At(SourceLocation.StartOf(file),
                $"the file is larger than the {Limits.MaxFileBytes / (1024 * 1024)} MiB limit for a blueprint; split it into several blueprints"));

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];

        int nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
            return (null, Descriptors.Syntax.At(At(file, bytes, nul),
                "the file contains a NUL byte: it looks binary, not a YAML or Markdown text file"));

        try
        {
            return (StrictUtf8.GetString(bytes), null);
        }
        catch (DecoderFallbackException e)
        {
            int index = Math.Clamp(e.Index, 0, bytes.Length);
            var bad = FirstInvalid(bytes);
            return (null, Descriptors.Syntax.At(At(file, bytes, bad ?? index),
                "the file is not valid UTF-8 text; save it as UTF-8"));
        }
    }

    private static int? FirstInvalid(ReadOnlySpan<byte> bytes)
    {
        int i = 0;
        while (i < bytes.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes[i..], out _, out int consumed);
            if (status != System.Buffers.OperationStatus.Done) return i;
            i += consumed;
        }
        return null;
    }

    /// <summary>Line and column (1-based, in characters of the valid prefix) of a byte offset.</summary>
    private static SourceLocation At(string file, ReadOnlySpan<byte> bytes, int offset)
    {
        int line = 1, lineStart = 0;
        for (int i = 0; i < offset; i++)
            if (bytes[i] == (byte)'\n') { line++; lineStart = i + 1; }
        int column = 1;
        int j = lineStart;
        while (j < offset)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes[j..offset], out _, out int consumed);
            j += status == System.Buffers.OperationStatus.Done ? consumed : 1;
            column++;
        }
        return new SourceLocation(file, line, column);
    }
}
