using System.Globalization;
using System.Text;
using Blueprint.Core.Model;

namespace Blueprint.Core.Writing;

/// <summary>
/// Writes a model as a <c>*.blueprint.md</c> file: front matter for the metadata, <c>#</c> title, the scenario paragraph,
/// <c>##</c> scenes, <c>###</c> steps with <c>- Label: text</c> items, card keys as nested items and arrows as links
/// after <c>-&gt;</c>. Reading the output back gives the same model (<see cref="ModelJson"/>). Item labels are written in
/// the blueprint's <c>lang:</c> (<c>- Klant:</c>, <c>- Duur:</c> in Dutch), so a team's file stays in its language.
/// </summary>
public static class MarkdownWriter
{
    public static string Write(BlueprintDocument doc)
    {
        var w = new StringBuilder();
        var meta = new StringBuilder();
        YamlWriter.WriteMetadata(meta, doc, includeScenario: false);
        if (meta.Length > 0) w.Append("---\n").Append(meta).Append("---\n");
        w.Append("# ").Append(MarkdownText.Escape(doc.Title, lineStart: false, continuation: null, heading: true)).Append('\n');
        if (doc.Scenario is not null)
            w.Append('\n').Append(MarkdownText.Escape(doc.Scenario, lineStart: true, continuation: "")).Append('\n');

        foreach (var scene in doc.Scenes)
        {
            w.Append("\n## ").Append(Heading(scene.Name));
            if (scene.IdExplicit || scene.Id != Slug.From(scene.Name)) w.Append(" {#").Append(Anchor(scene.Id)).Append('}');
            w.Append('\n');
            foreach (var step in scene.Steps) WriteStep(w, step, doc);
        }
        return w.ToString();
    }

    private static void WriteStep(StringBuilder w, Step step, BlueprintDocument doc)
    {
        w.Append("\n### ").Append(Heading(step.Name));
        bool writeId = step.IdExplicit || step.Id != Slug.From(step.Name);
        bool idInHeading = writeId && MarkdownText.CanWriteAnchor(step.Id);
        if (idInHeading) w.Append(" {#").Append(Anchor(step.Id)).Append('}');
        w.Append("\n\n");
        int before = w.Length;
        var v = doc.Vocabulary;
        string L(string key) => v.KeyLabels[key];
        if (writeId && !idInHeading) Item(w, "", L("id"), step.Id);
        if (step.Duration is { } d) w.Append("- ").Append(L("duration")).Append(": ").Append(Durations.Format(d)).Append('\n');
        foreach (var card in step.Cards) WriteCard(w, card, doc);
        Opt(w, L("fail"), step.Fail);
        Opt(w, L("wait"), step.Wait);
        Opt(w, L("pain"), step.Pain);
        if (step.Emotion is { } e) w.Append("- ").Append(L("emotion")).Append(": ").Append(e.ToString(CultureInfo.InvariantCulture)).Append('\n');
        if (step.Metrics.Count == 1) Item(w, "", L("metrics"), step.Metrics[0]);
        else if (step.Metrics.Count > 1)
        {
            w.Append("- ").Append(L("metrics")).Append(":\n");
            foreach (var metric in step.Metrics) w.Append("  - ").Append(MarkdownText.Escape(metric, lineStart: true, continuation: "    ")).Append('\n');
        }
        Opt(w, L("policy"), step.Policy);
        Opt(w, L("note"), step.Note);
        Opt(w, L("url"), step.Url);
        // A step with nothing in it keeps its heading only; drop the blank line meant for its list.
        if (w.Length == before) w.Length--;
    }

    private static void WriteCard(StringBuilder w, Card card, BlueprintDocument doc)
    {
        var v = doc.Vocabulary;
        string L(string key) => v.KeyLabels[key];
        w.Append("- ").Append(LaneLabel(card.LaneId, v)).Append(": ").Append(MarkdownText.Escape(card.Text, lineStart: false, continuation: "  "));
        bool idInText = card.Id is not null && MarkdownText.CanWriteAnchor(card.Id);
        if (idInText) w.Append(" {#").Append(Anchor(card.Id!)).Append('}');
        if (card.Arrows.Count > 0)
            w.Append(" -> ").Append(string.Join(", ", card.Arrows.Select(Link)));
        w.Append('\n');
        if (card.Id is not null && !idInText) Item(w, "  ", L("id"), card.Id);
        if (card.Owner is not null) Item(w, "  ", L("owner"), card.Owner);
        if (card.Fail is not null) Item(w, "  ", L("fail"), card.Fail);
        if (card.Wait is not null) Item(w, "  ", L("wait"), card.Wait);
        if (card.Pain is not null) Item(w, "  ", L("pain"), card.Pain);
        if (card.Note is not null) Item(w, "  ", L("note"), card.Note);
        if (card.Url is not null) Item(w, "  ", L("url"), card.Url);
    }

    /// <summary>An arrow as a link: its label as the text (the reference itself when it has none), "loop" as the title.</summary>
    private static string Link(Arrow arrow)
    {
        string text = MarkdownText.Escape(arrow.Label ?? arrow.Ref, lineStart: false, continuation: null);
        return $"[{text}]({MarkdownText.Destination(arrow.Ref)}{(arrow.Loop ? " \"loop\"" : "")})";
    }

    /// <summary>Standard lanes by their capitalised id, or the language's first short label; custom lanes by their id as declared.</summary>
    private static string LaneLabel(string laneId, Vocabulary language) =>
        !Lane.StandardIds.Contains(laneId) ? MarkdownText.Escape(laneId, false, null)
        : language.LaneLabels[laneId] is [var own, ..] ? own
        : char.ToUpperInvariant(laneId[0]) + laneId[1..];

    private static string Heading(string name) => MarkdownText.Escape(name, lineStart: false, continuation: null, heading: true);

    private static string Anchor(string id) => MarkdownText.Escape(id, lineStart: false, continuation: null);

    private static void Item(StringBuilder w, string indent, string label, string value) =>
        w.Append(indent).Append("- ").Append(label).Append(": ")
         .Append(MarkdownText.Escape(value, lineStart: false, continuation: indent + "  ")).Append('\n');

    private static void Opt(StringBuilder w, string label, string? value)
    {
        if (value is not null) Item(w, "", label, value);
    }
}
