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

/** The parts of vscode.Uri the extension and the language client use. */
class Uri {
  readonly scheme: string;
  readonly fsPath: string;
  private constructor(private readonly text: string) {
    this.scheme = text.slice(0, text.indexOf(':'));
    this.fsPath = decodeURIComponent(text.replace(/^file:\/\//, ''));
  }
  static parse(text: string): Uri {
    return new Uri(text);
  }
  static file(file: string): Uri {
    return new Uri(`file://${file.split(path.sep).map(encodeURIComponent).join('/')}`);
  }
  toString(): string {
    return this.text;
  }
}

class Position {
  constructor(readonly line: number, readonly character: number) {}
}

class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(start: Position | number, end: Position | number, endLine?: number, endCharacter?: number) {
    this.start = start instanceof Position ? start : new Position(start, end as number);
    this.end = end instanceof Position ? end : new Position(endLine!, endCharacter!);
  }
}

interface Diagnostic {
  range: Range;
  message: string;
  source?: string;
  code?: { value: string; target: Uri };
}

class CancellationTokenSource {
  readonly token = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) };
  cancel(): void {
    this.token.isCancellationRequested = true;
  }
  dispose(): void {}
}

interface Document {
  uri: Uri;
  fileName: string;
  languageId: string;
  version: number;
  isDirty: boolean;
  getText(): string;
  save(): Promise<boolean>;
}

function document(file: string, dirty = false): Document & { saved: number } {
  const d = {
    uri: Uri.file(file),
    fileName: file,
    languageId: /\.ya?ml$/.test(file) ? 'yaml' : file.endsWith('.md') ? 'markdown' : 'plaintext',
    version: 1,
    isDirty: dirty,
    saved: 0,
    getText: () => fs.readFileSync(file, 'utf8'),
    async save(): Promise<boolean> {
      d.saved++;
      d.isDirty = false;
      return true;
    },
  };
  return d;
}

/** vscode.languages.match for the filters the extension uses: language, scheme and a glob of *, ** and {a,b}. */
function matches(selector: { language: string; scheme: string; pattern: string }[], d: Document): boolean {
  const glob = (pattern: string) =>
    new RegExp(`^${pattern.replace(/[.+^$()|[\]\\]/g, '\\$&').replace(/\{([^}]*)\}/g, (_, list: string) => `(${list.split(',').join('|')})`)
      .replace(/\*\*\//g, '\u0000').replace(/\*/g, '[^/]*').replace(/\u0000/g, '(.*/)?')}$`);
  return selector.some(f => f.language === d.languageId && f.scheme === d.uri.scheme && glob(f.pattern).test(d.fileName.split(path.sep).join('/')));
}

/** A fresh copy of the bundle bound to a new stand-in editor. */
function load(setting: string, open: Document[] = []) {
  const editor = {
    commands: new Map<string, (...args: unknown[]) => Promise<void>>(),
    errors: [] as string[][],
    warnings: [] as string[],
    opened: [] as string[],
    diagnostics: new Map<string, Diagnostic[]>(),
    onOpen: undefined as ((d: Document) => void) | undefined,
    active: undefined as Document | undefined,
  };
  const disposable = { dispose() {} };
  const vscode = {
    version: '1.82.0',
    Uri,
    Position,
    Range,
    CancellationTokenSource,
    Diagnostic: class {
      constructor(readonly range: Range, readonly message: string, readonly severity: number) {}
    },
    ProgressLocation: { Window: 10 },
    window: {
      createOutputChannel: () => ({ ...disposable, name: 'Blueprint', append() {}, appendLine() {}, show() {} }),
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
      visibleTextEditors: [],
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
      workspaceFolders: undefined,
      getConfiguration: (section: string) => ({
        get: (key: string, otherwise?: unknown) => (section === 'blueprint' && key === 'path' ? setting : otherwise),
      }),
      onDidChangeConfiguration: () => disposable,
      openTextDocument: async (uri: Uri) => document(uri.fsPath),
      onDidOpenTextDocument: (listener: (d: Document) => void) => {
        // The extension's listener is the first; the language client's come after it.
        editor.onOpen ??= listener;
        return disposable;
      },
    },
    languages: {
      match: (selector: { language: string; scheme: string; pattern: string }[], d: Document) => (matches(selector, d) ? 10 : 0),
      createDiagnosticCollection: () => ({
        ...disposable,
        set: (uri: Uri, diagnostics: Diagnostic[]) => editor.diagnostics.set(uri.toString(), diagnostics),
        delete: (uri: Uri) => editor.diagnostics.delete(uri.toString()),
        clear: () => editor.diagnostics.clear(),
        forEach() {},
      }),
    },
    env: {
      appName: 'stand-in',
      language: 'en',
      asExternalUri: async (uri: unknown) => uri,
      openExternal: async (uri: { toString(): string }) => {
        editor.opened.push(uri.toString());
        return true;
      },
    },
  };
  // What the test gives no part of (the classes vscode-languageclient extends, the providers it registers) is a
  // do-nothing stand-in; `then` stays undefined so that awaiting one does not hang.
  const nothing: object = new Proxy(function () {}, {
    get: (_, key) => (key === '__esModule' || key === 'then' ? undefined : nothing),
    apply: () => nothing,
    construct: () => nothing,
  });
  const lenient = <T extends object>(part: T): T => new Proxy(part, { get: (target, key) => (key in target ? target[key as keyof T] : nothing) });
  const api = lenient({ ...vscode, window: lenient(vscode.window), workspace: lenient(vscode.workspace), languages: lenient(vscode.languages), commands: lenient(vscode.commands), env: lenient(vscode.env) });
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
    await editor.commands.get('blueprint.openPreview')!(Uri.file(path.join(os.tmpdir(), 'other.blueprint.md')));
    const pids = serve.started();
    assert.equal(pids.length, 2, 'another file gets a serve of its own');
    assert.ok(pids.every(running));

    await extension.deactivate();
    for (let i = 0; i < 100 && pids.some(running); i++) await new Promise(resolve => setTimeout(resolve, 20));
    assert.deepEqual(pids.filter(running), []);
  } finally {
    for (const pid of serve.started().filter(running)) process.kill(pid);
  }
});

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

const real = process.env.BLUEPRINT_PROGRAM;
const withBlueprint = { skip: real === undefined ? 'BLUEPRINT_PROGRAM names the blueprint program' : false };

test('with the real blueprint lsp: an open blueprint gets its findings through vscode-languageclient, codes and rule pages included', withBlueprint, async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'blueprint-vscode-'));
  const file = path.join(folder, 'shop.blueprint.yaml');
  fs.writeFileSync(file, [
    'blueprint: Shop',
    'goal: Sell coffee',
    'scenario: A visit',
    'scenes:',
    '  - scene: Visit',
    '    steps:',
    '      - step: Order',
    '        customer:',
    '          text: Orders',
    '          to: [pay]',
    '',
  ].join('\n'));
  const notes = document(path.join(folder, 'notes.yaml'));
  fs.writeFileSync(notes.fileName, 'to: [nowhere]\n');
  const { editor, extension } = load(real!, [document(file), notes]);
  try {
    for (let i = 0; i < 1500 && !editor.diagnostics.has(Uri.file(file).toString()); i++) await new Promise(resolve => setTimeout(resolve, 20));
    const found = editor.diagnostics.get(Uri.file(file).toString());
    assert.ok(found !== undefined, `no diagnostics for the blueprint; errors shown: ${JSON.stringify(editor.errors)}`);
    const broken = found.find(d => d.code?.value === 'BP005');
    assert.ok(broken !== undefined, JSON.stringify(found));
    assert.match(broken.message, /`pay`/);
    assert.equal(broken.source, 'blueprint');
    assert.deepEqual([broken.range.start.line, broken.range.start.character], [9, 15]);
    assert.match(broken.code!.target.toString(), /docs\/rules\/BP005\.md$/);
    await settled();
    assert.equal(editor.diagnostics.has(notes.uri.toString()), false, 'a YAML file that is not a blueprint is not sent');
    assert.equal(editor.errors.length, 0);
  } finally {
    await extension.deactivate();
  }
});
