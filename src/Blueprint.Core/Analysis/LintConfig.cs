using Blueprint.Core.Diagnostics;
using Blueprint.Core.Reading;
using YamlDotNet.RepresentationModel;

namespace Blueprint.Core.Analysis;

/// <summary>
/// A lint configuration file (<c>.blueprintlint.yaml</c>): <c>rules:</c> maps a check id or name to
/// <c>off</c>, <c>info</c>, <c>warning</c> or <c>error</c>. Parsing is pure: text in, severities by check id and
/// diagnostics (with the config file's positions) out. Finding the file is the command line's business.
/// Mistakes are reported as the blueprint format's own are: BP001 when the YAML cannot be read, BP002 for a
/// key or check that does not exist (with did-you-mean), BP003 for a bad severity or a check that cannot be
/// configured. Every valid entry still applies.
/// </summary>
public sealed record LintConfig(IReadOnlyDictionary<string, Severity> Severities, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>File names looked for, in order of preference, in a blueprint's folder and then each parent.</summary>
    public static readonly IReadOnlyList<string> FileNames = [".blueprintlint.yaml", ".blueprintlint.yml"];

    public static readonly LintConfig Empty = new(new Dictionary<string, Severity>(), []);

    private static readonly IReadOnlyList<string> TopLevelKeys = ["rules"];
    private static readonly IReadOnlyList<string> SeverityWords = ["off", "info", "warning", "error"];

    public static LintConfig Parse(string file, string text)
    {
        var diagnostics = new List<Diagnostic>();
        var severities = new Dictionary<string, Severity>(StringComparer.Ordinal);
        var root = YamlReader.Parse(file, text, diagnostics);
        if (root is null || IsNull(root)) return new LintConfig(severities, diagnostics);
        if (root is not YamlMappingNode map)
        {
            diagnostics.Add(Descriptors.BadValue.At(Loc(file, root), "a lint configuration is a mapping such as `rules: { BP109: off, no-goal: error }`"));
            return new LintConfig(severities, diagnostics);
        }

        foreach (var (keyNode, value) in map.Children)
        {
            string key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (key != "rules")
            {
                string? nearKey = Suggest.Nearest(key, TopLevelKeys);
                diagnostics.Add(Descriptors.UnknownKey.At(Loc(file, keyNode),
                    $"unknown configuration key `{key}`{Suggest.DidYouMean(nearKey)} (a lint configuration has `rules:`)") with { Suggestion = nearKey });
                continue;
            }
            if (IsNull(value)) continue;
            if (value is not YamlMappingNode rules)
            {
                diagnostics.Add(Descriptors.BadValue.At(Loc(file, value), "`rules` takes a mapping of check id or name to off, info, warning or error, e.g. `{ BP109: off }`"));
                continue;
            }
            ReadRules(file, rules, severities, diagnostics);
        }
        return new LintConfig(severities, diagnostics);
    }

    private static void ReadRules(string file, YamlMappingNode rules, Dictionary<string, Severity> severities, List<Diagnostic> diagnostics)
    {
        var setAt = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var spellings = Descriptors.All.Where(d => d.IsConfigurable).SelectMany(d => new[] { d.Id, d.Name }).ToList();
        foreach (var (keyNode, value) in rules.Children)
        {
            string name = ((keyNode as YamlScalarNode)?.Value ?? "").Trim();
            var at = Loc(file, keyNode);
            if (Descriptors.Find(name) is not { } descriptor)
            {
                string? near = Suggest.Nearest(name, spellings);
                diagnostics.Add(Descriptors.UnknownKey.At(at, $"unknown check `{name}` in `rules`{Suggest.DidYouMean(near)}") with { Suggestion = near });
                continue;
            }
            if (!descriptor.IsConfigurable)
            {
                diagnostics.Add(Descriptors.BadValue.At(at,
                    $"{descriptor.Id} {descriptor.Name} is an error and cannot be configured: the file cannot be drawn as written; only lint checks (BP101-BP111) can"));
                continue;
            }
            string? level = value is YamlScalarNode s ? s.Value?.Trim() : null;
            if (level is null || !SeverityNames.TryParse(level, out var severity))
            {
                string shown = level is null or "" ? "nothing" : $"`{level}`";
                diagnostics.Add(Descriptors.BadValue.At(Loc(file, value),
                    $"{shown} is not a severity for {descriptor.Id}{Suggest.DidYouMean(level ?? "", SeverityWords)} (write off, info, warning or error)"));
                continue;
            }
            if (setAt.TryGetValue(descriptor.Id, out var first))
            {
                diagnostics.Add(Descriptors.BadValue.At(at, $"{descriptor.Id} {descriptor.Name} is already set at {first.Line}:{first.Column}; keep one of the two entries"));
                continue;
            }
            setAt[descriptor.Id] = at;
            severities[descriptor.Id] = severity;
        }
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any } s && (s.Value is null or "" or "~" or "null");

    private static SourceLocation Loc(string file, YamlNode node) => new(file, (int)node.Start.Line, (int)node.Start.Column);
}
