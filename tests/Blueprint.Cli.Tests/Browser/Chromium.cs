using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Blueprint.Cli.Tests.Browser;

/// <summary>
/// The system's Chromium (Debian <c>chromium</c>), headless, driven over the DevTools protocol: a WebSocket and JSON,
/// nothing to download and no driver process of its own (Playwright would bring a Node.js driver that expects a browser
/// build of its own). One browser serves all the tests of the "browser" collection; each test opens its own page.
/// </summary>
public sealed partial class Chromium : IAsyncDisposable
{
    public const string DefaultPath = "/usr/bin/chromium";

    private readonly Process _process;
    private readonly DevTools _devtools;
    private readonly string _profile;

    private Chromium(Process process, DevTools devtools, string profile)
    {
        _process = process;
        _devtools = devtools;
        _profile = profile;
    }

    /// <summary>The browser to test with: <c>BLUEPRINT_CHROMIUM</c>, else Debian's; test.sh installs it.</summary>
    public static string ExecutablePath => Environment.GetEnvironmentVariable("BLUEPRINT_CHROMIUM") is { Length: > 0 } own ? own : DefaultPath;

    public static async Task<Chromium> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException($"no Chromium at {ExecutablePath}: install Debian's `chromium` (./test.sh does), or set BLUEPRINT_CHROMIUM");
        string profile = Directory.CreateTempSubdirectory("blueprint-chromium-").FullName;
        var start = new ProcessStartInfo(ExecutablePath) { RedirectStandardError = true, RedirectStandardOutput = true };
        // Without these a headless Chromium in a container hangs on refused connections (updates, sync, QUIC) or refuses to start.
        foreach (var flag in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio",
                     "--remote-debugging-port=0", $"--user-data-dir={profile}", "--window-size=1280,800", "about:blank",
                 })
            start.ArgumentList.Add(flag);
        var process = Process.Start(start)!;
        var endpoint = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) { endpoint.TrySetException(new InvalidOperationException($"Chromium exited before it listened:\n{log}")); return; }
            lock (log) log.AppendLine(e.Data);
            if (DevToolsLine().Match(e.Data) is { Success: true } m) endpoint.TrySetResult(m.Groups[1].Value);
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        if (await Task.WhenAny(endpoint.Task, Task.Delay(TimeSpan.FromSeconds(30))) != endpoint.Task)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"Chromium did not open its DevTools port in 30 s:\n{log}");
        }
        var devtools = await DevTools.ConnectAsync(new Uri(await endpoint.Task));
        return new Chromium(process, devtools, profile);
    }

    [GeneratedRegex(@"DevTools listening on (ws://\S+)")]
    private static partial Regex DevToolsLine();

    /// <summary>A new tab of the given size (CSS pixels), blank; navigate it with <see cref="Page.GoToAsync"/>.</summary>
    public async Task<Page> NewPageAsync(int width = 1280, int height = 800)
    {
        var target = await _devtools.SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" });
        string targetId = target["targetId"]!.GetValue<string>();
        var attached = await _devtools.SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = targetId, ["flatten"] = true });
        var page = new Page(_devtools, attached["sessionId"]!.GetValue<string>(), targetId);
        await page.StartAsync(width, height);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        try { await _devtools.SendAsync("Browser.close", []).WaitAsync(TimeSpan.FromSeconds(5)); } catch (Exception) { }
        await _devtools.DisposeAsync();
        if (!_process.WaitForExit(5000)) _process.Kill(entireProcessTree: true);
        _process.Dispose();
        try { Directory.Delete(_profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>One tab: navigation, script, real mouse and keyboard input, screenshots, and the requests it made.</summary>
    public sealed class Page(DevTools devtools, string session, string targetId) : IAsyncDisposable
    {
        private readonly ConcurrentQueue<string> _requests = new();
        private TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Every URL the page asked for, the navigations included.</summary>
        public IReadOnlyCollection<string> Requests => _requests;

        /// <summary>Messages the page's console or an uncaught exception printed (a script error fails a test).</summary>
        public ConcurrentQueue<string> Console { get; } = new();

        internal async Task StartAsync(int width, int height)
        {
            devtools.On(session, "Network.requestWillBeSent", e => _requests.Enqueue(e["request"]!["url"]!.GetValue<string>()));
            devtools.On(session, "Page.loadEventFired", _ => _loaded.TrySetResult());
            devtools.On(session, "Runtime.exceptionThrown", e => Console.Enqueue("exception: " + e["exceptionDetails"]!.ToJsonString()));
            devtools.On(session, "Runtime.consoleAPICalled", e => Console.Enqueue(e["type"] + ": " + e["args"]!.ToJsonString()));
            await SendAsync("Page.enable");
            await SendAsync("Runtime.enable");
            await SendAsync("Network.enable");
            // As if the window had the focus, so that focus() and the keyboard behave as for a user.
            await SendAsync("Emulation.setFocusEmulationEnabled", new JsonObject { ["enabled"] = true });
            await SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false });
        }

        public Task<JsonNode> SendAsync(string method, JsonObject? parameters = null) => devtools.SendAsync(method, parameters ?? [], session);

        /// <summary>Opens <paramref name="url"/> and waits for its load event.</summary>
        public async Task GoToAsync(string url)
        {
            _loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var result = await SendAsync("Page.navigate", new JsonObject { ["url"] = url });
            if (result["errorText"] is { } error) throw new InvalidOperationException($"could not open {url}: {error}");
            await _loaded.Task.WaitAsync(TimeSpan.FromSeconds(20));
        }

        /// <summary>The value of a JavaScript expression in the page (awaited when it is a promise), as JSON.</summary>
        public async Task<JsonNode?> EvaluateAsync(string expression)
        {
            var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true });
            if (result["exceptionDetails"] is { } failure) throw new InvalidOperationException($"{expression} threw: {failure.ToJsonString()}");
            return result["result"]!["value"];
        }

        public async Task<T> EvaluateAsync<T>(string expression) => (await EvaluateAsync(expression))!.GetValue<T>();

        /// <summary>Waits until the expression is true; the test fails with <paramref name="what"/> when it never is.</summary>
        public async Task WaitForAsync(string expression, string what, double seconds = 10)
        {
            var until = Stopwatch.StartNew();
            while (until.Elapsed.TotalSeconds < seconds)
            {
                if (await EvaluateAsync($"!!({expression})") is { } v && v.GetValue<bool>()) return;
                await Task.Delay(20);
            }
            throw new TimeoutException($"{what} (waited {seconds} s for `{expression}`)");
        }

        /// <summary>The centre of the first element the selector finds, in the page's CSS pixels.</summary>
        public async Task<(double X, double Y)> CentreOfAsync(string selector)
        {
            var box = await EvaluateAsync($"(() => {{ const r = document.querySelector({JsonSerializer.Serialize(selector)}).getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; }})()");
            return (box![0]!.GetValue<double>(), box[1]!.GetValue<double>());
        }

        public Task MoveMouseAsync(double x, double y) => Mouse("mouseMoved", x, y);

        public async Task HoverAsync(string selector)
        {
            var (x, y) = await CentreOfAsync(selector);
            await MoveMouseAsync(x, y);
        }

        public async Task ClickAsync(string selector)
        {
            var (x, y) = await CentreOfAsync(selector);
            await MoveMouseAsync(x, y);
            await Mouse("mousePressed", x, y, 1);
            await Mouse("mouseReleased", x, y, 1);
        }

        private Task Mouse(string type, double x, double y, int clicks = 0) => SendAsync("Input.dispatchMouseEvent", new JsonObject
        {
            ["type"] = type, ["x"] = x, ["y"] = y, ["button"] = clicks > 0 ? "left" : "none", ["clickCount"] = clicks,
        });

        /// <summary>Presses and releases a key as the keyboard does: Tab, Enter, Escape, or a printable character.</summary>
        public async Task PressAsync(string key)
        {
            var (code, keyCode, text) = key switch
            {
                "Tab" => ("Tab", 9, ""),
                "Enter" => ("Enter", 13, "\r"),
                "Escape" => ("Escape", 27, ""),
                _ => ("Key" + key.ToUpperInvariant(), key.ToUpperInvariant()[0], key),
            };
            var down = new JsonObject { ["type"] = text.Length > 0 ? "keyDown" : "rawKeyDown", ["key"] = key, ["code"] = code, ["windowsVirtualKeyCode"] = keyCode, ["nativeVirtualKeyCode"] = keyCode };
            if (text.Length > 0) down["text"] = text;
            await SendAsync("Input.dispatchKeyEvent", down);
            await SendAsync("Input.dispatchKeyEvent", new JsonObject { ["type"] = "keyUp", ["key"] = key, ["code"] = code, ["windowsVirtualKeyCode"] = keyCode, ["nativeVirtualKeyCode"] = keyCode });
        }

        /// <summary>Types text into the focused field as an input method would.</summary>
        public Task TypeAsync(string text) => SendAsync("Input.insertText", new JsonObject { ["text"] = text });

        public async Task<byte[]> ScreenshotAsync()
        {
            var shot = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png" });
            return Convert.FromBase64String(shot["data"]!.GetValue<string>());
        }

        /// <summary>With <c>BLUEPRINT_SCREENSHOTS=DIR</c>, saves what the page shows now as DIR/NAME.png, for a person to look at.</summary>
        public async Task KeepScreenshotAsync(string name)
        {
            if (Environment.GetEnvironmentVariable("BLUEPRINT_SCREENSHOTS") is not { Length: > 0 } folder) return;
            Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(Path.Combine(folder, name + ".png"), await ScreenshotAsync());
        }

        public async ValueTask DisposeAsync()
        {
            try { await devtools.SendAsync("Target.closeTarget", new JsonObject { ["targetId"] = targetId }).WaitAsync(TimeSpan.FromSeconds(5)); }
            catch (Exception) { }
            devtools.Off(session);
        }
    }

    /// <summary>The DevTools protocol over one WebSocket: commands matched to replies by id, events to handlers by session.</summary>
    public sealed class DevTools : IAsyncDisposable
    {
        private readonly ClientWebSocket _socket;
        private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode>> _pending = new();
        private readonly ConcurrentDictionary<(string Session, string Method), Action<JsonNode>> _handlers = new();
        private readonly SemaphoreSlim _sending = new(1, 1);
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _reading;
        private int _ids;

        private DevTools(ClientWebSocket socket)
        {
            _socket = socket;
            _reading = Task.Run(ReadAsync);
        }

        public static async Task<DevTools> ConnectAsync(Uri endpoint)
        {
            var socket = new ClientWebSocket();
            socket.Options.KeepAliveInterval = TimeSpan.Zero;
            await socket.ConnectAsync(endpoint, CancellationToken.None);
            return new DevTools(socket);
        }

        public void On(string session, string method, Action<JsonNode> handler) => _handlers[(session, method)] = handler;

        public void Off(string session)
        {
            foreach (var key in _handlers.Keys.Where(k => k.Session == session).ToList()) _handlers.TryRemove(key, out _);
        }

        public async Task<JsonNode> SendAsync(string method, JsonObject parameters, string? session = null)
        {
            int id = Interlocked.Increment(ref _ids);
            var reply = new TaskCompletionSource<JsonNode>(TaskCreationOptions.RunContinuationsAsynchronously);
            _pending[id] = reply;
            var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
            if (session is not null) message["sessionId"] = session;
            var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
            await _sending.WaitAsync();
            try { await _socket.SendAsync(bytes, WebSocketMessageType.Text, true, CancellationToken.None); }
            finally { _sending.Release(); }
            return await reply.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }

        private async Task ReadAsync()
        {
            var buffer = new byte[1 << 16];
            var message = new MemoryStream();
            try
            {
                while (_socket.State == WebSocketState.Open)
                {
                    var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                    if (result.MessageType == WebSocketMessageType.Close) break;
                    message.Write(buffer, 0, result.Count);
                    if (!result.EndOfMessage) continue;
                    var node = JsonNode.Parse(message.ToArray())!;
                    message.SetLength(0);
                    if (node["id"] is { } id && _pending.TryRemove(id.GetValue<int>(), out var reply))
                    {
                        if (node["error"] is { } error) reply.TrySetException(new InvalidOperationException(error.ToJsonString()));
                        else reply.TrySetResult(node["result"] ?? new JsonObject());
                    }
                    else if (node["method"] is { } method
                             && _handlers.TryGetValue((node["sessionId"]?.GetValue<string>() ?? "", method.GetValue<string>()), out var handler))
                    {
                        handler(node["params"] ?? new JsonObject());
                    }
                }
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException) { }
            foreach (var reply in _pending.Values) reply.TrySetException(new InvalidOperationException("the browser closed its DevTools connection"));
        }

        public async ValueTask DisposeAsync()
        {
            _stop.Cancel();
            try { await _reading.WaitAsync(TimeSpan.FromSeconds(5)); } catch (Exception) { }
            _socket.Dispose();
        }
    }
}

/// <summary>One browser for every test in the "browser" collection (starting one costs about a second).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public Chromium Browser { get; private set; } = null!;

    public async Task InitializeAsync() => Browser = await Chromium.LaunchAsync();

    public async Task DisposeAsync() => await Browser.DisposeAsync();
}

[CollectionDefinition("browser")]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>;
