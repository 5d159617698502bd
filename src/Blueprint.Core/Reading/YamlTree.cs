using Blueprint.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Blueprint.Core.Reading;

/// <summary>A YAML value and the 1-based line and column where it starts: what the reader walks, whichever parser built it.</summary>
internal abstract record YamlValue(int Line, int Column)
{
    /// <summary>Set on a value that an alias (<c>*anchor</c>) repeats: the alias and where it is written.</summary>
    public YamlAliasUse? Alias { get; init; }
}

/// <summary>An alias <c>*Anchor</c> written at a 1-based line and column.</summary>
internal sealed record YamlAliasUse(string Anchor, int Line, int Column);

/// <summary>A scalar; <see cref="Plain"/> when it was written without quotes (only then can it mean null).</summary>
internal sealed record YamlText(int Line, int Column, string Value, bool Plain) : YamlValue(Line, Column);

internal sealed record YamlList(int Line, int Column, List<YamlValue> Items) : YamlValue(Line, Column);

internal sealed record YamlMap(int Line, int Column, List<KeyValuePair<YamlValue, YamlValue>> Entries) : YamlValue(Line, Column);

internal static class YamlTree
{
    /// <summary>Parses one YAML document, or reports BP001: the plain block style fast, anything else through YamlDotNet.</summary>
    public static YamlValue? Parse(string file, string text, List<Diagnostic> diagnostics) =>
        PlainYamlParser.TryParse(text) ?? ParseWithAliases(file, text, diagnostics);

    private static YamlValue? ParseWithAliases(string file, string text, List<Diagnostic> diagnostics)
    {
        var aliases = new List<(string Anchor, int Line, int Column)>();
        return YamlReader.Parse(file, text, diagnostics, aliases: aliases) is { } node ? From(node, aliases) : null;
    }

    /// <summary>The same tree from YamlDotNet's nodes; an alias is the very value of its anchor, as in YamlDotNet.</summary>
    /// <remarks>
    /// <paramref name="aliases"/> are the aliases in the order written: the walk meets an anchored node again exactly
    /// where an alias repeats it, in the same order, so each repeat is marked with its alias (the copy shares the
    /// original's children, so alias expansion stays as cheap as before).
    /// </remarks>
    public static YamlValue From(YamlNode root, IReadOnlyList<(string Anchor, int Line, int Column)>? aliases = null)
    {
        var done = new Dictionary<YamlNode, YamlValue>(ReferenceEqualityComparer.Instance);
        int nextAlias = 0;
        return Convert(root);

        YamlValue Convert(YamlNode node)
        {
            if (done.TryGetValue(node, out var seen))
            {
                if (aliases is null || nextAlias >= aliases.Count) return seen;
                var (anchor, aliasLine, aliasColumn) = aliases[nextAlias++];
                return seen with { Alias = new YamlAliasUse(anchor, aliasLine, aliasColumn) };
            }
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
