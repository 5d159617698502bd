#!/usr/bin/env python3
"""Diagnostics latency of `blueprint lsp`: the time from sending a didChange to receiving its publishDiagnostics.

usage: python3 bench/lsp-latency.py BLUEPRINT_FILE [CHANGES] -- COMMAND...
e.g.   node bench/generate.mjs 100 work && python3 bench/lsp-latency.py work/steps-100.blueprint.yaml 200 -- blueprint lsp

Each change types one character into, or deletes it from, a card text (alternately), as an editor sends keystrokes.
Prints the median, 90th percentile and maximum over the changes (the first open is reported apart: it warms up).
Then times as many completion requests inside the first `to: [` list (ids) and hover requests on its first
reference (the card it names), each from sending the request to receiving its answer.
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

    def answered(request_id):
        while True:
            m = receive()
            if m.get("id") == request_id: return m

    def timed(method, position, count, first_id):
        spent = []
        for n in range(count):
            start = time.perf_counter()
            send({"jsonrpc": "2.0", "id": first_id + n, "method": method,
                  "params": {"textDocument": {"uri": uri}, "position": position}})
            reply = answered(first_id + n)
            spent.append((time.perf_counter() - start) * 1000)
            if "error" in reply: sys.exit(f"{method}: {reply['error']}")
        spent.sort()
        return spent, reply

    current = text.split("\n")
    ref_line = next((i for i, l in enumerate(current) if "to: [" in l), None)
    summaries = []
    if ref_line is not None:
        at = {"line": ref_line, "character": current[ref_line].index("to: [") + len("to: [")}
        completion, reply = timed("textDocument/completion", at, changes, 1000)
        summaries.append(f"completion ({len(reply['result']['items'])} items): median {statistics.median(completion):.1f} ms, max {completion[-1]:.1f} ms")
        hover, reply = timed("textDocument/hover", {"line": at["line"], "character": at["character"] + 1}, changes, 1000 + changes)
        if reply.get("result") is None: sys.exit("hover: no card at the first reference")
        summaries.append(f"hover: median {statistics.median(hover):.2f} ms, max {hover[-1]:.1f} ms")

    send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    receive()
    send({"jsonrpc": "2.0", "method": "exit"})
    server.wait(10)
    times.sort()
    print(f"{path.name}: {len(lines)} lines, {found} findings; open {opened * 1000:.1f} ms; {changes} changes: "
          f"median {statistics.median(times):.1f} ms, p90 {times[int(len(times) * 0.9)]:.1f} ms, max {times[-1]:.1f} ms; "
          + "".join(f"{summary}; " for summary in summaries) + f"exit {server.returncode}")

if __name__ == "__main__":
    main()
