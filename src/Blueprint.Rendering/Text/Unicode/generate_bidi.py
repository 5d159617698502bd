#!/usr/bin/env python3
"""Writes BidiData.g.cs (the Unicode Bidirectional Algorithm's character data) from the Unicode Character Database.

Usage: generate_bidi.py [UCD folder, default /usr/share/unicode] [output file, default BidiData.g.cs next to this script]

Reads DerivedBidiClass.txt (in the folder or its extracted/ subfolder), BidiBrackets.txt, BidiMirroring.txt and
UnicodeData.txt. Stdlib only, so it runs wherever Debian's unicode-data is installed.
"""

import os
import re
import sys

SCRIPT = "src/Blueprint.Rendering/Text/Unicode/generate_bidi.py"
MAX_CODE_POINT = 0x10FFFF

# Bidi_Class values in the order of the C# enum (short alias, long alias). The order is ours; the algorithm never
# compares classes by number.
CLASSES = [
    ("L", "Left_To_Right"), ("R", "Right_To_Left"), ("AL", "Arabic_Letter"),
    ("EN", "European_Number"), ("ES", "European_Separator"), ("ET", "European_Terminator"),
    ("AN", "Arabic_Number"), ("CS", "Common_Separator"), ("NSM", "Nonspacing_Mark"), ("BN", "Boundary_Neutral"),
    ("B", "Paragraph_Separator"), ("S", "Segment_Separator"), ("WS", "White_Space"), ("ON", "Other_Neutral"),
    ("LRE", "Left_To_Right_Embedding"), ("LRO", "Left_To_Right_Override"),
    ("RLE", "Right_To_Left_Embedding"), ("RLO", "Right_To_Left_Override"), ("PDF", "Pop_Directional_Format"),
    ("LRI", "Left_To_Right_Isolate"), ("RLI", "Right_To_Left_Isolate"), ("FSI", "First_Strong_Isolate"),
    ("PDI", "Pop_Directional_Isolate"),
]
CLASS_NUMBER = {}
for number, (short, long) in enumerate(CLASSES):
    CLASS_NUMBER[short] = number
    CLASS_NUMBER[long] = number


def find_file(folder, name):
    for candidate in (os.path.join(folder, name), os.path.join(folder, "extracted", name)):
        if os.path.isfile(candidate):
            return candidate
    sys.exit(f"generate_bidi.py: {name} not found in {folder} (install Debian's unicode-data)")


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return f.read().splitlines()


def version_of(lines, name):
    """The version in a UCD file's first line, e.g. '# DerivedBidiClass-15.0.0.txt'."""
    stem = name[:-len(".txt")]
    match = re.match(r"#\s*" + re.escape(stem) + r"-(\d+\.\d+\.\d+)\.txt", lines[0])
    if not match:
        sys.exit(f"generate_bidi.py: no version in the first line of {name}: {lines[0]!r}")
    return match.group(1)


def code_point_range(text):
    parts = text.strip().split("..")
    first = int(parts[0], 16)
    return first, int(parts[-1], 16)


def data_fields(line):
    """The ';'-separated fields of a data line without its comment, or None for comment and blank lines."""
    body = line.split("#", 1)[0].strip()
    return [field.strip() for field in body.split(";")] if body else None


def bidi_classes(lines):
    """Bidi_Class of every code point: the @missing defaults (in file order, later lines narrower) then the data."""
    classes = bytearray(MAX_CODE_POINT + 1)
    missing = [line for line in lines if line.startswith("# @missing:")]
    if not missing:
        sys.exit("generate_bidi.py: DerivedBidiClass.txt has no @missing lines")
    for line in missing:
        first, last, value = re.match(r"# @missing: ([0-9A-F]+)\.\.([0-9A-F]+); (\w+)", line).groups()
        classes[int(first, 16):int(last, 16) + 1] = bytes([CLASS_NUMBER[value]]) * (int(last, 16) - int(first, 16) + 1)
    for line in lines:
        fields = data_fields(line)
        if fields:
            first, last = code_point_range(fields[0])
            classes[first:last + 1] = bytes([CLASS_NUMBER[fields[1]]]) * (last - first + 1)
    return classes


def check_against_unicode_data(classes, lines):
    """UnicodeData.txt's field 4 must agree with DerivedBidiClass.txt for every assigned code point."""
    range_start = None
    for line in lines:
        fields = line.split(";")
        code_point, name, bidi = int(fields[0], 16), fields[1], CLASS_NUMBER[fields[4]]
        if name.endswith(", First>"):
            range_start = code_point
            continue
        first = range_start if name.endswith(", Last>") else code_point
        range_start = None
        for cp in range(first, code_point + 1):
            if classes[cp] != bidi:
                sys.exit(f"generate_bidi.py: U+{cp:04X} is {CLASSES[classes[cp]][0]} in DerivedBidiClass.txt "
                         f"but {fields[4]} in UnicodeData.txt")


def canonical_singletons(lines):
    """Code points whose canonical decomposition is one other code point (U+2329 -> U+3008 and the like)."""
    singletons = {}
    for line in lines:
        fields = line.split(";")
        decomposition = fields[5].split()
        if len(decomposition) == 1 and not decomposition[0].startswith("<"):
            singletons[int(fields[0], 16)] = int(decomposition[0], 16)
    return singletons


def brackets(lines):
    """(code point, Bidi_Paired_Bracket, Bidi_Paired_Bracket_Type 1 open / 2 close), sorted by code point."""
    result = []
    for line in lines:
        fields = data_fields(line)
        if fields:
            kind = {"o": 1, "c": 2}.get(fields[2])
            if kind is None:
                sys.exit(f"generate_bidi.py: unexpected bracket type in BidiBrackets.txt: {line!r}")
            result.append((int(fields[0], 16), int(fields[1], 16), kind))
    return sorted(result)


def mirrors(lines):
    """(code point, Bidi_Mirroring_Glyph), sorted by code point."""
    return sorted((int(f[0], 16), int(f[1], 16)) for f in map(data_fields, lines) if f)


def two_level(classes):
    """The block size (as a shift) with the smallest index + blocks whose index still fits a byte, and its tables."""
    best = None
    for shift in range(4, 12):
        size = 1 << shift
        blocks, index = {}, []
        for start in range(0, len(classes), size):
            index.append(blocks.setdefault(bytes(classes[start:start + size]), len(blocks)))
        if len(blocks) > 256:
            continue
        total = len(index) + len(blocks) * size
        if best is None or total < best[0]:
            best = (total, shift, bytes(index), b"".join(blocks))
    return best[1], best[2], best[3]


def number_lines(values, per_line, indent="        "):
    return "\n".join(indent + ",".join(str(v) for v in values[i:i + per_line]) + ","
                     for i in range(0, len(values), per_line))


def hex_lines(values, per_line, indent="        "):
    return "\n".join(indent + ", ".join(f"0x{v:04X}" for v in values[i:i + per_line]) + ","
                     for i in range(0, len(values), per_line))


def span(kind, name, doc, body):
    return (f"    /// <summary>{doc}</summary>\n"
            f"    internal static ReadOnlySpan<{kind}> {name} => [\n{body}\n    ];\n")


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/unicode"
    output = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "BidiData.g.cs")

    names = ["DerivedBidiClass.txt", "BidiBrackets.txt", "BidiMirroring.txt"]
    texts = {name: read_lines(find_file(folder, name)) for name in names + ["UnicodeData.txt"]}
    versions = {version_of(texts[name], name) for name in names}
    if len(versions) != 1:
        sys.exit(f"generate_bidi.py: the files are of different Unicode versions: {sorted(versions)}")
    version = versions.pop()

    classes = bidi_classes(texts["DerivedBidiClass.txt"])
    check_against_unicode_data(classes, texts["UnicodeData.txt"])
    shift, index, blocks = two_level(classes)
    bracket_rows = brackets(texts["BidiBrackets.txt"])
    singletons = canonical_singletons(texts["UnicodeData.txt"])
    canonical = sorted((cp, singletons[cp]) for cp, _, _ in bracket_rows if cp in singletons)
    mirror_rows = mirrors(texts["BidiMirroring.txt"])
    if any(cp > 0xFFFF for row in bracket_rows + canonical + mirror_rows for cp in row[:2]):
        sys.exit("generate_bidi.py: a bracket or mirrored character outside the BMP; the ushort tables need widening")

    enum_members = "\n".join(f"    /// <summary>{long}.</summary>\n    {short}," for short, long in CLASSES)
    parts = [
        f"// Generated by {SCRIPT} from DerivedBidiClass.txt, BidiBrackets.txt, BidiMirroring.txt and UnicodeData.txt "
        f"of Unicode {version}. Do not edit by hand: run the script.\n",
        "namespace Blueprint.Rendering.Text.Unicode;\n\n",
        "/// <summary>The Bidi_Class property values (UAX #9, table 4), by their short aliases.</summary>\n",
        f"internal enum BidiClass : byte\n{{\n{enum_members}\n}}\n\n",
        "internal static partial class BidiData\n{\n",
        f"    /// <summary>The Unicode version of the tables.</summary>\n    internal const string UnicodeVersion = \"{version}\";\n\n",
        f"    /// <summary>Code points per block of <see cref=\"ClassBlocks\"/> are 1 &lt;&lt; BlockShift.</summary>\n"
        f"    internal const int BlockShift = {shift};\n\n",
        span("byte", "ClassIndex", f"For each block of {1 << shift} code points, its block's number in <see cref=\"ClassBlocks\"/>.",
             number_lines(index, 64)), "\n",
        span("byte", "ClassBlocks", "The distinct blocks: a <see cref=\"BidiClass\"/> per code point.",
             number_lines(blocks, 64)), "\n",
        span("ushort", "BracketCodePoints", "Code points with a Bidi_Paired_Bracket_Type other than None, ascending.",
             hex_lines([r[0] for r in bracket_rows], 12)), "\n",
        span("ushort", "PairedBrackets", "Their Bidi_Paired_Bracket.", hex_lines([r[1] for r in bracket_rows], 12)), "\n",
        span("byte", "BracketTypes", "Their Bidi_Paired_Bracket_Type: 1 open, 2 close.",
             number_lines([r[2] for r in bracket_rows], 64)), "\n",
        span("ushort", "CanonicalBracketsFrom", "Brackets with a singleton canonical decomposition, ascending (for N0).",
             hex_lines([r[0] for r in canonical], 12)), "\n",
        span("ushort", "CanonicalBracketsTo", "Their decompositions.", hex_lines([r[1] for r in canonical], 12)), "\n",
        span("ushort", "MirroredCodePoints", "Code points with a Bidi_Mirroring_Glyph, ascending.",
             hex_lines([r[0] for r in mirror_rows], 12)), "\n",
        span("ushort", "MirroringGlyphs", "Their Bidi_Mirroring_Glyph.", hex_lines([r[1] for r in mirror_rows], 12)),
        "}\n",
    ]
    with open(output, "w", encoding="utf-8", newline="\n") as f:
        f.write("".join(parts))
    print(f"generate_bidi.py: wrote {output} (Unicode {version}, {len(index)} + {len(blocks)} bytes of classes, "
          f"{len(bracket_rows)} brackets, {len(mirror_rows)} mirrors)")


if __name__ == "__main__":
    main()
