#!/usr/bin/env python3
"""Diagnostics latency of `blueprint lsp`: the time from sending a didChange to receiving its publishDiagnostics.

usage: python3 bench/lsp-latency.py BLUEPRINT_FILE [CHANGES] -- COMMAND...
e.g.   node bench/generate.mjs 100 work && python3 bench/lsp-latency.py work/steps-100.blueprint.yaml 200 -- blueprint lsp

Each change types one character into, or deletes it from, a card text (alternately), as an editor sends keystrokes.
Prints the median, 90th percentile and maximum over the changes (the first open is reported apart: it warms up).
"""
import json, pathlib, statistics, subprocess, sys, time

def main():
    args = sys.argv[1:]
    split = args.index("--")
    path, changes = pathlib.Path(args[0]).resolve(), int(args[1]) if split > 1 else 200
    server = subprocess.Popen(args[split + 1:], stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def send(message):
        body = json.dumps(message).encode()
        server.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        server.stdin.flush()

    def receive():
        length = 0
        while (line := server.stdout.readline().strip()):
            if line.lower().startswith(b"content-length:"): length = int(line.split(b":")[1])
        return json.loads(server.stdout.read(length))

    def published(version):
        while True:
            m = receive()
            if m.get("method") == "textDocument/publishDiagnostics" and m["params"].get("version") == version: return m

    uri, text = path.as_uri(), path.read_text()
    lines = text.split("\n")
    line = next(i for i, l in enumerate(lines) if "text:" in l or "customer:" in l)
    column = len(lines[line])
    send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
    receive()
    send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    start = time.perf_counter()
    send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}}})
    found = len(published(1)["params"]["diagnostics"])
    opened = time.perf_counter() - start

    times = []
    for version in range(2, changes + 2):
        typed = version % 2 == 0
        end = column if typed else column + 1
        change = {"range": {"start": {"line": line, "character": column}, "end": {"line": line, "character": end}}, "text": "x" if typed else ""}
        start = time.perf_counter()
        send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}})
        published(version)
        times.append((time.perf_counter() - start) * 1000)

    send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    receive()
    send({"jsonrpc": "2.0", "method": "exit"})
    server.wait(10)
    times.sort()
    print(f"{path.name}: {len(lines)} lines, {found} findings; open {opened * 1000:.1f} ms; {changes} changes: "
          f"median {statistics.median(times):.1f} ms, p90 {times[int(len(times) * 0.9)]:.1f} ms, max {times[-1]:.1f} ms; exit {server.returncode}")

if __name__ == "__main__":
    main()
