// Drives `blueprint lsp` through Microsoft's LSP client libraries (vscode-languageserver-protocol over vscode-jsonrpc,
// the ones under VS Code's own client) and prints what it saw as JSON. The test that runs it (NodeClientTests.cs) makes
// the plan and checks the report; this script only drives and observes.
//
//   node lsp-client.mjs plan.json
//
// plan.json is the one the Neovim script reads: { "cmd": [...], "root": folder, "timeout_ms": n,
//   "files": [ { "path", "filetype", "definition": At, "completion": At, "fix": { "line", "find", "replace" } } ] }
// The fix here is `replace` typed over the broken id `find` (one incremental change).
// At: { "line": 0-based line, "after": text on that line } is the position just after that text.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import protocol from 'vscode-languageserver-protocol/node.js';

const {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter,
  InitializeRequest, InitializedNotification, DidOpenTextDocumentNotification, DidChangeTextDocumentNotification,
  PublishDiagnosticsNotification, DefinitionRequest, CompletionRequest, CodeActionRequest, ShutdownRequest, ExitNotification,
} = protocol;

const plan = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const [program, ...args] = plan.cmd;
const server = spawn(program, args, { cwd: plan.root, stdio: ['pipe', 'pipe', 'inherit'] });
const exited = new Promise(resolve => server.on('exit', code => resolve(code)));
const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));

// Every publishDiagnostics, by document; a waiter is woken on each.
const published = new Map();
let wake = () => {};
connection.onNotification(PublishDiagnosticsNotification.type, params => {
  if (!published.has(params.uri)) published.set(params.uri, []);
  published.get(params.uri).push(params.diagnostics);
  wake();
});
connection.listen();

function within(promise, what) {
  let timer;
  const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), plan.timeout_ms); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// The diagnostics of the count-th publication for uri (1-based), once it has come.
async function publication(uri, count) {
  while ((published.get(uri) ?? []).length < count) await within(new Promise(resolve => { wake = resolve; }), `diagnostics of ${uri}`);
  return published.get(uri)[count - 1];
}

// The LSP position just after `at.after` on line `at.line`: JavaScript strings count UTF-16 units, as LSP does.
function after(lines, at) {
  const start = lines[at.line].indexOf(at.after);
  if (start < 0) throw new Error(`'${at.after}' is not on line ${at.line}`);
  return { line: at.line, character: start + at.after.length };
}

const report = { files: [] };
try {
  const initialized = await within(connection.sendRequest(InitializeRequest.type, {
    processId: process.pid, rootUri: pathToFileURL(plan.root).href, workspaceFolders: null,
    capabilities: { general: { positionEncodings: ['utf-16'] }, textDocument: { publishDiagnostics: {}, definition: {}, completion: {}, codeAction: {} } },
  }), 'initialize');
  report.server = initialized.capabilities;
  await connection.sendNotification(InitializedNotification.type, {});

  for (const spec of plan.files) {
    const uri = pathToFileURL(spec.path).href;
    const text = readFileSync(spec.path, 'utf8');
    const lines = text.split('\n');
    const seen = { path: spec.path };
    report.files.push(seen);
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: spec.filetype, version: 1, text } });
    seen.diagnostics = await publication(uri, 1);

    seen.definition = await within(connection.sendRequest(DefinitionRequest.type,
      { textDocument: { uri }, position: after(lines, spec.definition) }), 'definition');
    if (spec.completion) {
      try {
        const completion = await within(connection.sendRequest(CompletionRequest.type,
          { textDocument: { uri }, position: after(lines, spec.completion) }), 'completion');
        seen.completion = { labels: (Array.isArray(completion) ? completion : completion?.items ?? []).map(item => item.label) };
      } catch (e) {
        seen.completion = { labels: [], error: { code: e.code, message: e.message } };
      }
    }

    const { line, find, replace } = spec.fix;
    const character = lines[line].indexOf(find);
    // The quick fixes offered on the broken id's line; the fix below is typed, as the Neovim client applies the quick fix.
    const actions = await within(connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri }, range: { start: { line, character }, end: { line, character } }, context: { diagnostics: seen.diagnostics },
    }), 'code actions');
    seen.actions = (actions ?? []).map(action => ({ title: action.title, edit: action.edit?.changes?.[uri] ?? null }));
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line, character }, end: { line, character: character + find.length } }, text: replace }],
    });
    seen.fixed = await publication(uri, 2);
  }

  await within(connection.sendRequest(ShutdownRequest.type), 'shutdown');
  await connection.sendNotification(ExitNotification.type);
  report.exitCode = await within(exited, 'the server to exit');
} catch (e) {
  report.error = e.stack ?? String(e);
  server.kill();
}
connection.dispose();
process.stdout.write(JSON.stringify(report));
process.exitCode = report.error ? 1 : 0;
