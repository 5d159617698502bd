namespace Blueprint.Cli.Serve;

/// <summary>
/// Watches the served folder and redraws a blueprint shortly after its last change. Editors save in several writes,
/// or write a temporary file and rename it over the original (vim, JetBrains, VS Code's atomic save): every such event
/// names the blueprint (the rename by its new name), and a short quiet period folds them into one drawing.
/// </summary>
public sealed class BlueprintWatcher : IDisposable
{
    /// <summary>How long a file must stay unchanged before it is drawn again: the editor's writes of one save fall inside it.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(30);

    private readonly ServedFiles _files;
    private readonly LivePreview _preview;
    private readonly FileSystemWatcher _watcher;
    private readonly Dictionary<string, Timer> _pending = new(StringComparer.Ordinal);

    public BlueprintWatcher(ServedFiles files, LivePreview preview)
    {
        _files = files;
        _preview = preview;
        _watcher = new FileSystemWatcher(files.Root)
        {
            IncludeSubdirectories = files.SingleFile is null,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
            InternalBufferSize = 64 * 1024,
        };
        _watcher.Changed += (_, e) => Changed(e.FullPath);
        _watcher.Created += (_, e) => Changed(e.FullPath);
        _watcher.Deleted += (_, e) => Changed(e.FullPath);
        _watcher.Renamed += (_, e) =>
        {
            Changed(e.OldFullPath);
            Changed(e.FullPath);
        };
        // Too many changes at once to follow one by one: draw everything shown again.
        _watcher.Error += (_, _) => Schedule("", _preview.RefreshAll);
        _watcher.EnableRaisingEvents = true;
    }

    private void Changed(string fullPath)
    {
        if (!_files.Concerns(fullPath)) return;
        if (Core.Analysis.LintConfig.FileNames.Contains(Path.GetFileName(fullPath))) Schedule("", _preview.RefreshAll);
        else Schedule(fullPath, () => _preview.Refresh(fullPath));
    }

    /// <summary>Runs <paramref name="work"/> once <see cref="Quiet"/> has passed without another change of <paramref name="key"/>.</summary>
    private void Schedule(string key, Action work)
    {
        lock (_pending)
        {
            if (_pending.TryGetValue(key, out var timer))
            {
                timer.Change(Quiet, Timeout.InfiniteTimeSpan);
                return;
            }
            _pending[key] = new Timer(_ =>
            {
                lock (_pending)
                {
                    if (_pending.Remove(key, out var done)) done.Dispose();
                }
                work();
            }, null, Quiet, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        _watcher.Dispose();
        lock (_pending)
        {
            foreach (var timer in _pending.Values) timer.Dispose();
            _pending.Clear();
        }
    }
}
