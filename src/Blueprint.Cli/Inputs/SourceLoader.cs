using Blueprint.Cli.Output;
using Blueprint.Core.Diagnostics;
using Blueprint.Core.Reading;

namespace Blueprint.Cli.Inputs;

/// <summary>Reads an input's bytes (never more than the size limit plus one byte) and hands them to the reader.</summary>
public static class SourceLoader
{
    /// <summary>The outcome of loading one input: a read result, or a reason the path could not be read (exit 2).</summary>
    public sealed record Loaded(InputFile Input, ReadResult? Read, string? Unreadable, string? Text = null);

    public static Loaded Load(InputFile input, CliConsole console)
    {
        byte[] bytes;
        try
        {
            using var stream = input.IsStandardInput ? console.OpenStandardInput() : File.OpenRead(input.FullPath!);
            bytes = ReadBounded(stream, Limits.MaxFileBytes + 1);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new Loaded(input, null, FileSystemFailure.Reading(input.DisplayPath, input.FullPath ?? input.DisplayPath, e));
        }
        var (text, error) = SourceDecoder.Decode(input.DisplayPath, bytes);
        if (error is not null) return new Loaded(input, new ReadResult(null, [error]), null);
        return new Loaded(input, BlueprintReader.ReadText(input.DisplayPath, text!), null, text);
    }

    private static byte[] ReadBounded(Stream stream, long max)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while (buffer.Length < max && (n = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, max - buffer.Length))) > 0)
            buffer.Write(chunk, 0, n);
        return buffer.ToArray();
    }
}
