#!/usr/bin/env python3
"""Writes LineBreakData.g.cs, the property tables LineBreaker (UAX #14) looks up, from the Unicode Character Database.

Usage: generate_linebreak.py [UCD folder] [output file]
  UCD folder   holds LineBreak.txt, EastAsianWidth.txt, UnicodeData.txt and emoji/emoji-data.txt
               (default /usr/share/unicode, where Debian's unicode-data puts them)
  output file  default LineBreakData.g.cs next to this script

Each code point gets one byte: bits 0-5 its Line_Break value (an index into CLASSES), bits 6-7 one extra fact
the rules ask about (see EXTRAS). The bytes are stored as a two-level table: code points in blocks of
2^shift, identical blocks stored once, and an index of one byte per block. Python 3 standard library only.
"""

import os
import re
import sys

SCRIPT = "src/Blueprint.Rendering/Text/Unicode/generate_linebreak.py"
CODE_POINTS = 0x110000

# Line_Break values of Unicode 15.0, in table order. A value not listed here (a later Unicode adds some)
# stops the script: LineBreaker's rules must learn it first.
CLASSES = [
    "XX", "BK", "CR", "LF", "NL", "SP", "ZW", "ZWJ", "CM", "WJ", "GL", "BA", "BB", "B2", "HY", "CB",
    "CL", "CP", "EX", "IN", "NS", "OP", "QU", "IS", "NU", "PO", "PR", "SY", "AI", "AL", "CJ", "EB",
    "EM", "H2", "H3", "HL", "ID", "JL", "JV", "JT", "RI", "SA", "SG",
]

# The extra fact in bits 6-7. Each is recorded only where a rule reads it, so they never meet on one code point
# (the script checks) and the blocks stay few.
EXTRAS = [
    ("None", "Nothing else the rules need."),
    ("EastAsianWide", "East_Asian_Width F, W or H; recorded for OP and CP only (LB30 leaves those alone)."),
    ("ExtPictUnassigned", "Extended_Pictographic and General_Category Cn (LB30b keeps an EM after it)."),
    ("CombiningMark", "General_Category Mn or Mc; recorded for SA only (LB1 makes those CM, other SA AL)."),
]

# Unassigned code points UAX #14 (and LineBreak.txt's header) gives a Line_Break other than XX. Unicode 15.0's
# LineBreak.txt lists them explicitly too; this covers a file that states them only in @missing lines or prose.
UNASSIGNED_DEFAULTS = [
    (0x3400, 0x4DBF, "ID"), (0x4E00, 0x9FFF, "ID"), (0xF900, 0xFAFF, "ID"),
    (0x20000, 0x2FFFD, "ID"), (0x30000, 0x3FFFD, "ID"),
    (0x1F000, 0x1FAFF, "ID"), (0x1FC00, 0x1FFFD, "ID"),
    (0x20A0, 0x20CF, "PR"),
]

MISSING = re.compile(r"#\s*@missing:\s*([0-9A-Fa-f]+)\.\.([0-9A-Fa-f]+)\s*;\s*([^\s#;]+)")


def fail(message):
    sys.exit("generate_linebreak.py: " + message)


def read_lines(folder, *names):
    """The lines of the first of names found in folder, and the name found."""
    for name in names:
        path = os.path.join(folder, name)
        if os.path.isfile(path):
            with open(path, encoding="utf-8") as f:
                return f.read().splitlines(), name
    fail("none of %s in %s (Debian's unicode-data package installs them in /usr/share/unicode)" % (", ".join(names), folder))


def header_version(lines, name, pattern):
    """The version a file's header states, by the regex pattern (one group)."""
    for line in lines[:40]:
        m = re.search(pattern, line)
        if m:
            return m.group(1)
    fail("%s: no version in its header" % name)


def parse_ranges(lines):
    """(first, last, value, is_missing_line) for each data line and @missing line, in file order."""
    for line in lines:
        m = MISSING.match(line)
        if m:
            yield int(m.group(1), 16), int(m.group(2), 16), m.group(3), True
            continue
        data = line.split("#", 1)[0].strip()
        if not data:
            continue
        fields = [f.strip() for f in data.split(";")]
        span = fields[0].split("..")
        first = int(span[0], 16)
        last = int(span[-1], 16)
        yield first, last, fields[1], False


def line_break(lines, unassigned):
    """Line_Break of every code point: @missing lines first (later ones narrower), then UAX #14's defaults
    for unassigned code points, then the listed values."""
    values = [None] * CODE_POINTS
    listed = [False] * CODE_POINTS
    ranges = list(parse_ranges(lines))
    if not any(missing for _, _, _, missing in ranges):
        fail("LineBreak.txt: no @missing line")
    for first, last, value, missing in ranges:
        if missing:
            values[first:last + 1] = [value] * (last + 1 - first)
    for first, last, value in UNASSIGNED_DEFAULTS:
        for cp in range(first, last + 1):
            if unassigned[cp]:
                values[cp] = value
    for first, last, value, missing in ranges:
        if not missing:
            values[first:last + 1] = [value] * (last + 1 - first)
            listed[first:last + 1] = [True] * (last + 1 - first)
    for first, last, value in UNASSIGNED_DEFAULTS:
        for cp in range(first, last + 1):
            if unassigned[cp] and listed[cp] and values[cp] != value:
                fail("LineBreak.txt lists U+%04X as %s, UAX #14's default for it is %s" % (cp, values[cp], value))
    unknown = sorted(set(values) - set(CLASSES))
    if unknown:
        fail("Line_Break values this script does not know: %s (teach CLASSES and LineBreaker's rules)" % ", ".join(map(str, unknown)))
    return values


def east_asian_width(lines):
    values = ["N"] * CODE_POINTS
    for first, last, value, _ in parse_ranges(lines):
        values[first:last + 1] = [value] * (last + 1 - first)
    return values


def extended_pictographic(lines):
    values = [False] * CODE_POINTS
    for first, last, value, missing in parse_ranges(lines):
        if value == "Extended_Pictographic" and not missing:
            values[first:last + 1] = [True] * (last + 1 - first)
    if not any(values):
        fail("emoji-data.txt: no Extended_Pictographic")
    return values


def general_category(lines):
    """General_Category from UnicodeData.txt (with its First/Last ranges); unlisted code points are Cn."""
    values = ["Cn"] * CODE_POINTS
    first = None
    for line in lines:
        if not line.strip():
            continue
        fields = line.split(";")
        cp = int(fields[0], 16)
        if fields[1].endswith(", First>"):
            first = cp
        elif fields[1].endswith(", Last>"):
            values[first:cp + 1] = [fields[2]] * (cp + 1 - first)
        else:
            values[cp] = fields[2]
    return values


def table_bytes(lb, eaw, ext_pict, gc):
    index_of = {name: i for i, name in enumerate(CLASSES)}
    out = bytearray(CODE_POINTS)
    for cp in range(CODE_POINTS):
        cls = lb[cp]
        extras = []
        if cls in ("OP", "CP") and eaw[cp] in ("F", "W", "H"):
            extras.append(1)
        if ext_pict[cp] and gc[cp] == "Cn":
            extras.append(2)
        if cls == "SA" and gc[cp] in ("Mn", "Mc"):
            extras.append(3)
        if len(extras) > 1:
            fail("U+%04X needs two extra facts (%s); the byte holds one" % (cp, extras))
        out[cp] = index_of[cls] | (extras[0] << 6 if extras else 0)
    return out


def two_level(data):
    """(shift, index, blocks) for the block size with the smallest total whose block count fits a byte index."""
    best = None
    for shift in (6, 7, 8, 9):
        size = 1 << shift
        seen = {}
        index = []
        for start in range(0, CODE_POINTS, size):
            block = bytes(data[start:start + size])
            index.append(seen.setdefault(block, len(seen)))
        if len(seen) > 256:
            continue
        blocks = b"".join(sorted(seen, key=seen.get))
        if best is None or len(index) + len(blocks) < len(best[1]) + len(best[2]):
            best = (shift, bytes(index), blocks)
    if best is None:
        fail("more than 256 distinct blocks at every block size")
    return best


def byte_lines(data, per_line, indent):
    for start in range(0, len(data), per_line):
        yield indent + ",".join(str(b) for b in data[start:start + per_line]) + ","


def write(path, version, sources, shift, index, blocks):
    doc_extras = "\n".join(
        "    /// <summary>%s</summary>\n    %s = %d," % (doc, name, i) for i, (name, doc) in enumerate(EXTRAS))
    lines = [
        "// <auto-generated/> Generated by %s from %s of Unicode %s. Do not edit by hand: change the script and run it again."
        % (SCRIPT, ", ".join(sources), version),
        "namespace Blueprint.Rendering.Text.Unicode;",
        "",
        "/// <summary>Line_Break property values of UAX #14 (Unicode %s), numbered as <see cref=\"LineBreakData\"/> stores them.</summary>" % version,
        "internal enum LineBreakClass : byte",
        "{",
        "    " + ", ".join("%s = %d" % (name, i) for i, name in enumerate(CLASSES)) + ",",
        "}",
        "",
        "/// <summary>The one further fact about a code point that the line-breaking rules need, in bits 6-7 of its table byte.</summary>",
        "internal enum LineBreakExtra : byte",
        "{",
        doc_extras,
        "}",
        "",
        "/// <summary>",
        "/// Line_Break, with the extra fact of <see cref=\"LineBreakExtra\"/>, of every code point of Unicode %s: one byte each" % version,
        "/// (bits 0-5 <see cref=\"LineBreakClass\"/>, bits 6-7 <see cref=\"LineBreakExtra\"/>) in blocks of %d code points," % (1 << shift),
        "/// identical blocks stored once (%d of them), found by a one-byte index per block." % (len(blocks) >> shift),
        "/// </summary>",
        "internal static class LineBreakData",
        "{",
        "    /// <summary>The Unicode version of the files the tables were made from.</summary>",
        "    public const string UnicodeVersion = \"%s\";" % version,
        "",
        "    private const int BlockShift = %d;" % shift,
        "    private const int BlockMask = (1 << BlockShift) - 1;",
        "",
        "    /// <summary>The table byte of a code point (0 to 0x10FFFF).</summary>",
        "    public static byte Get(int codePoint) => Blocks[(Index[codePoint >> BlockShift] << BlockShift) | (codePoint & BlockMask)];",
        "",
        "    /// <summary>Which block each run of %d code points uses.</summary>" % (1 << shift),
        "    private static ReadOnlySpan<byte> Index => new byte[]",
        "    {",
    ]
    lines += byte_lines(index, 64, "        ")
    lines += [
        "    };",
        "",
        "    /// <summary>The distinct blocks, %d bytes each.</summary>" % (1 << shift),
        "    private static ReadOnlySpan<byte> Blocks => new byte[]",
        "    {",
    ]
    lines += byte_lines(blocks, 64, "        ")
    lines += ["    };", "}", ""]
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines))


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/unicode"
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "LineBreakData.g.cs")

    lb_lines, lb_name = read_lines(folder, "LineBreak.txt")
    eaw_lines, eaw_name = read_lines(folder, "EastAsianWidth.txt")
    emoji_lines, emoji_name = read_lines(folder, "emoji/emoji-data.txt", "emoji-data.txt")
    ud_lines, ud_name = read_lines(folder, "UnicodeData.txt")

    version = header_version(lb_lines, lb_name, r"^#\s*LineBreak-(\d+\.\d+\.\d+)\.txt")
    eaw_version = header_version(eaw_lines, eaw_name, r"^#\s*EastAsianWidth-(\d+\.\d+\.\d+)\.txt")
    emoji_version = header_version(emoji_lines, emoji_name, r"Emoji Version (\d+\.\d+)")
    if eaw_version != version or not version.startswith(emoji_version + "."):
        fail("files of different Unicode versions: LineBreak %s, EastAsianWidth %s, emoji-data %s" % (version, eaw_version, emoji_version))
    readme = os.path.join(folder, "ReadMe.txt")
    if os.path.isfile(readme):
        with open(readme, encoding="utf-8") as f:
            m = re.search(r"Version (\d+\.\d+\.\d+) of the Unicode Standard", f.read())
        if m and m.group(1) != version:
            fail("ReadMe.txt (and so UnicodeData.txt) is Unicode %s, LineBreak.txt %s" % (m.group(1), version))

    gc = general_category(ud_lines)
    lb = line_break(lb_lines, [g == "Cn" for g in gc])
    data = table_bytes(lb, east_asian_width(eaw_lines), extended_pictographic(emoji_lines), gc)
    shift, index, blocks = two_level(data)
    sources = [lb_name, eaw_name, emoji_name, ud_name]
    write(out, version, sources, shift, index, blocks)
    print("%s: Unicode %s, blocks of %d, %d distinct, %d bytes of tables, %d bytes of source"
          % (out, version, 1 << shift, len(blocks) >> shift, len(index) + len(blocks), os.path.getsize(out)))


if __name__ == "__main__":
    main()
