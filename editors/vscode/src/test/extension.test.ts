import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';

// The packaged bundle, run against a stand-in for the editor's `vscode` module that records what the extension asks of it.
const root = path.join(__dirname, '..', '..');
const bundle = path.join(root, 'dist', 'extension.js');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes: { commands: { command: string }[] };
};

interface Document {
  uri: { scheme: string; fsPath: string };
  fileName: string;
  isDirty: boolean;
  save(): Promise<boolean>;
}

function document(file: string, dirty = false): Document & { saved: number } {
  const d = {
    uri: { scheme: 'file', fsPath: file },
    fileName: file,
    isDirty: dirty,
    saved: 0,
    async save(): Promise<boolean> {
      d.saved++;
      d.isDirty = false;
      return true;
    },
  };
  return d;
}

/** A fresh copy of the bundle bound to a new stand-in editor. */
function load(setting: string, open: Document[] = []) {
  const editor = {
    commands: new Map<string, (...args: unknown[]) => Promise<void>>(),
    errors: [] as string[][],
    warnings: [] as string[],
    opened: [] as string[],
    onOpen: undefined as ((d: Document) => void) | undefined,
    active: undefined as Document | undefined,
  };
  const disposable = { dispose() {} };
  const vscode = {
    window: {
      createOutputChannel: () => ({ ...disposable, append() {}, appendLine() {}, show() {} }),
      showErrorMessage: async (...args: string[]) => {
        editor.errors.push(args);
        return undefined;
      },
      showWarningMessage: async (message: string) => {
        editor.warnings.push(message);
        return undefined;
      },
      showInformationMessage: async () => undefined,
      withProgress: (_: unknown, work: () => Promise<unknown>) => work(),
      get activeTextEditor() {
        return editor.active === undefined ? undefined : { document: editor.active };
      },
    },
    commands: {
      registerCommand: (id: string, run: (...args: unknown[]) => Promise<void>) => {
        editor.commands.set(id, run);
        return disposable;
      },
      executeCommand: async () => undefined,
    },
    workspace: {
      textDocuments: open,
      getConfiguration: (section: string) => ({ get: (key: string) => (section === 'blueprint' && key === 'path' ? setting : undefined) }),
      onDidChangeConfiguration: () => disposable,
      openTextDocument: async (uri: { fsPath: string }) => document(uri.fsPath),
      onDidOpenTextDocument: (listener: (d: Document) => void) => {
        editor.onOpen = listener;
        return disposable;
      },
    },
    env: {
      asExternalUri: async (uri: unknown) => uri,
      openExternal: async (uri: { toString(): string }) => {
        editor.opened.push(uri.toString());
        return true;
      },
    },
    Uri: { parse: (text: string) => ({ toString: () => text }) },
    ProgressLocation: { Window: 10 },
  };
  // What the test gives no part of (the classes vscode-languageclient extends when it loads) is a do-nothing stand-in.
  const nothing: object = new Proxy(function () {}, { get: (_, key) => (key === '__esModule' ? false : nothing), apply: () => nothing, construct: () => nothing });
  const api = new Proxy(vscode, { get: (target, key) => (key in target ? target[key as keyof typeof vscode] : nothing) });
  const Module = require('node:module') as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = Module._load;
  Module._load = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? api : original.call(this, request, ...rest);
  };
  try {
    delete require.cache[require.resolve(bundle)];
    const extension = require(bundle) as { activate(context: unknown): void; deactivate(): Promise<void> };
    extension.activate({ subscriptions: [] });
    return { editor, extension };
  } finally {
    Module._load = original;
  }
}

const settled = () => new Promise(resolve => setTimeout(resolve, 20));

test('activating registers every command that package.json contributes, and starts no server before a blueprint opens', async () => {
  const { editor } = load('/nowhere/blueprint', [document('/w/notes.yaml')]);
  assert.deepEqual([...editor.commands.keys()].sort(), manifest.contributes.commands.map(c => c.command).sort());
  await settled();
  assert.equal(editor.errors.length, 0);
});

test('opening a blueprint with no program to run says how to install it or set blueprint.path, once', async () => {
  const { editor } = load('/nowhere/blueprint');
  editor.onOpen!(document('/w/readme.md'));
  await settled();
  assert.equal(editor.errors.length, 0);
  editor.onOpen!(document('/w/shop.blueprint.yaml'));
  editor.onOpen!(document('/w/other.blueprint.md'));
  await settled();
  assert.equal(editor.errors.length, 1);
  const [message, ...buttons] = editor.errors[0];
  assert.match(message, /^Blueprint: .*'\/nowhere\/blueprint'.*dotnet tool install --global ServiceBlueprint\.Cli.*blueprint\.path/);
  assert.deepEqual(buttons, ['Retry', 'Open settings', 'How to install']);
});

/** A stand-in for `blueprint serve` that writes its process id on a line of a file beside it when it starts. */
function fakeServe(): { program: string; started: () => number[] } {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'blueprint-vscode-'));
  const program = path.join(folder, 'blueprint');
  const log = path.join(folder, 'started');
  fs.writeFileSync(program, `#!${process.execPath}
require('node:fs').appendFileSync(${JSON.stringify(log)}, process.pid + '\\n');
process.stdout.write('serving http://127.0.0.1:' + (40000 + process.pid % 1000) + '/\\n');
setInterval(() => {}, 1000);
`, { mode: 0o755 });
  return { program, started: () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n').map(Number) : []) };
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const posix = { skip: process.platform === 'win32' ? 'the stand-in program is a script with a #! line' : false };

test('Open preview saves the file, runs serve once per file, opens its address, and deactivating stops every serve', posix, async () => {
  const serve = fakeServe();
  const { editor, extension } = load(serve.program);
  try {
    await previewTwoFiles(editor, serve, extension);
  } finally {
    for (const pid of serve.started().filter(running)) process.kill(pid);
  }
});

async function previewTwoFiles(editor: ReturnType<typeof load>['editor'], serve: ReturnType<typeof fakeServe>, extension: ReturnType<typeof load>['extension']): Promise<void> {
  const shop = document(path.join(os.tmpdir(), 'shop.blueprint.yaml'), true);
  editor.active = shop;
  await editor.commands.get('blueprint.openPreview')!();
  assert.equal(shop.saved, 1);
  const [first] = serve.started();
  assert.deepEqual(editor.opened, [`http://127.0.0.1:${40000 + first % 1000}/`]);

  await editor.commands.get('blueprint.openPreview')!();
  assert.equal(serve.started().length, 1, 'the same file again reuses its serve');
  assert.deepEqual(editor.opened, [editor.opened[0], editor.opened[0]]);

  // The editor title button passes the file's uri.
  await editor.commands.get('blueprint.openPreview')!({ scheme: 'file', fsPath: path.join(os.tmpdir(), 'other.blueprint.md') });
  const pids = serve.started();
  assert.equal(pids.length, 2, 'another file gets a serve of its own');
  assert.ok(pids.every(running));

  await extension.deactivate();
  for (let i = 0; i < 100 && pids.some(running); i++) await new Promise(resolve => setTimeout(resolve, 20));
  assert.deepEqual(pids.filter(running), []);
}

test('Open preview on a file that is not a blueprint warns and runs nothing', posix, async () => {
  const serve = fakeServe();
  const { editor, extension } = load(serve.program);
  editor.active = document('/w/notes.yaml');
  await editor.commands.get('blueprint.openPreview')!();
  assert.equal(editor.warnings.length, 1);
  assert.match(editor.warnings[0], /\*\.blueprint\.yaml, \*\.blueprint\.yml or \*\.blueprint\.md/);
  assert.deepEqual(serve.started(), []);
  assert.deepEqual(editor.opened, []);
  await extension.deactivate();
});
