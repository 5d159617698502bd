using Blueprint.Core.Model;
using Blueprint.Core.Reading;
using Blueprint.Core.Writing;
using FsCheck;
using FsCheck.Fluent;

namespace Blueprint.Core.Tests.Markdown;

/// <summary>
/// Random valid models, written as YAML and as Markdown and read back, give the same model. The texts are built from
/// tokens full of Markdown and YAML syntax (emphasis, links, ids, arrows, block markers, quotes, comments) so that
/// the writers' escaping and quoting are what is tested.
/// </summary>
public class RoundTripProperties
{
    private static readonly string[] Tokens =
    [
        "coffee", "Order", "a", "the", "café", "日本語", "straße", "x1", "42", "-1", "3.5", "true", "null", "~", "yes",
        "-", "->", "*", "**", "_", "__init__", "snake_case", "[x]", "(y)", "{#z}", "{", "}", "<br>", "<b>", "&amp;", "&",
        "`code`", "#", "##", "|", "\\", "!", "![i](u)", "?", ":", "a:b", "key: value", "x #y", "http://x.y/z?a=1&b=2",
        "~~~", "+", "1.", "2)", "=", "===", "---", "> q", "'", "\"", "%", "@", "...", "'quoted'", "[l](#r)", "<https://a.b>",
    ];

    private static readonly Gen<string> Token = Gen.Elements(Tokens);

    /// <summary>Tokens joined by spaces (sometimes two, or a line break when <paramref name="lines"/>).</summary>
    private static Gen<string> Text(bool lines = false, int max = 6) =>
        from count in Gen.Choose(1, max)
        from words in Gen.ArrayOf(Token, count)
        from seps in Gen.ArrayOf(Gen.Frequency((12, Gen.Constant(" ")), (1, Gen.Constant("  ")), (lines ? 2 : 0, Gen.Constant("\n"))), count)
        select string.Concat(words.Select((w, i) => i == 0 ? w : seps[i] + w));

    private static Gen<string?> Maybe(Gen<string> gen, int percentPresent = 30) =>
        Gen.Frequency((100 - percentPresent, Gen.Constant<string?>(null)), (percentPresent, gen.Select(s => (string?)s)));

    private static readonly Gen<string> IdGen = Gen.Elements("a", "b2", "x-y", "a.b", "x_y", "é", "step-1", "c", "node");
    private static readonly Gen<string> RefGen = Gen.Elements("a", "b2.customer", "x-y", "é", "a(b)", "a\\b", "a<b>", "a b", "kitchen-card", "order.kitchen");

    private static readonly Gen<Arrow> ArrowGen =
        from reference in RefGen
        from label in Maybe(Text(max: 3), 60)
        from loop in Gen.Elements(false, false, true)
        select new Arrow { Ref = reference, Label = label == reference ? null : label, Loop = loop };

    private static Gen<Card> CardGen(IReadOnlyList<string> laneIds) =>
        from lane in Gen.Elements(laneIds.ToArray())
        from text in Text(lines: true)
        from id in Maybe(IdGen, 40)
        from arrowCount in Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Choose(1, 3)))
        from arrows in Gen.ArrayOf(ArrowGen, arrowCount)
        from fail in Maybe(Text(lines: true), 15)
        from wait in Maybe(Text(), 10)
        from pain in Maybe(Text(), 10)
        from note in Maybe(Text(lines: true), 10)
        from owner in Maybe(Text(max: 3), 20)
        from url in Maybe(Gen.Elements("https://example.com/a_b?x=1&y=2", "http://x.y/(z)", "mailto:a@b.c", "see the wiki"), 10)
        select new Card { LaneId = lane, Text = text, Id = id, Arrows = arrows, Fail = fail, Wait = wait, Pain = pain, Note = note, Owner = owner, Url = url };

    private static Gen<Step> StepGen(IReadOnlyList<string> laneIds) =>
        from name in Text(max: 4)
        from explicitId in Gen.Elements(false, false, true)
        from id in IdGen
        from duration in Gen.Frequency((1, Gen.Constant<TimeSpan?>(null)), (2, Gen.Choose(0, 300_000).Select(s => (TimeSpan?)TimeSpan.FromSeconds(s))))
        from cardCount in Gen.Choose(0, 6)
        from cards in Gen.ArrayOf(CardGen(laneIds), cardCount)
        from fail in Maybe(Text(lines: true), 20)
        from wait in Maybe(Text(), 20)
        from pain in Maybe(Text(), 20)
        from emotion in Gen.Frequency((1, Gen.Constant<int?>(null)), (1, Gen.Choose(-2, 2).Select(e => (int?)e)))
        from metricCount in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(1, 3)))
        from metrics in Gen.ArrayOf(Text(max: 4), metricCount)
        from policy in Maybe(Text(), 10)
        from note in Maybe(Text(lines: true), 10)
        from url in Maybe(Gen.Elements("https://example.com/step", "not a url"), 10)
        select new Step
        {
            Id = explicitId ? id : Slug.From(name), Name = name, IdExplicit = explicitId, Duration = duration,
            Cards = GroupByLane(cards), Fail = fail, Wait = wait, Pain = pain, Emotion = emotion, Metrics = metrics,
            Policy = policy, Note = note, Url = url,
        };

    /// <summary>A step holds each lane's cards together (YAML has one key per lane).</summary>
    private static List<Card> GroupByLane(IEnumerable<Card> cards)
    {
        var list = cards.ToList();
        var order = list.Select(c => c.LaneId).Distinct().ToList();
        return list.OrderBy(c => order.IndexOf(c.LaneId)).ToList();
    }

    private static Gen<Scene> SceneGen(IReadOnlyList<string> laneIds) =>
        from name in Text(max: 4)
        from explicitId in Gen.Elements(false, false, true)
        from id in IdGen
        from stepCount in Gen.Choose(0, 3)
        from steps in Gen.ArrayOf(StepGen(laneIds), stepCount)
        select new Scene { Id = explicitId ? id : Slug.From(name), Name = name, IdExplicit = explicitId, Steps = steps };

    private static readonly Lane Kitchen = new("kitchen", "Kitchen crew", "#ffd966");

    private static readonly Gen<(IReadOnlyList<Lane> Lanes, bool Declared)> LanesGen = Gen.OneOf(
        Gen.Constant<(IReadOnlyList<Lane>, bool)>((Lane.StandardLanes, false)),
        Gen.Constant<(IReadOnlyList<Lane>, bool)>(([.. Lane.StandardLanes.Take(3), new Lane("frontstage", "Counter staff"), Kitchen, Lane.StandardLanes[5]], true)),
        Gen.Constant<(IReadOnlyList<Lane>, bool)>(([Lane.StandardLanes[1], new Lane("bar", "bar")], true)));

    private static readonly Gen<BlueprintDocument> DocumentGen =
        from lanes in LanesGen
        from title in Text(max: 5)
        from goal in Maybe(Text(lines: true), 70)
        from scenario in Maybe(Text(lines: true), 70)
        from persona in Maybe(Text(), 40)
        from owner in Maybe(Text(), 40)
        from version in Maybe(Gen.Elements("1.2", "2", "v3", "1.0.0"), 40)
        from tagCount in Gen.Choose(0, 3)
        from tags in Gen.ArrayOf(Text(max: 2), tagCount)
        from updated in Maybe(Gen.Elements("2026-11-20", "yesterday"), 30)
        from journey in Gen.Elements(true, true, false)
        from lint in Gen.Elements<string[]>([], [], ["BP101"], ["no-goal", "BP109"])
        from sceneCount in Gen.Choose(0, 3)
        from scenes in Gen.ArrayOf(SceneGen(lanes.Lanes.Select(l => l.Id).Concat(Lane.StandardIds).Distinct().ToList()), sceneCount)
        select new BlueprintDocument
        {
            Title = title, Goal = goal, Scenario = scenario, Persona = persona, Owner = owner, Version = version, Tags = tags,
            Updated = updated, Lanes = lanes.Lanes, LanesDeclared = lanes.Declared, Journey = journey, LintDisable = lint, Scenes = scenes,
        };

    private static void AssertRoundTrip(BlueprintDocument doc, SourceFormat format)
    {
        string expected = ModelJson.Write(doc);
        string written = BlueprintConverter.Write(doc, format);
        string file = format == SourceFormat.Markdown ? "random.blueprint.md" : "random.blueprint.yaml";
        var read = BlueprintReader.ReadText(file, written);
        string findings = string.Join("\n", read.Diagnostics.Where(d => d.Severity == Blueprint.Core.Diagnostics.Severity.Error));
        Assert.True(read.Document is not null && findings.Length == 0, $"{findings}\n--- written ---\n{written}");
        Assert.True(expected == ModelJson.Write(read.Document!),
            $"the model changed\n--- written ---\n{written}\n--- expected ---\n{expected}\n--- read back ---\n{ModelJson.Write(read.Document!)}");
    }

    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(300);

    [Fact]
    public void Random_models_written_as_markdown_read_back_the_same() =>
        Check.One(Config, Prop.ForAll(DocumentGen.ToArbitrary(), doc => AssertRoundTrip(doc, SourceFormat.Markdown)));

    [Fact]
    public void Random_models_written_as_yaml_read_back_the_same() =>
        Check.One(Config, Prop.ForAll(DocumentGen.ToArbitrary(), doc => AssertRoundTrip(doc, SourceFormat.Yaml)));
}
