using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Blueprint.Rendering;

/// <summary>
/// Writes a premultiplied BGRA image (Skia's raster surface; 32-bit pixels, native-endian) as PNG. Skia's own encoder
/// took 3 to 7 times as long for larger files (bench/RESULTS.md); .NET's zlib-ng gives files as small in a fraction of the time.
/// Every row uses the Up filter (diagrams are mostly flat colour, so a row is much like the one above), and the
/// image is RGB when every pixel is opaque. No timestamps or text chunks: the same pixels give the same bytes.
/// </summary>
internal static unsafe class PngEncoder
{
    private const byte FilterUp = 2;
    private const int ChunkSize = 1 << 16;
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static void Write(Stream output, byte* data, int width, int height, int stride)
    {
        bool opaque = IsOpaque(data, width, height, stride);
        int channels = opaque ? 3 : 4;

        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8; // bit depth
        header[9] = (byte)(opaque ? 2 : 6); // colour type: RGB or RGBA
        header[10] = header[11] = header[12] = 0; // deflate, adaptive filtering, not interlaced

        output.Write(Signature);
        WriteChunk(output, "IHDR", header);
        using (var idat = new ChunkStream(output, "IDAT"))
        {
            using var zlib = new ZLibStream(idat, CompressionLevel.Optimal, leaveOpen: true);
            var previous = new byte[width * channels];
            var current = new byte[width * channels];
            var filtered = new byte[(width * channels) + 1];
            filtered[0] = FilterUp;
            for (int y = 0; y < height; y++)
            {
                var row = new ReadOnlySpan<uint>(data + ((long)y * stride), width);
                if (opaque) ToRgb(row, current);
                else ToRgba(row, current);
                for (int i = 0; i < current.Length; i++) filtered[i + 1] = (byte)(current[i] - previous[i]);
                zlib.Write(filtered);
                (previous, current) = (current, previous);
            }
        }
        WriteChunk(output, "IEND", []);
    }

    private static bool IsOpaque(byte* data, int width, int height, int stride)
    {
        for (int y = 0; y < height; y++)
        {
            foreach (uint pixel in new ReadOnlySpan<uint>(data + ((long)y * stride), width))
                if (pixel < 0xFF00_0000u) return false;
        }
        return true;
    }

    private static void ToRgb(ReadOnlySpan<uint> row, Span<byte> rgb)
    {
        for (int x = 0, i = 0; x < row.Length; x++, i += 3)
        {
            uint p = row[x];
            rgb[i] = (byte)(p >> 16);
            rgb[i + 1] = (byte)(p >> 8);
            rgb[i + 2] = (byte)p;
        }
    }

    /// <summary>The surface stores colour multiplied by alpha; PNG wants it straight.</summary>
    private static void ToRgba(ReadOnlySpan<uint> row, Span<byte> rgba)
    {
        for (int x = 0, i = 0; x < row.Length; x++, i += 4)
        {
            uint p = row[x];
            uint a = p >> 24;
            if (a == 0)
            {
                rgba[i] = rgba[i + 1] = rgba[i + 2] = rgba[i + 3] = 0;
                continue;
            }
            rgba[i] = Unpremultiply((p >> 16) & 0xFF, a);
            rgba[i + 1] = Unpremultiply((p >> 8) & 0xFF, a);
            rgba[i + 2] = Unpremultiply(p & 0xFF, a);
            rgba[i + 3] = (byte)a;
        }
    }

    private static byte Unpremultiply(uint c, uint a) => (byte)Math.Min(255, ((c * 255) + (a / 2)) / a);

    private static void WriteChunk(Stream output, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> head = stackalloc byte[8];
        BinaryPrimitives.WriteInt32BigEndian(head, data.Length);
        Encoding.ASCII.GetBytes(type, head[4..]);
        uint crc = Crc32.Update(Crc32.Update(Crc32.Initial, head[4..]), data);
        Span<byte> tail = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(tail, crc ^ Crc32.Initial);
        output.Write(head);
        output.Write(data);
        output.Write(tail);
    }

    /// <summary>Cuts what is written to it into chunks of one type (IDAT), each with its length and CRC.</summary>
    private sealed class ChunkStream(Stream output, string type) : Stream
    {
        private readonly byte[] _buffer = new byte[ChunkSize];
        private int _length;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            while (buffer.Length > 0)
            {
                int take = Math.Min(buffer.Length, _buffer.Length - _length);
                buffer[..take].CopyTo(_buffer.AsSpan(_length));
                _length += take;
                buffer = buffer[take..];
                if (_length == _buffer.Length) Flush();
            }
        }

        public override void Flush()
        {
            if (_length == 0) return;
            WriteChunk(output, type, _buffer.AsSpan(0, _length));
            _length = 0;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) Flush();
            base.Dispose(disposing);
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }

    private static class Crc32
    {
        public const uint Initial = 0xFFFF_FFFFu;
        private static readonly uint[] Table = MakeTable();

        public static uint Update(uint crc, ReadOnlySpan<byte> data)
        {
            foreach (byte b in data) crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
            return crc;
        }

        private static uint[] MakeTable()
        {
            var table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB8_8320u ^ (c >> 1) : c >> 1;
                table[n] = c;
            }
            return table;
        }
    }
}
