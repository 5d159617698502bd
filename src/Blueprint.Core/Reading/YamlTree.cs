using Blueprint.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Blueprint.Core.Reading;

/// <summary>A YAML value and the 1-based line and column where it starts: what the reader walks, whichever parser built it.</summary>
internal abstract record YamlValue(int Line, int Column);

/// <summary>A scalar; <see cref="Plain"/> when it was written without quotes (only then can it mean null).</summary>
internal sealed record YamlText(int Line, int Column, string Value, bool Plain) : YamlValue(Line, Column);

internal sealed record YamlList(int Line, int Column, List<YamlValue> Items) : YamlValue(Line, Column);

internal sealed record YamlMap(int Line, int Column, List<KeyValuePair<YamlValue, YamlValue>> Entries) : YamlValue(Line, Column);

internal static class YamlTree
{
    /// <summary>Parses one YAML document, or reports BP001: the plain block style fast, anything else through YamlDotNet.</summary>
    public static YamlValue? Parse(string file, string text, List<Diagnostic> diagnostics) =>
        PlainYamlParser.TryParse(text) ?? (YamlReader.Parse(file, text, diagnostics) is { } node ? From(node) : null);

    /// <summary>The same tree from YamlDotNet's nodes; an alias is the very value of its anchor, as in YamlDotNet.</summary>
    public static YamlValue From(YamlNode root)
    {
        var done = new Dictionary<YamlNode, YamlValue>(ReferenceEqualityComparer.Instance);
        return Convert(root);

        YamlValue Convert(YamlNode node)
        {
            if (done.TryGetValue(node, out var seen)) return seen;
            int line = (int)node.Start.Line, column = (int)node.Start.Column;
            switch (node)
            {
                case YamlMappingNode map:
                {
                    var entries = new List<KeyValuePair<YamlValue, YamlValue>>(map.Children.Count);
                    done[node] = new YamlMap(line, column, entries);
                    foreach (var (k, v) in map.Children) entries.Add(new(Convert(k), Convert(v)));
                    return done[node];
                }
                case YamlSequenceNode seq:
                {
                    var items = new List<YamlValue>(seq.Children.Count);
                    done[node] = new YamlList(line, column, items);
                    foreach (var item in seq.Children) items.Add(Convert(item));
                    return done[node];
                }
                default:
                    var scalar = node as YamlScalarNode;
                    return done[node] = new YamlText(line, column, scalar?.Value ?? "", scalar is { Style: ScalarStyle.Plain or ScalarStyle.Any });
            }
        }
    }
}
