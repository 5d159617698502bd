import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * A stand-in for the editor's `vscode` module, just enough of it for the bundled extension and the language client
 * inside it to run under plain Node, recording what they ask of the editor (messages, opened pages, diagnostics).
 */

const bundle = path.join(__dirname, '..', '..', 'dist', 'extension.js');

/** The parts of vscode.Uri the extension and the language client use. */
export class Uri {
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

export class Position {
  constructor(readonly line: number, readonly character: number) {}
}

export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(start: Position | number, end: Position | number, endLine?: number, endCharacter?: number) {
    this.start = start instanceof Position ? start : new Position(start, end as number);
    this.end = end instanceof Position ? end : new Position(endLine!, endCharacter!);
  }
}

export interface Diagnostic {
  range: Range;
  message: string;
  source?: string;
  code?: { value: string; target: Uri };
}

export class CancellationTokenSource {
  readonly token = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) };
  cancel(): void {
    this.token.isCancellationRequested = true;
  }
  dispose(): void {}
}

export interface Document {
  uri: Uri;
  fileName: string;
  languageId: string;
  version: number;
  isDirty: boolean;
  getText(): string;
  save(): Promise<boolean>;
}

export function document(file: string, dirty = false): Document & { saved: number } {
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

/** A fresh copy of the bundle, activated in a new stand-in editor whose `blueprint.path` is `setting`. */
export function load(setting: string, open: Document[] = []) {
  const editor = {
    commands: new Map<string, (...args: unknown[]) => Promise<void>>(),
    errors: [] as string[][],
    warnings: [] as string[],
    opened: [] as string[],
    watchers: [] as string[],
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
      createFileSystemWatcher: (glob: string) => {
        editor.watchers.push(glob);
        return { ...disposable, onDidCreate: () => disposable, onDidChange: () => disposable, onDidDelete: () => disposable };
      },
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
