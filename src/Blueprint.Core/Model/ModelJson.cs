using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Blueprint.Core.Model;

/// <summary>
/// The model as canonical JSON (no source locations): the form that goldens and YAML-vs-Markdown
/// comparisons use. Absent values are left out; key order is fixed; output is byte-stable.
/// </summary>
public static class ModelJson
{
    public static string Write(BlueprintDocument doc)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("title", doc.Title);
            Opt(w, "goal", doc.Goal);
            Opt(w, "scenario", doc.Scenario);
            Opt(w, "persona", doc.Persona);
            Opt(w, "owner", doc.Owner);
            Opt(w, "version", doc.Version);
            List(w, "tags", doc.Tags);
            Opt(w, "updated", doc.Updated);
            Opt(w, "lang", doc.Lang);
            w.WriteStartArray("lanes");
            foreach (var lane in doc.Lanes)
            {
                w.WriteStartObject();
                w.WriteString("id", lane.Id);
                w.WriteString("name", lane.Name);
                Opt(w, "color", lane.Color);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteBoolean("journey", doc.Journey);
            List(w, "lintDisable", doc.LintDisable);
            w.WriteStartArray("scenes");
            foreach (var scene in doc.Scenes)
            {
                w.WriteStartObject();
                w.WriteString("id", scene.Id);
                w.WriteString("name", scene.Name);
                w.WriteStartArray("steps");
                foreach (var step in scene.Steps) WriteStep(w, step);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static void WriteStep(Utf8JsonWriter w, Step step)
    {
        w.WriteStartObject();
        w.WriteString("id", step.Id);
        w.WriteString("name", step.Name);
        if (step.Duration is { } d) w.WriteString("duration", Durations.Format(d));
        Opt(w, "fail", step.Fail);
        Opt(w, "wait", step.Wait);
        Opt(w, "pain", step.Pain);
        if (step.Emotion is { } e) w.WriteNumber("emotion", e);
        List(w, "metrics", step.Metrics);
        Opt(w, "policy", step.Policy);
        Opt(w, "note", step.Note);
        Opt(w, "url", step.Url);
        w.WriteStartArray("cards");
        foreach (var card in step.Cards)
        {
            w.WriteStartObject();
            w.WriteString("lane", card.LaneId);
            w.WriteString("text", card.Text);
            Opt(w, "id", card.Id);
            if (card.Arrows.Count > 0)
            {
                w.WriteStartArray("to");
                foreach (var a in card.Arrows)
                {
                    w.WriteStartObject();
                    w.WriteString("ref", a.Ref);
                    Opt(w, "label", a.Label);
                    if (a.Loop) w.WriteBoolean("loop", true);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            Opt(w, "fail", card.Fail);
            Opt(w, "wait", card.Wait);
            Opt(w, "pain", card.Pain);
            Opt(w, "note", card.Note);
            Opt(w, "owner", card.Owner);
            Opt(w, "url", card.Url);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Opt(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null) w.WriteString(name, value);
    }

    private static void List(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        if (values.Count == 0) return;
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }
}
