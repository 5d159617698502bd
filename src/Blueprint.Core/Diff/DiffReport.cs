using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Blueprint.Core.Model;

namespace Blueprint.Core.Diff;

/// <summary>How <c>blueprint diff</c> prints: text for a terminal, Markdown for a pull-request comment, JSON for scripts.</summary>
public enum DiffFormat { Text, Markdown, Json }

/// <summary>Whether a file was there in both versions, only in the new one (<see cref="Added"/>) or only in the old one.</summary>
public enum FileStatus { Compared, Added, Removed }

/// <summary>The diff of one file; <see cref="File"/> is its path as the user gave it.</summary>
public sealed record FileDiff(string File, BlueprintDiff Diff, FileStatus Status = FileStatus.Compared);

/// <summary>Formats the diffs of several files. Deterministic: invariant culture, the changes in reading order.</summary>
public static class DiffReport
{
    public static string Write(IReadOnlyList<FileDiff> files, DiffFormat format, bool color = false) => format switch
    {
        DiffFormat.Json => Json(files),
        DiffFormat.Markdown => Markdown(files),
        _ => Text(files, color),
    };

    public static string KindName(ChangeKind kind) => kind.ToString().ToLowerInvariant();

    public static string ElementName(ElementKind element) => element.ToString().ToLowerInvariant();

    private static string Symbol(ChangeKind kind) => kind switch
    {
        ChangeKind.Added => "+",
        ChangeKind.Removed => "-",
        ChangeKind.Changed => "~",
        ChangeKind.Moved => ">",
        _ => "=",
    };

    private static string I(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Duration(long seconds) => Durations.Format(TimeSpan.FromSeconds(seconds));

    /// <summary>Each figure of the totals, by name, as printed.</summary>
    private static IEnumerable<(string Name, string Before, string After)> Figures(DiffTotals a, DiffTotals b) =>
    [
        ("steps", I(a.Steps), I(b.Steps)),
        ("cards", I(a.Cards), I(b.Cards)),
        ("fail points", I(a.FailPoints), I(b.FailPoints)),
        ("wait points", I(a.WaitPoints), I(b.WaitPoints)),
        ("customer-visible duration", Duration(a.CustomerVisibleDurationSeconds), Duration(b.CustomerVisibleDurationSeconds)),
    ];

    private static string Quote(string? value) => value is null ? "(none)" : "\"" + OneLine(value) + "\"";

    private static string OneLine(string value) => value.ReplaceLineEndings(" ");

    /// <summary>The change in words after its element and id: <c>text: "a" → "b"</c>, <c>"Gives their name"</c>.</summary>
    private static string Detail(Change c) => c.Kind switch
    {
        ChangeKind.Added => c.After is null ? "" : $": {Quote(c.After)}",
        ChangeKind.Removed => c.Before is null ? "" : $": {Quote(c.Before)}",
        ChangeKind.Moved => $" moved from {c.Field} {Value(c.Field, c.Before)} to {Value(c.Field, c.After)}",
        ChangeKind.Renamed => $" renamed{(c.Field == "name" ? "" : " " + c.Field)} from {Value(c.Field, c.Before)} to {Value(c.Field, c.After)}",
        _ => $" {c.Field}: {Value(c.Field, c.Before)} → {Value(c.Field, c.After)}",
    };

    /// <summary>Free text in quotes; ids, lanes, positions, durations and numbers as they are.</summary>
    private static string Value(string? field, string? value) =>
        value is null ? "(none)" : field is "id" or "step" or "lane" or "scene" or "position" or "duration" or "emotion" or "loop" or "journey" ? value : Quote(value);

    private static string Counted(int n, string noun) => n == 1 ? $"1 {noun}" : $"{I(n)} {noun}s";

    /// <summary><c>2 added, 1 removed, 3 changed</c>: each kind that occurs, in a fixed order.</summary>
    private static string ByKind(IEnumerable<Change> changes)
    {
        var list = changes.ToList();
        return string.Join(", ", Enum.GetValues<ChangeKind>().Select(k => (k, n: list.Count(c => c.Kind == k))).Where(p => p.n > 0).Select(p => $"{I(p.n)} {KindName(p.k)}"));
    }

    private static string StatusNote(FileStatus status) => status switch
    {
        FileStatus.Added => " (new file)",
        FileStatus.Removed => " (deleted)",
        _ => "",
    };

    // ---- text --------------------------------------------------------------------------------------------

    private const string Reset = "\u001b[0m", Bold = "\u001b[1m", Dim = "\u001b[2m";

    private static string Color(ChangeKind kind) => kind switch
    {
        ChangeKind.Added => "\u001b[32m",
        ChangeKind.Removed => "\u001b[31m",
        ChangeKind.Changed => "\u001b[33m",
        _ => "\u001b[36m",
    };

    public static string Text(IReadOnlyList<FileDiff> files, bool color = false)
    {
        var w = new StringBuilder();
        string Paint(string text, string code) => color ? code + text + Reset : text;
        foreach (var f in files)
        {
            var changes = f.Diff.Changes;
            w.Append(Paint(f.File, Bold)).Append(StatusNote(f.Status)).Append(": ")
             .Append(changes.Count == 0 ? "no changes" : $"{Counted(changes.Count, "change")} ({ByKind(changes)})").Append('\n');
            foreach (var group in Groups(changes))
            {
                string indent = "  ";
                if (group.Key is { } scene)
                {
                    w.Append("  ").Append(Paint("scene " + Quote(scene), Bold)).Append('\n');
                    indent = "    ";
                }
                foreach (var c in group)
                {
                    string what = c.Id is null ? ElementName(c.Element) : $"{ElementName(c.Element)} {c.Id}";
                    w.Append(indent).Append(Paint($"{Symbol(c.Kind)} {what}{Detail(c)}", Color(c.Kind))).Append('\n');
                }
            }
            if (changes.Count > 0)
            {
                var parts = Figures(f.Diff.Before, f.Diff.After).Select(p => p.Before == p.After ? $"{p.Name} {p.After}" : $"{p.Name} {p.Before} → {p.After}");
                w.Append("  ").Append(Paint("totals: " + string.Join(", ", parts), Dim)).Append('\n');
            }
        }
        if (files.Count > 1)
        {
            int changed = files.Count(f => f.Diff.HasChanges);
            w.Append($"{Counted(files.Count, "blueprint")} compared: {(changed == 0 ? "no changes" : $"{I(changed)} changed")}\n");
        }
        return w.ToString();
    }

    /// <summary>Changes grouped by scene in order of first appearance; the blueprint's own fields (no scene) first.</summary>
    private static IEnumerable<IGrouping<string?, Change>> Groups(IReadOnlyList<Change> changes) =>
        changes.GroupBy(c => c.Scene).OrderBy(g => g.Key is null ? 0 : 1);

    // ---- Markdown ----------------------------------------------------------------------------------------

    /// <summary>A table with more rows than this is folded in <c>&lt;details&gt;</c>, so a long diff does not bury the comment.</summary>
    public const int FoldAfterRows = 10;

    public static string Markdown(IReadOnlyList<FileDiff> files)
    {
        var w = new StringBuilder();
        int total = files.Sum(f => f.Diff.Changes.Count);
        int changed = files.Count(f => f.Diff.HasChanges);
        string where = files.Count == 1 ? $"`{Code(files[0].File)}`" : $"{I(changed)} of {Counted(files.Count, "blueprint")}";
        if (total == 0) w.Append($"**No changes** in {(files.Count == 1 ? where : Counted(files.Count, "blueprint"))}.\n");
        else w.Append($"**{Counted(total, "change")}** in {where}: {ByKind(files.SelectMany(f => f.Diff.Changes))}.\n");

        foreach (var f in files.Where(f => f.Diff.HasChanges))
        {
            w.Append("\n### `").Append(Code(f.File)).Append('`').Append(StatusNote(f.Status)).Append("\n\n");
            w.Append("| | before | after |\n|---|---:|---:|\n");
            foreach (var (name, before, after) in Figures(f.Diff.Before, f.Diff.After))
                w.Append($"| {name} | {before} | {(before == after ? after : $"**{after}**")} |\n");
            foreach (var group in Groups(f.Diff.Changes))
            {
                var rows = group.ToList();
                string title = group.Key is { } scene ? $"Scene: {Cell(scene)}" : "Blueprint";
                bool fold = rows.Count > FoldAfterRows;
                w.Append('\n');
                if (fold) w.Append($"<details><summary>{Html(title)}: {Counted(rows.Count, "change")}</summary>\n\n");
                else w.Append($"**{title}**\n\n");
                w.Append("| change | element | id | field | before | after |\n|---|---|---|---|---|---|\n");
                foreach (var c in rows)
                    w.Append($"| {Symbol(c.Kind)} {KindName(c.Kind)} | {ElementName(c.Element)} | {(c.Id is null ? "" : $"`{Code(c.Id)}`")} | {c.Field ?? ""} | {Cell(c.Before)} | {Cell(c.After)} |\n");
                if (fold) w.Append("\n</details>\n");
            }
        }
        return w.ToString();
    }

    /// <summary>Text safe in a table cell: pipes escaped, lines joined, Markdown's own marks left as they are (they are the user's).</summary>
    private static string Cell(string? value) => value is null ? "" : OneLine(value).Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>Text inside a code span: a backtick would end it, so it becomes a quote mark.</summary>
    private static string Code(string value) => OneLine(value).Replace('`', '\'').Replace("|", "\\|", StringComparison.Ordinal);

    private static string Html(string value) => value.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    // ---- JSON --------------------------------------------------------------------------------------------

    /// <summary>
    /// <c>{"changes": [{"file", "kind", "element", "id", "field", "before", "after"}], "totals": {"before", "after"},
    /// "files": [{"file", "status", "totals"}]}</c>; totals are summed over the files. Documented in the README.
    /// </summary>
    public static string Json(IReadOnlyList<FileDiff> files)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteStartArray("changes");
            foreach (var f in files)
                foreach (var c in f.Diff.Changes)
                {
                    w.WriteStartObject();
                    w.WriteString("file", f.File);
                    w.WriteString("kind", KindName(c.Kind));
                    w.WriteString("element", ElementName(c.Element));
                    w.WriteString("id", c.Id);
                    w.WriteString("field", c.Field);
                    w.WriteString("before", c.Before);
                    w.WriteString("after", c.After);
                    w.WriteEndObject();
                }
            w.WriteEndArray();
            w.WritePropertyName("totals");
            Totals(w, files.Aggregate(DiffTotals.Zero, (t, f) => t.Plus(f.Diff.Before)), files.Aggregate(DiffTotals.Zero, (t, f) => t.Plus(f.Diff.After)));
            w.WriteStartArray("files");
            foreach (var f in files)
            {
                w.WriteStartObject();
                w.WriteString("file", f.File);
                w.WriteString("status", f.Status switch { FileStatus.Added => "added", FileStatus.Removed => "removed", _ => f.Diff.HasChanges ? "changed" : "unchanged" });
                w.WritePropertyName("totals");
                Totals(w, f.Diff.Before, f.Diff.After);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static void Totals(Utf8JsonWriter w, DiffTotals before, DiffTotals after)
    {
        w.WriteStartObject();
        foreach (var (name, t) in new[] { ("before", before), ("after", after) })
        {
            w.WriteStartObject(name);
            w.WriteNumber("steps", t.Steps);
            w.WriteNumber("cards", t.Cards);
            w.WriteNumber("failPoints", t.FailPoints);
            w.WriteNumber("waitPoints", t.WaitPoints);
            w.WriteNumber("customerVisibleDurationSeconds", t.CustomerVisibleDurationSeconds);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }
}
