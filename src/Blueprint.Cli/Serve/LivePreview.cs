using System.Diagnostics;
using System.Threading.Channels;
using Blueprint.Cli.Commands;
using Blueprint.Cli.Config;
using Blueprint.Cli.Inputs;
using Blueprint.Layout;
using Blueprint.Rendering;
using Blueprint.Rendering.Html;

namespace Blueprint.Cli.Serve;

/// <summary>
/// The latest drawing of each served blueprint, and the open pages that show it. A file that has errors keeps its last
/// good diagram and gains its findings; every change is pushed to every page of that file as one update.
/// </summary>
public sealed class LivePreview(ServedFiles files, CliConsole console, LayoutOptions options)
{
    /// <summary>One blueprint as last drawn: the last good diagram (or none yet), and the findings when it has errors now.</summary>
    private sealed class Entry
    {
        public readonly object Gate = new();
        public string? Title;
        public string Language = "en";
        public string? Svg;
        public IReadOnlyList<CardDetail> Cards = [];
        public IReadOnlyList<string> Errors = [];
        public string Update = "";
        public readonly List<Channel<string>> Pages = [];
    }

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>The page of a served blueprint, drawn now if it was not drawn before.</summary>
    public void WritePage(string fullPath, Stream output)
    {
        var entry = EntryFor(fullPath);
        string svg, title, language;
        IReadOnlyList<CardDetail> cards;
        IReadOnlyList<string> errors;
        lock (entry.Gate) (svg, title, cards, errors, language) = (entry.Svg ?? NoDiagramYet, entry.Title ?? Path.GetFileName(fullPath), entry.Cards, entry.Errors, entry.Language);
        HtmlPage.Write(output, svg, cards, new HtmlPageOptions(title, options.Theme, ServedFiles.EventsPrefix + files.PagePath(fullPath), errors) { Language = language });
    }

    /// <summary>A page's updates, starting with the state it should show now; give the channel back with <see cref="Leave"/>.</summary>
    public (Channel<string> Updates, string Current) Join(string fullPath)
    {
        var entry = EntryFor(fullPath);
        // Only the newest update matters to a page: a slow one skips those it had no time for.
        var channel = Channel.CreateBounded<string>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (entry.Gate)
        {
            entry.Pages.Add(channel);
            return (channel, entry.Update);
        }
    }

    public void Leave(string fullPath, Channel<string> updates)
    {
        var entry = EntryFor(fullPath);
        lock (entry.Gate) entry.Pages.Remove(updates);
    }

    /// <summary>Draws a changed blueprint again (if it is shown at all) and sends it to its pages.</summary>
    public void Refresh(string fullPath)
    {
        Entry? entry;
        lock (_entries) _entries.TryGetValue(fullPath, out entry);
        if (entry is not null) Draw(fullPath, entry);
    }

    /// <summary>Draws every blueprint shown again: a lint configuration changed, or the watcher lost track.</summary>
    public void RefreshAll()
    {
        List<string> shown;
        lock (_entries) shown = [.. _entries.Keys];
        foreach (var path in shown) Refresh(path);
    }

    /// <summary>Draws a blueprint now unless it was drawn before (its findings are printed at once).</summary>
    public void Show(string fullPath) => EntryFor(fullPath);

    private Entry EntryFor(string fullPath)
    {
        Entry entry;
        bool created = false;
        lock (_entries)
        {
            if (!_entries.TryGetValue(fullPath, out entry!))
            {
                _entries[fullPath] = entry = new Entry();
                created = true;
            }
        }
        if (created) Draw(fullPath, entry);
        return entry;
    }

    private void Draw(string fullPath, Entry entry)
    {
        lock (entry.Gate)
        {
            var clock = Stopwatch.StartNew();
            var input = new InputFile(Display(fullPath), fullPath);
            var loaded = SourceLoader.Load(input, console);
            IReadOnlyList<string> errors;
            if (loaded.Unreadable is { } unreadable) errors = [unreadable];
            else
            {
                // Read afresh each time, so an edit of .blueprintlint.yaml shows on the next drawing.
                var config = LintConfigFiles.Create(console.CurrentDirectory, null).For(input);
                RenderRunner.Drawn drawn;
                string? failure = null;
                try { drawn = RenderRunner.Draw(loaded.Read!, config, options, force: false); }
                catch (RenderException e) { drawn = new RenderRunner.Drawn([], null); failure = $"{input.DisplayPath}: error: could not draw it: {e.Message}"; }
                var findings = drawn.Findings.Select(d => d.ToString()).ToList();
                foreach (var line in findings) console.Error.WriteLine(line);
                if (drawn.Layout is { } layout && loaded.Read!.Document is { } document)
                {
                    entry.Svg = DiagramRenderer.Svg(layout);
                    entry.Cards = CardDetails.Of(document);
                    entry.Title = document.Title;
                    entry.Language = layout.Language;
                    errors = [];
                }
                else errors = failure is not null ? [failure] : findings.Count > 0 ? findings : [$"{input.DisplayPath}: error: it could not be read"];
            }
            entry.Errors = errors;
            entry.Update = HtmlPage.Update(errors.Count == 0 ? entry.Svg : null, errors.Count == 0 ? entry.Cards : null, errors);
            foreach (var page in entry.Pages) page.Writer.TryWrite(entry.Update);
            console.Error.WriteLine(errors.Count == 0
                ? $"blueprint: drew '{input.DisplayPath}' in {clock.ElapsedMilliseconds} ms"
                : $"blueprint: '{input.DisplayPath}' has errors; the pages keep its last good diagram");
        }
    }

    /// <summary>A path as findings print it: relative to where the command runs, with forward slashes.</summary>
    private string Display(string fullPath)
    {
        string relative = Path.GetRelativePath(console.CurrentDirectory, fullPath);
        return (relative.StartsWith("..", StringComparison.Ordinal) ? fullPath : relative).Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>What a page shows before its blueprint was ever drawn without errors: nothing, under the findings.</summary>
    private const string NoDiagramYet = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"600\" height=\"200\" viewBox=\"0 0 600 200\"></svg>\n";
}
