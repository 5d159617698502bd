using System.IO.Compression;

namespace Blueprint.Rendering.Pdf;

/// <summary>
/// The object layer of a PDF file (ISO 32000-1, 7.5): numbered objects written one after another as they are
/// ready, streams compressed with Flate, then the cross-reference table and trailer. A failed write becomes a
/// <see cref="RenderException"/> naming what could not be written.
/// </summary>
internal sealed class PdfFile(Stream output)
{
    /// <summary>zlib levels: zlib's own default for page contents (compressed on another core while the next page is drawn), best for font programs.</summary>
    public const int DefaultLevel = 6, BestLevel = 9;

    private readonly List<long> _offsets = [];
    private long _position;

    /// <summary>Reserves an object number for an object written later.</summary>
    public int Reserve()
    {
        _offsets.Add(-1);
        return _offsets.Count;
    }

    /// <summary>The version line and a comment of bytes above 127, which marks the file as binary.</summary>
    public void Header()
    {
        Write("%PDF-1.5\n%"u8);
        Write([0xE2, 0xE3, 0xCF, 0xD3, (byte)'\n']);
    }

    /// <summary>Writes object <paramref name="number"/> (from <see cref="Reserve"/>) with the given body.</summary>
    public void Write(int number, PdfBytes body)
    {
        _offsets[number - 1] = _position;
        var head = new PdfBytes(32).Integer(number).Raw(" 0 obj\n");
        Write(head.Span);
        Write(body.Span);
        Write("\nendobj\n"u8);
    }

    public int Add(PdfBytes body)
    {
        int number = Reserve();
        Write(number, body);
        return number;
    }

    /// <summary>A stream object of <paramref name="data"/>, Flate-compressed; <paramref name="dictionary"/> adds entries to its dictionary.</summary>
    public int WriteStream(ReadOnlySpan<byte> data, PdfBytes dictionary, int level = DefaultLevel) =>
        WriteCompressedStream(Compress(data, level), dictionary);

    /// <summary>A stream object of data already compressed by <see cref="Compress"/>.</summary>
    public int WriteCompressedStream(byte[] compressed, PdfBytes dictionary)
    {
        int number = Reserve();
        _offsets[number - 1] = _position;
        var head = new PdfBytes(128).Integer(number).Raw(" 0 obj\n<< ").Raw(dictionary.Span)
            .Raw("/Length ").Integer(compressed.Length).Raw(" /Filter /FlateDecode >>\nstream\n");
        Write(head.Span);
        Write(compressed);
        Write("\nendstream\nendobj\n"u8);
        return number;
    }

    /// <summary>The cross-reference table and trailer; the file is complete after this.</summary>
    public void Trailer(int root, int info)
    {
        long start = _position;
        var xref = new PdfBytes(_offsets.Count * 20 + 64).Raw("xref\n0 ").Integer(_offsets.Count + 1).Raw("\n0000000000 65535 f \n");
        foreach (var offset in _offsets)
        {
            if (offset < 0) throw new InvalidOperationException("A reserved PDF object was never written.");
            xref.Raw(offset.ToString("D10", System.Globalization.CultureInfo.InvariantCulture)).Raw(" 00000 n \n");
        }

        xref.Raw("trailer\n<< /Size ").Integer(_offsets.Count + 1).Raw(" /Root ").Integer(root).Raw(" 0 R /Info ").Integer(info)
            .Raw(" 0 R >>\nstartxref\n").Integer(start).Raw("\n%%EOF\n");
        Write(xref.Span);
        try
        {
            output.Flush();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ObjectDisposedException)
        {
            throw Failed(e);
        }
    }

    /// <summary>Flate (zlib) compression, as PDF's FlateDecode filter reads it.</summary>
    public static byte[] Compress(ReadOnlySpan<byte> data, int level = DefaultLevel)
    {
        using var buffer = new MemoryStream(data.Length / 4 + 64);
        using (var zlib = new ZLibStream(buffer, new ZLibCompressionOptions { CompressionLevel = level }, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return buffer.ToArray();
    }

    private void Write(ReadOnlySpan<byte> bytes)
    {
        try
        {
            output.Write(bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ObjectDisposedException)
        {
            throw Failed(e);
        }

        _position += bytes.Length;
    }

    private static RenderException Failed(Exception e) => new($"Could not write the PDF document: {e.Message}", e);
}
