using System.Globalization;

namespace Blueprint.Rendering;

/// <summary>An sRGB colour with alpha, 8 bits a channel; written and parsed as "#rrggbb" or "#rrggbbaa".</summary>
public readonly record struct Rgba(byte R, byte G, byte B, byte A = 255)
{
    public static Rgba Black { get; } = new(0, 0, 0);
    public static Rgba White { get; } = new(255, 255, 255);
    public static Rgba Transparent { get; } = new(0, 0, 0, 0);

    public bool IsOpaque => A == 255;

    public Rgba WithAlpha(byte alpha) => this with { A = alpha };

    /// <summary>Parses "#rgb", "#rrggbb" or "#rrggbbaa" (case-insensitive).</summary>
    public static Rgba Parse(string text) =>
        TryParse(text, out var color)
            ? color
            : throw new FormatException($"'{text}' is not a colour; expected #rrggbb or #rrggbbaa.");

    public static bool TryParse(string? text, out Rgba color)
    {
        color = default;
        if (text is null || text.Length < 2 || text[0] != '#')
        {
            return false;
        }

        var hex = text.AsSpan(1);
        if (hex.Length == 3)
        {
            Span<char> wide = [hex[0], hex[0], hex[1], hex[1], hex[2], hex[2]];
            return TryParse("#" + new string(wide), out color);
        }

        if (hex.Length is not (6 or 8) || !uint.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        if (hex.Length == 6)
        {
            value = (value << 8) | 0xFF;
        }

        color = new Rgba((byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value);
        return true;
    }

    /// <summary>"#rrggbb", without alpha (SVG writes alpha as a separate opacity).</summary>
    public string ToRgbHex() => string.Create(CultureInfo.InvariantCulture, $"#{R:x2}{G:x2}{B:x2}");

    public override string ToString() => IsOpaque ? ToRgbHex() : string.Create(CultureInfo.InvariantCulture, $"#{R:x2}{G:x2}{B:x2}{A:x2}");
}
