using System.Text;

namespace Blueprint.Rendering.Pdf;

/// <summary>
/// A growing buffer of PDF syntax: operators, numbers (at most three decimals, no exponent), names, strings and
/// hex glyph codes, written as ASCII bytes without intermediate strings.
/// </summary>
internal sealed class PdfBytes
{
    private byte[] _buffer;

    public PdfBytes(int capacity = 4096) => _buffer = new byte[capacity];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, Length);

    public void Clear() => Length = 0;

    public PdfBytes Raw(string ascii)
    {
        var span = Reserve(ascii.Length);
        for (int i = 0; i < ascii.Length; i++) span[i] = (byte)ascii[i];
        Length += ascii.Length;
        return this;
    }

    public PdfBytes Raw(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Reserve(bytes.Length));
        Length += bytes.Length;
        return this;
    }

    public PdfBytes Byte(byte value)
    {
        Reserve(1)[0] = value;
        Length++;
        return this;
    }

    /// <summary>A number rounded to thousandths, followed by a space.</summary>
    public PdfBytes Number(double value)
    {
        long scaled = double.IsFinite(value) ? (long)Math.Round(value * 1000) : 0;
        var span = Reserve(24);
        int at = 0;
        if (scaled < 0)
        {
            span[at++] = (byte)'-';
            scaled = -scaled;
        }

        at += Digits(span[at..], scaled / 1000);
        int fraction = (int)(scaled % 1000);
        if (fraction != 0)
        {
            // Thousandths without trailing zeros: .5, .25, .125.
            span[at++] = (byte)'.';
            span[at++] = (byte)('0' + fraction / 100);
            if (fraction % 100 != 0)
            {
                span[at++] = (byte)('0' + fraction / 10 % 10);
                if (fraction % 10 != 0) span[at++] = (byte)('0' + fraction % 10);
            }
        }

        span[at++] = (byte)' ';
        Length += at;
        return this;
    }

    public PdfBytes Integer(long value)
    {
        var span = Reserve(21);
        int at = 0;
        if (value < 0)
        {
            span[at++] = (byte)'-';
            value = -value;
        }

        Length += at + Digits(span[at..], value);
        return this;
    }

    /// <summary>A glyph id as four hex digits (inside a hex string).</summary>
    public PdfBytes Hex4(int value)
    {
        var span = Reserve(4);
        for (int i = 3; i >= 0; i--)
        {
            span[i] = (byte)"0123456789ABCDEF"[value & 0xF];
            value >>= 4;
        }

        Length += 4;
        return this;
    }

    /// <summary>
    /// A text string: a literal <c>(...)</c> when it is printable ASCII, else UTF-16BE with a byte order mark in hex
    /// (ISO 32000-1, 7.9.2.2).
    /// </summary>
    public PdfBytes TextString(string value)
    {
        if (value.All(c => c is >= ' ' and <= '~')) return Literal(value);
        Raw("<FEFF");
        foreach (var c in value) Hex4(c);
        return Raw(">");
    }

    /// <summary>A literal string of printable ASCII; anything else is written as an octal escape of its UTF-8 bytes.</summary>
    public PdfBytes Literal(string value)
    {
        Byte((byte)'(');
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is (byte)'(' or (byte)')' or (byte)'\\')
            {
                Byte((byte)'\\').Byte(b);
            }
            else if (b is < 32 or > 126)
            {
                Byte((byte)'\\').Byte((byte)('0' + (b >> 6))).Byte((byte)('0' + ((b >> 3) & 7))).Byte((byte)('0' + (b & 7)));
            }
            else
            {
                Byte(b);
            }
        }

        return Byte((byte)')');
    }

    public byte[] ToArray() => Span.ToArray();

    private static int Digits(Span<byte> span, long value)
    {
        ((ulong)value).TryFormat(span, out int written);
        return written;
    }

    private Span<byte> Reserve(int count)
    {
        if (Length + count > _buffer.Length) Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + count));
        return _buffer.AsSpan(Length);
    }
}
