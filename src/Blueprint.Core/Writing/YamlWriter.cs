using System.Text;
using Blueprint.Core.Model;

namespace Blueprint.Core.Writing;

/// <summary>
/// Writes a model as a <c>*.blueprint.yaml</c> file in the style of the examples: block mappings, flow lists for
/// short lists, cards as plain text unless they carry more than text, strings quoted only when needed.
/// Reading the output back gives the same model (<see cref="ModelJson"/>).
/// </summary>
public static class YamlWriter
{
    public static string Write(BlueprintDocument doc)
    {
        var w = new StringBuilder();
        Line(w, 0, "blueprint", doc.Title);
        WriteMetadata(w, doc, includeScenario: true);
        w.Append("scenes:\n");
        foreach (var scene in doc.Scenes)
        {
            w.Append("  - scene: ").Append(YamlScalar.Write(scene.Name)).Append('\n');
            if (scene.IdExplicit || scene.Id != Slug.From(scene.Name)) Line(w, 4, "id", scene.Id);
            if (scene.Steps.Count == 0)
            {
                w.Append("    steps: []\n");
                continue;
            }
            w.Append("    steps:\n");
            foreach (var step in scene.Steps) WriteStep(w, step, doc);
        }
        return w.ToString();
    }

    /// <summary>The top-level keys other than the title and scenes; shared with the Markdown front matter.</summary>
    internal static void WriteMetadata(StringBuilder w, BlueprintDocument doc, bool includeScenario)
    {
        Opt(w, 0, "goal", doc.Goal);
        if (includeScenario) Opt(w, 0, "scenario", doc.Scenario);
        Opt(w, 0, "persona", doc.Persona);
        Opt(w, 0, "owner", doc.Owner);
        Opt(w, 0, "version", doc.Version);
        if (doc.Tags.Count > 0) w.Append("tags: ").Append(FlowList(doc.Tags)).Append('\n');
        Opt(w, 0, "updated", doc.Updated);
        Opt(w, 0, "lang", doc.Lang);
        if (doc.LanesDeclared)
        {
            w.Append("lanes:\n");
            foreach (var lane in doc.Lanes)
            {
                w.Append("  - ");
                if (lane.IsStandard && lane.Name == Lane.DefaultName(lane.Id) && lane.Color is null) w.Append(lane.Id);
                else
                {
                    w.Append("{ id: ").Append(YamlScalar.Write(lane.Id, flow: true));
                    if (lane.Name != Lane.DefaultName(lane.Id))
                        w.Append(", name: ").Append(YamlScalar.Write(lane.Name, flow: true));
                    if (lane.Color is not null) w.Append(", color: ").Append(YamlScalar.Write(lane.Color, flow: true));
                    w.Append(" }");
                }
                w.Append('\n');
            }
        }
        if (!doc.Journey) w.Append("journey: false\n");
        if (doc.LintDisable.Count > 0) w.Append("lint:\n  disable: ").Append(FlowList(doc.LintDisable)).Append('\n');
    }

    private static void WriteStep(StringBuilder w, Step step, BlueprintDocument doc)
    {
        w.Append("      - step: ").Append(YamlScalar.Write(step.Name)).Append('\n');
        const int indent = 8;
        if (step.IdExplicit || step.Id != Slug.From(step.Name)) Line(w, indent, "id", step.Id);
        if (step.Duration is { } d) Line(w, indent, "duration", Durations.Format(d));
        foreach (var group in step.Cards.GroupBy(c => c.LaneId))
        {
            var cards = group.ToList();
            string key = YamlScalar.Write(group.Key);
            if (cards.Count == 1 && IsPlain(cards[0]))
            {
                Line(w, indent, key, cards[0].Text, keyWritten: true);
                continue;
            }
            Indent(w, indent).Append(key).Append(":\n");
            if (cards.Count == 1)
            {
                WriteCardMapping(w, cards[0], indent + 2, first: null);
                continue;
            }
            foreach (var card in cards)
            {
                if (IsPlain(card)) Indent(w, indent + 2).Append("- ").Append(YamlScalar.Write(card.Text)).Append('\n');
                else WriteCardMapping(w, card, indent + 4, first: indent + 2);
            }
        }
        Opt(w, indent, "fail", step.Fail);
        Opt(w, indent, "wait", step.Wait);
        Opt(w, indent, "pain", step.Pain);
        if (step.Emotion is { } e) Indent(w, indent).Append("emotion: ").Append(e.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        if (step.Metrics.Count > 0) Indent(w, indent).Append("metrics: ").Append(FlowList(step.Metrics)).Append('\n');
        Opt(w, indent, "policy", step.Policy);
        Opt(w, indent, "note", step.Note);
        Opt(w, indent, "url", step.Url);
    }

    private static bool IsPlain(Card c) =>
        c.Id is null && c.Arrows.Count == 0 && c.Fail is null && c.Wait is null && c.Pain is null && c.Note is null && c.Owner is null && c.Url is null;

    /// <summary>A card mapping at <paramref name="indent"/>; <paramref name="first"/> is the column of a list dash before its first key.</summary>
    private static void WriteCardMapping(StringBuilder w, Card card, int indent, int? first)
    {
        bool pendingDash = first is not null;
        void Key(string key, string value)
        {
            if (pendingDash) { Indent(w, first!.Value).Append("- "); pendingDash = false; }
            else Indent(w, indent);
            w.Append(key).Append(": ").Append(value).Append('\n');
        }
        if (card.Id is not null) Key("id", YamlScalar.Write(card.Id));
        Key("text", YamlScalar.Write(card.Text));
        if (card.Owner is not null) Key("owner", YamlScalar.Write(card.Owner));
        if (card.Fail is not null) Key("fail", YamlScalar.Write(card.Fail));
        if (card.Wait is not null) Key("wait", YamlScalar.Write(card.Wait));
        if (card.Pain is not null) Key("pain", YamlScalar.Write(card.Pain));
        if (card.Note is not null) Key("note", YamlScalar.Write(card.Note));
        if (card.Url is not null) Key("url", YamlScalar.Write(card.Url));
        if (card.Arrows.Count > 0)
            Key("to", "[" + string.Join(", ", card.Arrows.Select(ArrowEntry)) + "]");
    }

    private static string ArrowEntry(Arrow a)
    {
        if (a.Label is null && !a.Loop) return YamlScalar.Write(a.Ref, flow: true);
        var parts = new List<string> { "ref: " + YamlScalar.Write(a.Ref, flow: true) };
        if (a.Label is not null) parts.Add("label: " + YamlScalar.Write(a.Label, flow: true));
        if (a.Loop) parts.Add("loop: true");
        return "{ " + string.Join(", ", parts) + " }";
    }

    private static string FlowList(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(v => YamlScalar.Write(v, flow: true))) + "]";

    private static StringBuilder Indent(StringBuilder w, int n) => w.Append(' ', n);

    private static void Line(StringBuilder w, int indent, string key, string value, bool keyWritten = false) =>
        Indent(w, indent).Append(keyWritten ? key : YamlScalar.Write(key)).Append(": ").Append(YamlScalar.Write(value)).Append('\n');

    private static void Opt(StringBuilder w, int indent, string key, string? value)
    {
        if (value is not null) Line(w, indent, key, value);
    }
}
