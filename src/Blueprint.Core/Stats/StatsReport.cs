using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Blueprint.Core.Model;

namespace Blueprint.Core.Stats;

/// <summary>How <c>blueprint stats</c> prints: aligned text for people, JSON for scripts, Markdown for reports and pull requests.</summary>
public enum StatsFormat { Text, Json, Markdown }

/// <summary>Formats <see cref="BlueprintStats"/> for several files. Output is deterministic (invariant culture, input order).</summary>
public static class StatsReport
{
    public static string Write(IReadOnlyList<BlueprintStats> stats, StatsFormat format) => format switch
    {
        StatsFormat.Json => Json(stats),
        StatsFormat.Markdown => Markdown(stats),
        _ => Text(stats),
    };

    private static string Duration(long seconds) => Durations.Format(TimeSpan.FromSeconds(seconds));

    private static string I(int n) => n.ToString(CultureInfo.InvariantCulture);

    // ---- text --------------------------------------------------------------------------------------------

    public static string Text(IReadOnlyList<BlueprintStats> stats)
    {
        var w = new StringBuilder();
        foreach (var s in stats)
        {
            if (w.Length > 0) w.Append('\n');
            w.Append(s.File).Append(": ").Append(s.Title).Append('\n');
            Row(w, "scenes", I(s.Scenes));
            Row(w, "steps", I(s.Steps));
            Row(w, "cards", $"{I(s.TotalCards)} ({string.Join(", ", s.Cards.Select(c => $"{c.Key} {I(c.Value)}"))})");
            Row(w, "arrows", I(s.Arrows));
            Row(w, "fail points", I(s.FailPoints));
            Row(w, "wait points", I(s.WaitPoints));
            Row(w, "pain points", I(s.PainPoints));
            string missing = s.StepsWithoutDuration == 0 ? ""
                : $"; {I(s.StepsWithoutDuration)} step{(s.StepsWithoutDuration == 1 ? "" : "s")} without a duration";
            Row(w, "duration", $"{Duration(s.DurationSeconds)} (customer-visible {Duration(s.CustomerVisibleDurationSeconds)}{missing})");
            Row(w, "touchpoints", I(s.Touchpoints.Count));
            int width = s.Touchpoints.Count == 0 ? 0 : s.Touchpoints.Max(t => t.Text.Length);
            foreach (var t in s.Touchpoints)
                w.Append("    ").Append(t.Text.PadRight(width)).Append("  ").Append(string.Join(", ", t.StepIds)).Append('\n');
        }
        return w.ToString();
    }

    private static void Row(StringBuilder w, string name, string value) => w.Append("  ").Append(name.PadRight(13)).Append(value).Append('\n');

    // ---- JSON --------------------------------------------------------------------------------------------

    /// <summary>An array with one object per file; the keys are documented in docs/markdown-format.md and fixed.</summary>
    public static string Json(IReadOnlyList<BlueprintStats> stats)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartArray();
            foreach (var s in stats)
            {
                w.WriteStartObject();
                w.WriteString("file", s.File);
                w.WriteString("title", s.Title);
                w.WriteNumber("scenes", s.Scenes);
                w.WriteNumber("steps", s.Steps);
                w.WriteStartObject("cards");
                foreach (var (lane, count) in s.Cards) w.WriteNumber(lane, count);
                w.WriteEndObject();
                w.WriteNumber("arrows", s.Arrows);
                w.WriteNumber("failPoints", s.FailPoints);
                w.WriteNumber("waitPoints", s.WaitPoints);
                w.WriteNumber("painPoints", s.PainPoints);
                w.WriteNumber("durationSeconds", s.DurationSeconds);
                w.WriteNumber("customerVisibleDurationSeconds", s.CustomerVisibleDurationSeconds);
                w.WriteNumber("stepsWithoutDuration", s.StepsWithoutDuration);
                w.WriteStartObject("touchpoints");
                foreach (var t in s.Touchpoints)
                {
                    w.WriteStartArray(t.Text);
                    foreach (var id in t.StepIds) w.WriteStringValue(id);
                    w.WriteEndArray();
                }
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    // ---- Markdown ----------------------------------------------------------------------------------------

    public static string Markdown(IReadOnlyList<BlueprintStats> stats)
    {
        var w = new StringBuilder();
        foreach (var s in stats)
        {
            if (w.Length > 0) w.Append('\n');
            w.Append("## ").Append(Cell(s.Title)).Append("\n\n");
            w.Append('`').Append(s.File.Replace("`", "'", StringComparison.Ordinal)).Append("`\n\n");
            w.Append("| Measure | Value |\n|---|---:|\n");
            void Row(string name, string value) => w.Append("| ").Append(name).Append(" | ").Append(value).Append(" |\n");
            Row("Scenes", I(s.Scenes));
            Row("Steps", I(s.Steps));
            foreach (var (lane, count) in s.Cards) Row($"Cards: {Cell(lane)}", I(count));
            Row("Arrows", I(s.Arrows));
            Row("Fail points", I(s.FailPoints));
            Row("Wait points", I(s.WaitPoints));
            Row("Pain points", I(s.PainPoints));
            Row("Duration", Duration(s.DurationSeconds));
            Row("Customer-visible duration", Duration(s.CustomerVisibleDurationSeconds));
            Row("Steps without a duration", I(s.StepsWithoutDuration));
            if (s.Touchpoints.Count > 0)
            {
                w.Append("\n| Touchpoint | Steps |\n|---|---|\n");
                foreach (var t in s.Touchpoints)
                    w.Append("| ").Append(Cell(t.Text)).Append(" | ").Append(Cell(string.Join(", ", t.StepIds))).Append(" |\n");
            }
        }
        return w.ToString();
    }

    private static string Cell(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
