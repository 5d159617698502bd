using System.Globalization;
using Blueprint.Core.Diagnostics;
using Blueprint.Core.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Blueprint.Core.Reading;

/// <summary>
/// Reads <c>*.blueprint.yaml</c> from a tree of YAML values that keeps every value's position (<see cref="YamlTree"/>:
/// the plain block style through a fast parser, anything else through YamlDotNet's representation model).
/// Never throws for a user's mistake: returns the model as far as it could be read plus every diagnostic.
/// </summary>
public sealed class YamlReader
{
    private readonly string file;
    private readonly List<Diagnostic> diagnostics = [];
    private List<Lane> lanes = [.. Lane.StandardLanes];
    /// <summary>Reading a Markdown file's front matter: no `scenes`, and the title may come from the `#` heading.</summary>
    private bool frontMatter;

    private YamlReader(string file) => this.file = file;

    public static ReadResult Read(string file, string text)
    {
        var reader = new YamlReader(file);
        var document = reader.ReadDocument(text);
        return new ReadResult(document, reader.diagnostics);
    }

    /// <summary>
    /// Reads a Markdown file's front matter with the same top-level handling as a YAML file (every key but `scenes`).
    /// <paramref name="yaml"/> is padded with blank lines so its line numbers are the Markdown file's.
    /// Returns null when the front matter is not a mapping (reported) or empty.
    /// </summary>
    internal static BlueprintDocument? ReadFrontMatter(string file, string yaml, List<Diagnostic> diagnostics)
    {
        var reader = new YamlReader(file) { frontMatter = true };
        var document = reader.ReadDocument(yaml);
        diagnostics.AddRange(reader.diagnostics);
        return document;
    }

    /// <summary>Parses one YAML document into nodes, or reports BP001. Shared with the Markdown front matter.</summary>
    internal static YamlNode? Parse(string file, string text, List<Diagnostic> diagnostics, int lineOffset = 0, List<(string Anchor, int Line, int Column)>? aliases = null)
    {
        try
        {
            // One pass: the guard checks the limits on the events as the node builder reads them.
            var stream = new YamlStream();
            stream.Load(new GuardedParser(new Parser(new StringReader(text)), file, lineOffset, aliases));
            if (stream.Documents.Count == 0) return null;
            return stream.Documents[0].RootNode;
        }
        catch (LimitExceeded e)
        {
            diagnostics.Add(e.Diagnostic);
            return null;
        }
        catch (YamlException e)
        {
            string message = e.InnerException is { } inner && e.Message.Contains("see inner", StringComparison.OrdinalIgnoreCase) ? inner.Message : e.Message;
            if (message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase) || e.InnerException is ArgumentException)
                message = "a key appears twice in the same mapping; remove or rename one of them";
            string hint = message.Contains("mapping", StringComparison.OrdinalIgnoreCase) && !message.Contains("appears twice", StringComparison.Ordinal)
                ? "; text that contains `: ` must be put in quotes"
                : "";
            diagnostics.Add(Descriptors.Syntax.At(new SourceLocation(file, (int)e.Start.Line + lineOffset, (int)e.Start.Column), $"YAML: {Clean(message)}{hint}"));
            return null;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            diagnostics.Add(Descriptors.Syntax.At(new SourceLocation(file, 1 + lineOffset, 1), $"YAML: {Clean(e.Message)}"));
            return null;
        }
    }

    private static string Clean(string message)
    {
        int paren = message.IndexOf("(Line:", StringComparison.Ordinal);
        if (paren > 0) message = message[..paren];
        return message.Trim().TrimEnd('.');
    }

    private sealed class LimitExceeded(Diagnostic diagnostic) : Exception(diagnostic.Message)
    {
        public Diagnostic Diagnostic { get; } = diagnostic;
    }

    /// <summary>
    /// Watches the event stream while the nodes are built: rejects more than one document, nesting deeper than
    /// <see cref="Limits.MaxDepth"/> and aliases that add more than <see cref="Limits.MaxAliasValues"/> values (alias bombs).
    /// </summary>
    private sealed class GuardedParser(IParser inner, string file, int lineOffset, List<(string Anchor, int Line, int Column)>? aliases) : IParser
    {
        /// <summary>Each anchor's value counted with its aliases expanded: what one more alias to it adds.</summary>
        private readonly Dictionary<string, long> sizes = new(StringComparer.Ordinal);
        /// <summary>The open collections: their anchor and their values so far, aliases expanded.</summary>
        private readonly Stack<(string? Anchor, long Values)> stack = new();
        private long added;
        private int documents;

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            if (!inner.MoveNext()) return false;
            Check(inner.Current!);
            return true;
        }

        private SourceLocation Loc(ParsingEvent e) => new(file, (int)e.Start.Line + lineOffset, (int)e.Start.Column);

        private void Check(ParsingEvent ev)
        {
            switch (ev)
            {
                case DocumentStart ds when !ds.IsImplicit || documents > 0:
                    documents++;
                    if (documents > 1)
                        throw new LimitExceeded(Descriptors.Syntax.At(Loc(ev), "the file holds more than one YAML document; a blueprint file holds exactly one (remove the second `---`)"));
                    break;
                case DocumentStart:
                    documents++;
                    break;
                case MappingStart or SequenceStart:
                    if (stack.Count >= Limits.MaxDepth)
                        throw new LimitExceeded(Descriptors.Syntax.At(Loc(ev), $"YAML nested deeper than {Limits.MaxDepth} levels; a blueprint needs only a few"));
                    stack.Push((((NodeEvent)ev).Anchor.IsEmpty ? null : ((NodeEvent)ev).Anchor.Value, 1));
                    break;
                case MappingEnd or SequenceEnd:
                {
                    var (anchor, values) = stack.Pop();
                    if (anchor is not null) sizes[anchor] = values;
                    AddToParent(values);
                    break;
                }
                case Scalar s:
                    if (!s.Anchor.IsEmpty) sizes[s.Anchor.Value] = 1;
                    AddToParent(1);
                    break;
                case AnchorAlias a:
                    aliases?.Add((a.Value.Value, (int)a.Start.Line + lineOffset, (int)a.Start.Column));
                    long size = sizes.GetValueOrDefault(a.Value.Value, 1);
                    added += size;
                    if (added > Limits.MaxAliasValues)
                        throw new LimitExceeded(Descriptors.Syntax.At(Loc(ev),
                            $"YAML aliases add more than {Limits.MaxAliasValues:N0} values to the file (an alias bomb?); use fewer aliases, or aliases of smaller values"));
                    AddToParent(size);
                    break;
            }
        }

        private void AddToParent(long values)
        {
            if (stack.Count == 0) return;
            var (anchor, v) = stack.Pop();
            stack.Push((anchor, v + values));
        }
    }

    private SourceLocation Loc(YamlValue node) => new(file, node.Line, node.Column);

    private void Report(DiagnosticDescriptor descriptor, YamlValue node, string message, string? suggestion = null) =>
        diagnostics.Add(descriptor.At(Loc(node), message) with { Suggestion = suggestion });

    private BlueprintDocument? ReadDocument(string text)
    {
        var root = YamlTree.Parse(file, text, diagnostics);
        if (frontMatter && (root is null || IsNull(root))) return null;
        if (root is null)
        {
            if (diagnostics.Count == 0)
                diagnostics.Add(Descriptors.Empty.At(SourceLocation.StartOf(file),
                    "the file is empty; start with `blueprint: <title>` and a list of `scenes:` (or run `blueprint init`)"));
            return null;
        }
        if (IsNull(root))
        {
            diagnostics.Add(Descriptors.Empty.At(Loc(root), "the file is empty; start with `blueprint: <title>` and a list of `scenes:` (or run `blueprint init`)"));
            return null;
        }
        if (root is not YamlMap map)
        {
            Report(Descriptors.BadValue, root, $"a blueprint file is a mapping of keys (`blueprint:`, `scenes:` ...), not {Describe(root)}");
            return null;
        }

        // Lanes first: step keys for custom lanes depend on them.
        var lanesNode = Find(map, "lanes");
        if (lanesNode is not null) lanes = ReadLanes(lanesNode);

        string? title = null;
        var doc = new BlueprintDocument { Title = "", Location = Loc(root), LanesDeclared = lanesNode is not null && lanes.Count > 0, Lanes = lanes };
        foreach (var (keyNode, value) in map.Entries)
        {
            string key = KeyOf(keyNode);
            switch (key)
            {
                case "blueprint": title = Text(value, key); break;
                case "goal": doc = doc with { Goal = Text(value, key) }; break;
                case "scenario": doc = doc with { Scenario = Text(value, key) }; break;
                case "persona": doc = doc with { Persona = Text(value, key) }; break;
                case "owner": doc = doc with { Owner = Text(value, key) }; break;
                case "version": doc = doc with { Version = Text(value, key) }; break;
                case "updated": doc = doc with { Updated = Text(value, key) }; break;
                case "lang": doc = doc with { Lang = Language(value) }; break;
                case "tags": doc = doc with { Tags = TextList(value, key) }; break;
                case "journey": doc = doc with { Journey = Bool(value, key) ?? true }; break;
                case "lint": doc = doc with { LintDisable = ReadLint(value) }; break;
                case "lanes": break;
                case "scenes" when frontMatter:
                    Report(Descriptors.UnknownKey, keyNode, "`scenes` cannot be in front matter; write each scene as a `## Scene` heading with `### Step` headings under it");
                    break;
                case "scenes": doc = doc with { Scenes = ReadScenes(value) }; break;
                default: UnknownKey(keyNode, key, Keys.Document, "top-level key"); break;
            }
        }

        if (title is null && !frontMatter)
        {
            if (Find(map, "blueprint") is null)
                diagnostics.Add(Descriptors.BadValue.At(Loc(root), "missing `blueprint:`, the blueprint's title; add `blueprint: <title>` at the top"));
        }
        return doc with { Title = title ?? "" };
    }

    private static YamlValue? Find(YamlMap map, string key)
    {
        foreach (var (k, v) in map.Entries)
            if (k is YamlText s && s.Value == key) return v;
        return null;
    }

    private static string KeyOf(YamlValue keyNode) => keyNode is YamlText s ? s.Value : "";

    private void UnknownKey(YamlValue keyNode, string key, IEnumerable<string> allowed, string what)
    {
        if (keyNode is not YamlText)
        {
            Report(Descriptors.UnknownKey, keyNode, $"a {what} must be a plain word, not {Describe(keyNode)}");
            return;
        }
        var list = allowed.ToList();
        string? near = Suggest.Nearest(key, list);
        if (near is null && list.Contains("blueprint") && Suggest.Nearest(key, ["title", "name"]) is not null)
            near = "blueprint";
        Report(Descriptors.UnknownKey, keyNode, near is not null
            ? $"unknown {what} `{key}`; did you mean `{near}`?"
            : $"unknown {what} `{key}`; expected one of: {string.Join(", ", list)}", near);
    }

    // ---- scalars ---------------------------------------------------------------------------------------

    private static bool IsNull(YamlValue node) =>
        node is YamlText { Plain: true, Value: "" or "~" or "null" or "Null" or "NULL" };

    private static string Describe(YamlValue node) => node switch
    {
        YamlMap => "a mapping",
        YamlList => "a list",
        _ when IsNull(node) => "nothing",
        _ => "a single value",
    };

    /// <summary>A non-empty text value, or null with BP003.</summary>
    private string? Text(YamlValue node, string key)
    {
        if (node is not YamlText s)
        {
            Report(Descriptors.BadValue, node, $"`{key}` takes text, not {Describe(node)}");
            return null;
        }
        if (IsNull(node) || string.IsNullOrWhiteSpace(s.Value))
        {
            Report(Descriptors.BadValue, node, $"`{key}` is empty; write its text or remove the key");
            return null;
        }
        return s.Value!.Trim();
    }

    private IReadOnlyList<string> TextList(YamlValue node, string key)
    {
        if (node is YamlText) return Text(node, key) is { } one ? [one] : [];
        if (node is not YamlList seq)
        {
            Report(Descriptors.BadValue, node, $"`{key}` takes text or a list of texts, not {Describe(node)}");
            return [];
        }
        return seq.Items.Select(c => Text(c, key)).OfType<string>().ToList();
    }

    private bool? Bool(YamlValue node, string key)
    {
        if (node is YamlText { Value: { } v })
        {
            if (v.Equals("true", StringComparison.OrdinalIgnoreCase)) return true;
            if (v.Equals("false", StringComparison.OrdinalIgnoreCase)) return false;
        }
        Report(Descriptors.BadValue, node, $"`{key}` takes `true` or `false`");
        return null;
    }

    /// <summary>A supported language tag, or null with BP003 naming the supported ones.</summary>
    private string? Language(YamlValue node)
    {
        if (Text(node, "lang") is not { } text) return null;
        string? tag = Languages.Parse(text, out string? problem);
        if (problem is not null) Report(Descriptors.BadValue, node, problem);
        return tag;
    }

    // ---- lanes and lint ----------------------------------------------------------------------------------

    private List<Lane> ReadLanes(YamlValue node)
    {
        if (node is not YamlList seq)
        {
            Report(Descriptors.BadValue, node, "`lanes` takes a list of lane ids or `{ id, name, color }` mappings");
            return [.. Lane.StandardLanes];
        }
        var result = new List<Lane>();
        foreach (var entry in seq.Items)
        {
            Lane? lane = entry switch
            {
                YamlText s when !IsNull(s) => StandardLaneEntry(s),
                YamlMap m => LaneMapping(m),
                _ => BadLaneEntry(entry),
            };
            if (lane is null) continue;
            if (result.Any(l => l.Id == lane.Id))
            {
                Report(Descriptors.BadValue, entry, $"lane `{lane.Id}` is listed twice in `lanes`; remove one");
                continue;
            }
            result.Add(lane);
        }
        if (result.Count == 0 && seq.Items.Count == 0)
            Report(Descriptors.BadValue, node, "`lanes` is empty; list the lanes to show or remove the key");
        return result;
    }

    private Lane? BadLaneEntry(YamlValue entry)
    {
        Report(Descriptors.BadValue, entry, "a `lanes` entry is a lane id or a `{ id, name, color }` mapping");
        return null;
    }

    private Lane? StandardLaneEntry(YamlText s)
    {
        string name = s.Value!.Trim();
        if (Lane.StandardIdFor(name) is { } id) return new Lane(id, Lane.DefaultName(id)) { Location = Loc(s) };
        string hint = Suggest.Nearest(name, Lane.StandardIds) is { } near
            ? $"did you mean `{near}`? To add a lane of your own"
            : $"the standard lanes are {string.Join(", ", Lane.StandardIds)}; to add a lane of your own";
        Report(Descriptors.UnknownLane, s, $"`{name}` is not a standard lane; {hint} write `{{ id: {Slug.From(name)}, name: {name} }}`");
        return null;
    }

    private Lane? LaneMapping(YamlMap m)
    {
        string? id = null, name = null, color = null;
        foreach (var (k, v) in m.Entries)
        {
            string key = KeyOf(k);
            switch (key)
            {
                case "id": id = Text(v, "id"); break;
                case "name": name = Text(v, "name"); break;
                case "color": color = Color(v); break;
                default: UnknownKey(k, key, Keys.LaneEntry, "lane key"); break;
            }
        }
        if (id is null)
        {
            if (Find(m, "id") is null) Report(Descriptors.BadValue, m, "a lane mapping needs an `id`");
            return null;
        }
        string laneId = Lane.StandardIdFor(id) ?? id;
        return new Lane(laneId, name ?? Lane.DefaultName(laneId), color) { Location = Loc(m) };
    }

    private string? Color(YamlValue node)
    {
        var text = Text(node, "color");
        if (text is null) return null;
        if (System.Text.RegularExpressions.Regex.IsMatch(text, "^#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$")) return text.ToLowerInvariant();
        Report(Descriptors.BadValue, node, $"`{text}` is not a colour; write it as `#rrggbb`, e.g. `#ffd966`");
        return null;
    }

    private IReadOnlyList<string> ReadLint(YamlValue node)
    {
        if (node is not YamlMap m)
        {
            Report(Descriptors.BadValue, node, "`lint` takes a mapping such as `{ disable: [BP101] }`");
            return [];
        }
        var disabled = new List<string>();
        foreach (var (k, v) in m.Entries)
        {
            string key = KeyOf(k);
            if (key != "disable") { UnknownKey(k, key, Keys.Lint, "`lint` key"); continue; }
            var entries = v is YamlList seq ? seq.Items : [v];
            foreach (var entry in entries)
            {
                var name = Text(entry, "disable");
                if (name is null) continue;
                if (Descriptors.Find(name) is null)
                {
                    Report(Descriptors.BadValue, entry, $"`{name}` is not a check id or name{Suggest.DidYouMean(name, Descriptors.All.SelectMany(d => new[] { d.Id, d.Name }))}");
                    continue;
                }
                if (Descriptors.Find(name) is { IsConfigurable: false } error)
                {
                    Report(Descriptors.BadValue, entry, $"{error.Id} {error.Name} is an error and cannot be disabled: the file cannot be drawn as written; fix the finding instead");
                    continue;
                }
                disabled.Add(name);
            }
        }
        return disabled;
    }

    // ---- scenes, steps, cards ----------------------------------------------------------------------------

    private IReadOnlyList<Scene> ReadScenes(YamlValue node)
    {
        if (node is not YamlList seq)
        {
            if (IsNull(node)) return [];
            Report(Descriptors.BadValue, node, "`scenes` takes a list of scenes (`- scene: <name>`)");
            return [];
        }
        var scenes = new List<Scene>();
        foreach (var entry in seq.Items)
        {
            if (entry is not YamlMap m)
            {
                Report(Descriptors.BadValue, entry, $"a scene is a mapping with `scene:` and `steps:`, not {Describe(entry)}");
                continue;
            }
            if (ReadScene(m) is { } scene) scenes.Add(scene);
        }
        return scenes;
    }

    private Scene? ReadScene(YamlMap m)
    {
        string? name = null, id = null;
        YamlValue? idNode = null;
        IReadOnlyList<Step> steps = [];
        foreach (var (k, v) in m.Entries)
        {
            string key = KeyOf(k);
            switch (key)
            {
                case "scene": name = Text(v, key); break;
                case "id": id = Id(v); idNode = v; break;
                case "steps": steps = ReadSteps(v); break;
                default: UnknownKey(k, key, Keys.Scene, "scene key"); break;
            }
        }
        if (name is null)
        {
            if (Find(m, "scene") is null) Report(Descriptors.BadValue, m, "a scene needs a name: add `scene: <name>`");
            return null;
        }
        string sceneId = id ?? Slug.From(name);
        return new Scene
        {
            Id = sceneId, Name = name, IdExplicit = id is not null, Steps = steps,
            Location = Loc(m), IdLocation = idNode is not null ? Loc(idNode) : Loc(Find(m, "scene")!),
        };
    }

    private string? Id(YamlValue node)
    {
        var text = Text(node, "id");
        if (text is null) return null;
        if (text.Any(char.IsWhiteSpace))
        {
            Report(Descriptors.BadValue, node, $"id `{text}` contains spaces; use letters, digits and dashes, e.g. `{Slug.From(text)}`");
            return null;
        }
        return text;
    }

    private IReadOnlyList<Step> ReadSteps(YamlValue node)
    {
        if (IsNull(node)) return [];
        if (node is not YamlList seq)
        {
            Report(Descriptors.BadValue, node, "`steps` takes a list of steps (`- step: <name>`)");
            return [];
        }
        var steps = new List<Step>();
        foreach (var entry in seq.Items)
        {
            if (entry is not YamlMap m)
            {
                Report(Descriptors.BadValue, entry, $"a step is a mapping with `step:` and lane keys, not {Describe(entry)}");
                continue;
            }
            if (ReadStep(m) is { } step) steps.Add(step);
        }
        return steps;
    }

    /// <summary>The lane id a step key names: a standard id or alias, or a custom lane declared in <c>lanes:</c>.</summary>
    private string? LaneFor(string key)
    {
        var custom = lanes.FirstOrDefault(l => !l.IsStandard && string.Equals(l.Id, key, StringComparison.OrdinalIgnoreCase));
        return custom?.Id ?? Lane.StandardIdFor(key);
    }

    private IEnumerable<string> StepKeySpellings =>
        Keys.Step.Concat(Lane.StandardIds).Concat(lanes.Where(l => !l.IsStandard).Select(l => l.Id)).Distinct();

    private Step? ReadStep(YamlMap m)
    {
        string? name = null, id = null;
        YamlValue? idNode = null;
        var step = new Step
        {
            Id = "", Name = "", Location = Loc(m),
            CopiedByAlias = m.Alias is { } alias ? new AliasCopy(alias.Anchor, new SourceLocation(file, alias.Line, alias.Column)) : null,
        };
        var cards = new List<Card>();
        foreach (var (k, v) in m.Entries)
        {
            string key = KeyOf(k);
            switch (key)
            {
                case "step": name = Text(v, key); break;
                case "id": id = Id(v); idNode = v; break;
                case "duration": step = step with { Duration = Duration(v) }; break;
                case "fail": step = step with { Fail = Text(v, key) }; break;
                case "wait": step = step with { Wait = Text(v, key) }; break;
                case "pain": step = step with { Pain = Text(v, key) }; break;
                case "emotion": step = step with { Emotion = Emotion(v) }; break;
                case "metrics": step = step with { Metrics = TextList(v, key) }; break;
                case "policy": step = step with { Policy = Text(v, key) }; break;
                case "note": step = step with { Note = Text(v, key) }; break;
                case "url": step = step with { Url = Text(v, key) }; break;
                default:
                    if (k is YamlText && LaneFor(key) is { } laneId) cards.AddRange(ReadCards(v, laneId, key));
                    else if (key == "to")
                        Report(Descriptors.UnknownKey, k, "`to` belongs on a card, not a step: arrows start from cards; write the card as a mapping with `text:` and `to:`, e.g. `backstage: { text: Looks the booking up, to: [seat] }`");
                    else UnknownKey(k, key, StepKeySpellings, "step key");
                    break;
            }
        }
        if (name is null)
        {
            if (Find(m, "step") is null) Report(Descriptors.BadValue, m, "a step needs a name: add `step: <name>`");
            return null;
        }
        return step with
        {
            Id = id ?? Slug.From(name), Name = name, IdExplicit = id is not null, Cards = cards,
            IdLocation = idNode is not null ? Loc(idNode) : Loc(Find(m, "step")!),
        };
    }

    private TimeSpan? Duration(YamlValue node)
    {
        var text = Text(node, "duration");
        if (text is null) return null;
        if (Durations.TryParse(text, out var d)) return d;
        Report(Descriptors.BadValue, node, Durations.Problem(text));
        return null;
    }

    private int? Emotion(YamlValue node)
    {
        if (node is YamlText { Value: { } v } && int.TryParse(v.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int n)
            && n is >= Keys.MinEmotion and <= Keys.MaxEmotion)
            return n;
        string shown = node is YamlText s ? $"`{s.Value}`" : Describe(node);
        Report(Descriptors.BadValue, node, Keys.EmotionProblem(shown, node is YamlText { Value: { } text } ? text : null));
        return null;
    }

    private IEnumerable<Card> ReadCards(YamlValue node, string laneId, string key)
    {
        if (node is YamlList seq)
        {
            if (seq.Items.Count == 0) Report(Descriptors.BadValue, node, $"`{key}` has an empty list; write a card or remove the key");
            foreach (var entry in seq.Items)
            {
                if (entry is YamlList)
                {
                    Report(Descriptors.BadValue, entry, $"a card in `{key}` is text or a mapping with `text:`, not a list");
                    continue;
                }
                if (ReadCard(entry, laneId, key) is { } card) yield return card;
            }
        }
        else if (ReadCard(node, laneId, key) is { } card) yield return card;
    }

    private Card? ReadCard(YamlValue node, string laneId, string key)
    {
        if (node is YamlText)
        {
            return Text(node, key) is { } only ? new Card { LaneId = laneId, Text = only, Location = Loc(node), IdLocation = Loc(node) } : null;
        }
        var m = (YamlMap)node;
        string? text = null, id = null, fail = null, wait = null, pain = null, note = null, owner = null, url = null;
        IReadOnlyList<Arrow> arrows = [];
        YamlValue? idNode = null;
        foreach (var (k, v) in m.Entries)
        {
            string ck = KeyOf(k);
            switch (ck)
            {
                case "text": text = Text(v, "text"); break;
                case "id": id = Id(v); idNode = v; break;
                case "to": arrows = ReadArrows(v); break;
                case "fail": fail = Text(v, ck); break;
                case "wait": wait = Text(v, ck); break;
                case "pain": pain = Text(v, ck); break;
                case "note": note = Text(v, ck); break;
                case "owner": owner = Text(v, ck); break;
                case "url": url = Text(v, ck); break;
                default: UnknownKey(k, ck, Keys.Card, "card key"); break;
            }
        }
        if (text is null)
        {
            if (Find(m, "text") is null) Report(Descriptors.BadValue, m, $"a card in `{key}` needs `text:`");
            return null;
        }
        return new Card
        {
            LaneId = laneId, Text = text, Id = id, Arrows = arrows, Fail = fail, Wait = wait, Pain = pain, Note = note, Owner = owner, Url = url,
            Location = Loc(m), IdLocation = idNode is not null ? Loc(idNode) : Loc(m),
        };
    }

    private IReadOnlyList<Arrow> ReadArrows(YamlValue node)
    {
        var entries = node is YamlList seq ? seq.Items : [node];
        var arrows = new List<Arrow>();
        foreach (var entry in entries)
        {
            switch (entry)
            {
                case YamlText when Text(entry, "to") is { } reference:
                    arrows.Add(new Arrow { Ref = reference, Location = Loc(entry) });
                    break;
                case YamlMap m:
                    if (ReadArrowMapping(m) is { } arrow) arrows.Add(arrow);
                    break;
                case YamlList:
                    Report(Descriptors.BadValue, entry, "an entry of `to` is a reference or `{ ref, label, loop }`, not a list");
                    break;
            }
        }
        return arrows;
    }

    private Arrow? ReadArrowMapping(YamlMap m)
    {
        string? reference = null, label = null;
        bool loop = false;
        YamlValue? refNode = null;
        foreach (var (k, v) in m.Entries)
        {
            string key = KeyOf(k);
            switch (key)
            {
                case "ref": reference = Text(v, key); refNode = v; break;
                case "label": label = Text(v, key); break;
                case "loop": loop = Bool(v, key) ?? false; break;
                default: UnknownKey(k, key, Keys.ArrowEntry, "arrow key"); break;
            }
        }
        if (reference is null)
        {
            if (refNode is null) Report(Descriptors.BadValue, m, "an arrow mapping needs `ref:` naming a step, `step.lane` or card id");
            return null;
        }
        return new Arrow { Ref = reference, Label = label, Loop = loop, Location = Loc(refNode!) };
    }
}
