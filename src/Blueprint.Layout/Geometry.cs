using System.Globalization;

namespace Blueprint.Layout;

/// <summary>A point in diagram units (1 pt = 1 px at scale 1), y growing downwards.</summary>
public readonly record struct Point(double X, double Y);

/// <summary>An axis-aligned rectangle: left, top, width, height.</summary>
public readonly record struct Rect(double X, double Y, double Width, double Height)
{
    public double Right => X + Width;
    public double Bottom => Y + Height;
    public double CenterX => X + Width / 2;
    public double CenterY => Y + Height / 2;

    public Rect Offset(double dx, double dy) => this with { X = X + dx, Y = Y + dy };

    public Rect Inflate(double d) => new(X - d, Y - d, Width + 2 * d, Height + 2 * d);

    /// <summary>True when the interiors overlap (touching edges do not count).</summary>
    public bool Overlaps(Rect other) =>
        X < other.Right && other.X < Right && Y < other.Bottom && other.Y < Bottom;

    /// <summary>True when the axis-aligned segment <paramref name="a"/>–<paramref name="b"/> passes through the interior.</summary>
    public bool CrossedBy(Point a, Point b, double tolerance = 0.01)
    {
        double x0 = Math.Min(a.X, b.X), x1 = Math.Max(a.X, b.X), y0 = Math.Min(a.Y, b.Y), y1 = Math.Max(a.Y, b.Y);
        return x0 < Right - tolerance && x1 > X + tolerance && y0 < Bottom - tolerance && y1 > Y + tolerance;
    }
}

/// <summary>An sRGB colour with alpha.</summary>
public readonly record struct Color(byte R, byte G, byte B, byte A = 255)
{
    /// <summary>Parses <c>#rgb</c>, <c>#rrggbb</c> or <c>#rrggbbaa</c>; null when it is none of them.</summary>
    public static Color? TryParse(string? text)
    {
        if (text is null || text.Length == 0 || text[0] != '#') return null;
        string h = text[1..];
        if (h.Length == 3) h = string.Concat(h.Select(c => new string(c, 2)));
        if (h.Length is not (6 or 8)) return null;
        if (!uint.TryParse(h, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out uint v)) return null;
        if (h.Length == 6) v = (v << 8) | 0xFF;
        return new Color((byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v);
    }

    public static Color Parse(string text) => TryParse(text) ?? throw new FormatException($"not a colour: {text}");

    /// <summary><c>#rrggbb</c>, or <c>#rrggbbaa</c> when not opaque.</summary>
    public string ToHex() => A == 255
        ? string.Create(CultureInfo.InvariantCulture, $"#{R:x2}{G:x2}{B:x2}")
        : string.Create(CultureInfo.InvariantCulture, $"#{R:x2}{G:x2}{B:x2}{A:x2}");

    public override string ToString() => ToHex();

    /// <summary>Blends towards <paramref name="other"/>: 0 gives this colour, 1 gives the other.</summary>
    public Color Mix(Color other, double t)
    {
        static byte L(byte a, byte b, double t) => (byte)Math.Round(a + (b - a) * t);
        return new Color(L(R, other.R, t), L(G, other.G, t), L(B, other.B, t), L(A, other.A, t));
    }

    /// <summary>Relative luminance (WCAG), 0 black to 1 white.</summary>
    public double Luminance
    {
        get
        {
            static double Lin(byte c) { double s = c / 255.0; return s <= 0.03928 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4); }
            return 0.2126 * Lin(R) + 0.7152 * Lin(G) + 0.0722 * Lin(B);
        }
    }

    /// <summary>The grey of the same luminance, for greyscale themes.</summary>
    public Color ToGrey()
    {
        double l = Luminance;
        double s = l <= 0.0031308 ? 12.92 * l : 1.055 * Math.Pow(l, 1 / 2.4) - 0.055;
        byte g = (byte)Math.Round(Math.Clamp(s, 0, 1) * 255);
        return new Color(g, g, g, A);
    }

    public Color WithAlpha(byte a) => this with { A = a };
}
