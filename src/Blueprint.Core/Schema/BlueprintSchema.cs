using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Blueprint.Core.Diagnostics;
using Blueprint.Core.Model;

namespace Blueprint.Core.Schema;

/// <summary>
/// The JSON Schema (draft 2020-12) of the YAML format, built from the same key lists, lane aliases, check names
/// and value rules the reader uses, so editors validate what the reader accepts.
/// <para>
/// Trade-offs, because a schema sees YAML as JSON values rather than as the reader's scalar text:
/// steps are closed (unknown keys rejected) unless <c>lanes:</c> declares a custom lane; then any extra step key
/// taking card values is allowed, since a schema cannot refer to the ids declared in the same file (the reader
/// still rejects keys that are not declared lanes). Duplicate lanes, duplicate ids, references and the
/// 100,000,000 cap on a duration's numbers are checks, not shapes, and are left to the tool. A number written
/// as <c>1.0</c> or <c>0x1</c> reaches the schema as an integer, where the reader wants the digits.
/// </para>
/// </summary>
public static class BlueprintSchema
{
    public const string Draft = "https://json-schema.org/draft/2020-12/schema";

    /// <summary>The schema as indented JSON with a final newline; byte-stable.</summary>
    public static string Json()
    {
        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        return Build().ToJsonString(options).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static JsonObject Ref(string name) => new() { ["$ref"] = $"#/$defs/{name}" };

    private static JsonObject Described(JsonObject schema, string description)
    {
        schema["description"] = description;
        return schema;
    }

    private static JsonArray Array(params JsonNode[] items) => new(items);

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray());

    private static JsonObject Build()
    {
        string laneSpelling = AnyOf(Lane.StandardSpellings.Order(StringComparer.Ordinal), spacesFold: true);
        var checkSpellings = Descriptors.All.Where(d => d.IsConfigurable).SelectMany(d => new[] { d.Id, d.Name }).ToList();
        var laneKeys = Lane.StandardIds;

        var defs = new JsonObject
        {
            ["text"] = Described(new JsonObject
            {
                ["anyOf"] = Array(
                    new JsonObject { ["type"] = "string", ["pattern"] = @"\S" },
                    new JsonObject { ["type"] = "number" },
                    new JsonObject { ["type"] = "boolean" }),
            }, "Text (not empty)"),
            ["textList"] = new JsonObject
            {
                ["anyOf"] = Array(Ref("text"), new JsonObject { ["type"] = "array", ["items"] = Ref("text") }),
            },
            ["id"] = Described(new JsonObject
            {
                ["anyOf"] = Array(
                    new JsonObject { ["type"] = "string", ["pattern"] = @"^\s*\S+\s*$" },
                    new JsonObject { ["type"] = "number" },
                    new JsonObject { ["type"] = "boolean" }),
            }, "An id: letters, digits and dashes, no spaces (one namespace per file for scenes, steps and cards)"),
            ["bool"] = new JsonObject
            {
                ["anyOf"] = Array(
                    new JsonObject { ["type"] = "boolean" },
                    new JsonObject { ["type"] = "string", ["pattern"] = $"^(?:{CaseInsensitive("true")}|{CaseInsensitive("false")})$" }),
            },
            ["duration"] = Described(new JsonObject
            {
                ["type"] = "string",
                ["pattern"] = DurationPattern(),
            }, "A duration: a number with a unit, largest first, e.g. 30s, 2m, 1h30m or 2d"),
            ["emotion"] = Described(new JsonObject
            {
                ["anyOf"] = Array(
                    new JsonObject { ["type"] = "integer", ["minimum"] = Keys.MinEmotion, ["maximum"] = Keys.MaxEmotion },
                    new JsonObject { ["type"] = "string", ["pattern"] = @"^\s*[+-]?0*[0-2]\s*$" }),
            }, "The customer's emotion, -2 (very negative) to 2 (very positive)"),
            ["color"] = Described(new JsonObject
            {
                ["type"] = "string",
                ["pattern"] = @"^\s*#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3})\s*$",
            }, "A colour as #rrggbb (quote it: # starts a YAML comment)"),
            ["standardLane"] = Described(new JsonObject
            {
                ["anyOf"] = Array(
                    new JsonObject { ["enum"] = Strings(laneKeys) },
                    new JsonObject { ["type"] = "string", ["pattern"] = laneSpelling }),
            }, "A standard lane id or alias (case-insensitive)"),
            ["laneEntry"] = new JsonObject
            {
                ["anyOf"] = Array(
                    Ref("standardLane"),
                    Described(new JsonObject
                    {
                        ["type"] = "object",
                        ["required"] = Strings(["id"]),
                        ["properties"] = new JsonObject
                        {
                            ["id"] = Described(Ref("text"), Keys.Meaning(KeyLevel.LaneEntry, "id")!),
                            ["name"] = Described(Ref("text"), Keys.Meaning(KeyLevel.LaneEntry, "name")!),
                            ["color"] = Ref("color"),
                        },
                        ["additionalProperties"] = false,
                    }, "A lane renamed or recoloured, or a custom lane (steps then use its id as a key)")),
            },
            ["customLane"] = new JsonObject
            {
                ["type"] = "object",
                ["required"] = Strings(["id"]),
                ["properties"] = new JsonObject { ["id"] = new JsonObject { ["not"] = new JsonObject { ["type"] = "string", ["pattern"] = laneSpelling } } },
            },
            ["arrow"] = new JsonObject
            {
                ["anyOf"] = Array(
                    Described(Ref("text"), "A reference: step-id, step-id.lane or card-id"),
                    new JsonObject
                    {
                        ["type"] = "object",
                        ["required"] = Strings(["ref"]),
                        ["properties"] = new JsonObject
                        {
                            ["ref"] = Described(Ref("text"), Keys.Meaning(KeyLevel.Arrow, "ref")!),
                            ["label"] = Described(Ref("text"), Keys.Meaning(KeyLevel.Arrow, "label")!),
                            ["loop"] = Described(Ref("bool"), Keys.Meaning(KeyLevel.Arrow, "loop")!),
                        },
                        ["additionalProperties"] = false,
                    }),
            },
            ["arrows"] = Described(new JsonObject
            {
                ["anyOf"] = Array(Ref("arrow"), new JsonObject { ["type"] = "array", ["items"] = Ref("arrow") }),
            }, "Arrows from this card"),
            ["card"] = new JsonObject
            {
                ["anyOf"] = Array(
                    Described(Ref("text"), "The card's text"),
                    new JsonObject
                    {
                        ["type"] = "object",
                        ["required"] = Strings(["text"]),
                        ["properties"] = CardProperties(),
                        ["additionalProperties"] = false,
                    }),
            },
            ["cards"] = Described(new JsonObject
            {
                ["anyOf"] = Array(Ref("card"), new JsonObject { ["type"] = "array", ["minItems"] = 1, ["items"] = Ref("card") }),
            }, "A card, or a list of cards stacked in one cell"),
            ["step"] = new JsonObject
            {
                ["type"] = "object",
                ["required"] = Strings(["step"]),
                ["properties"] = StepProperties(),
                // Other spellings of the standard lanes (aliases, any case); the exact ids are in properties.
                ["patternProperties"] = new JsonObject { [$"^(?!(?:{string.Join('|', laneKeys)})$)" + laneSpelling[1..]] = Ref("cards") },
                ["additionalProperties"] = Described(Ref("cards"), "A custom lane declared in `lanes:`"),
            },
            ["stepKey"] = new JsonObject
            {
                ["anyOf"] = Array(
                    new JsonObject { ["enum"] = Strings(Keys.Step) },
                    new JsonObject { ["pattern"] = laneSpelling }),
            },
            ["scene"] = new JsonObject
            {
                ["type"] = "object",
                ["required"] = Strings(["scene"]),
                ["properties"] = new JsonObject
                {
                    ["scene"] = Described(Ref("text"), Keys.Meaning(KeyLevel.Scene, "scene")!),
                    ["id"] = Described(Ref("id"), Keys.Meaning(KeyLevel.Scene, "id")!),
                    ["steps"] = new JsonObject
                    {
                        ["anyOf"] = Array(new JsonObject { ["type"] = "null" }, new JsonObject { ["type"] = "array", ["items"] = Ref("step") }),
                    },
                },
                ["additionalProperties"] = false,
            },
            ["checkName"] = Described(new JsonObject
            {
                ["anyOf"] = Array(
                    new JsonObject { ["enum"] = Strings(checkSpellings) },
                    new JsonObject { ["type"] = "string", ["pattern"] = AnyOf(checkSpellings, spacesFold: false) }),
            }, "A lint check id (BP101) or name (missing-layer)"),
        };

        var root = new JsonObject
        {
            ["$schema"] = Draft,
            ["title"] = "Service blueprint (*.blueprint.yaml)",
            ["description"] = "A service blueprint: one scenario as scenes of steps, each step with cards in lanes.",
            ["type"] = "object",
            ["required"] = Strings(["blueprint"]),
            ["properties"] = new JsonObject
            {
                ["blueprint"] = Described(Ref("text"), Keys.Meaning(KeyLevel.Document, "blueprint")!),
                ["goal"] = Described(Ref("text"), Keys.Meaning(KeyLevel.Document, "goal")!),
                ["scenario"] = Described(Ref("text"), Keys.Meaning(KeyLevel.Document, "scenario")!),
                ["persona"] = Ref("text"),
                ["owner"] = Described(Ref("text"), Keys.Meaning(KeyLevel.Document, "owner")!),
                ["version"] = Ref("text"),
                ["tags"] = Ref("textList"),
                ["updated"] = Ref("text"),
                ["lang"] = Described(new JsonObject
                {
                    ["type"] = "string",
                    // A BCP 47 tag whose language the tool has words for: en, nl-BE, es-419 ...
                    ["pattern"] = $@"^\s*(?:{string.Join('|', Languages.Codes.Select(c => CaseInsensitive(c)))})(?:[-_][A-Za-z0-9]{{1,8}})*\s*$",
                    ["examples"] = Strings(Languages.Codes),
                }, $"The language of the diagram's own words (lane names, lines, legend): {string.Join(", ", Languages.Codes)}, or a regional tag of one (nl-BE)"),
                ["lanes"] = Described(new JsonObject
                {
                    ["type"] = "array",
                    ["minItems"] = 1,
                    ["items"] = Ref("laneEntry"),
                }, "The lanes the diagram shows, in order"),
                ["journey"] = Described(Ref("bool"), Keys.Meaning(KeyLevel.Document, "journey")!),
                ["lint"] = new JsonObject
                {
                    ["type"] = "object",
                    ["properties"] = new JsonObject
                    {
                        ["disable"] = Described(new JsonObject
                        {
                            ["anyOf"] = Array(Ref("checkName"), new JsonObject { ["type"] = "array", ["items"] = Ref("checkName") }),
                        }, "Lint checks turned off for this file"),
                    },
                    ["additionalProperties"] = false,
                },
                ["scenes"] = new JsonObject
                {
                    ["anyOf"] = Array(new JsonObject { ["type"] = "null" }, new JsonObject { ["type"] = "array", ["items"] = Ref("scene") }),
                },
            },
            ["additionalProperties"] = false,
            // Without a custom lane, a step key must be a step key or a standard lane spelling.
            ["if"] = new JsonObject
            {
                ["required"] = Strings(["lanes"]),
                ["properties"] = new JsonObject { ["lanes"] = new JsonObject { ["type"] = "array", ["contains"] = Ref("customLane") } },
            },
            ["then"] = true,
            ["else"] = new JsonObject
            {
                ["properties"] = new JsonObject
                {
                    ["scenes"] = new JsonObject
                    {
                        ["items"] = new JsonObject
                        {
                            ["properties"] = new JsonObject
                            {
                                ["steps"] = new JsonObject { ["items"] = new JsonObject { ["propertyNames"] = Ref("stepKey") } },
                            },
                        },
                    },
                },
            },
            ["$defs"] = defs,
        };
        return root;
    }

    private static JsonObject CardProperties() => new()
    {
        ["text"] = Described(Ref("text"), Keys.Meaning(KeyLevel.Card, "text")!),
        ["id"] = Ref("id"),
        ["to"] = Ref("arrows"),
        ["fail"] = Described(Ref("text"), Keys.Meaning(KeyLevel.Card, "fail")!),
        ["wait"] = Described(Ref("text"), Keys.Meaning(KeyLevel.Card, "wait")!),
        ["pain"] = Described(Ref("text"), Keys.Meaning(KeyLevel.Card, "pain")!),
        ["note"] = Ref("text"),
        ["owner"] = Described(Ref("text"), Keys.Meaning(KeyLevel.Card, "owner")!),
        ["url"] = Ref("text"),
    };

    private static JsonObject StepProperties()
    {
        var properties = new JsonObject
        {
            ["step"] = Described(Ref("text"), Keys.Meaning(KeyLevel.Step, "step")!),
            ["id"] = Described(Ref("id"), Keys.Meaning(KeyLevel.Step, "id")!),
            ["duration"] = Ref("duration"),
            ["fail"] = Described(Ref("text"), Keys.Meaning(KeyLevel.Step, "fail")!),
            ["wait"] = Described(Ref("text"), Keys.Meaning(KeyLevel.Step, "wait")!),
            ["pain"] = Described(Ref("text"), Keys.Meaning(KeyLevel.Step, "pain")!),
            ["emotion"] = Ref("emotion"),
            ["metrics"] = Ref("textList"),
            ["policy"] = Ref("text"),
            ["note"] = Ref("text"),
            ["url"] = Ref("text"),
        };
        foreach (var lane in Lane.StandardLanes) properties[lane.Id] = Described(Ref("cards"), lane.Name);
        return properties;
    }

    /// <summary>An anchored pattern matching any of <paramref name="words"/> case-insensitively, with surrounding spaces.</summary>
    private static string AnyOf(IEnumerable<string> words, bool spacesFold) =>
        $@"^\s*(?:{string.Join('|', words.Select(w => CaseInsensitive(w, spacesFold)))})\s*$";

    /// <summary>ECMAScript patterns have no inline flags: each letter becomes <c>[aA]</c>.</summary>
    private static string CaseInsensitive(string word, bool spacesFold = false)
    {
        var sb = new StringBuilder();
        foreach (char c in word)
        {
            if (char.IsLetter(c) && char.ToUpperInvariant(c) != char.ToLowerInvariant(c))
                sb.Append('[').Append(char.ToLowerInvariant(c)).Append(char.ToUpperInvariant(c)).Append(']');
            else if (c == ' ' && spacesFold) sb.Append(@"\s+");
            else if (char.IsLetterOrDigit(c) || c is '-' or '_') sb.Append(c);
            else sb.Append('\\').Append(c);
        }
        return sb.ToString();
    }

    /// <summary>What <see cref="Durations.TryParse"/> accepts: spaces anywhere, any case, units d h m s largest first.</summary>
    private static string DurationPattern()
    {
        const string number = "[0-9](?: *[0-9])*";
        string Part(char unit) => $"(?:{number} *[{unit}{char.ToUpperInvariant(unit)}])?";
        return $@"^\s*(?=.*[0-9]){Part('d')} *{Part('h')} *{Part('m')} *{Part('s')}\s*$";
    }
}
