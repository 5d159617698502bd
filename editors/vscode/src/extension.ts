import * as vscode from 'vscode';
import { CloseAction, ErrorHandler, LanguageClient, TransportKind } from 'vscode-languageclient/node';
import { blueprintSelector, isBlueprintFile } from './blueprintFiles';
import { installHint, Located, locateProgram, machine } from './locate';
import { Preview, startPreview } from './preview';

const readme = 'https://github.com/blueprint-cli/blueprint#install';

let output: vscode.OutputChannel;
/** The lint configurations: the server checks the open blueprints again when one is created, changed or deleted. */
let lintConfigs: vscode.FileSystemWatcher;
let client: LanguageClient | undefined;
/** The attempt to start the language server; cleared by a restart, so a failed start is reported once, not on every file. */
let started: Promise<void> | undefined;
/** One `blueprint serve` per file, by its path. */
const previews = new Map<string, Preview>();

export function activate(context: vscode.ExtensionContext): void {
  output = vscode.window.createOutputChannel('Blueprint');
  lintConfigs = vscode.workspace.createFileSystemWatcher('**/.blueprintlint.{yaml,yml}');
  context.subscriptions.push(
    output,
    lintConfigs,
    vscode.commands.registerCommand('blueprint.openPreview', (uri?: vscode.Uri) => openPreview(uri)),
    vscode.commands.registerCommand('blueprint.restartServer', () => restart()),
    vscode.workspace.onDidChangeConfiguration(change => {
      if (change.affectsConfiguration('blueprint.path')) void restart();
    }),
    // The extension wakes for every YAML and Markdown file; the server starts only once a blueprint is open.
    vscode.workspace.onDidOpenTextDocument(document => {
      if (isBlueprintDocument(document)) void ensureStarted();
    }),
  );
  if (vscode.workspace.textDocuments.some(isBlueprintDocument)) void ensureStarted();
}

export async function deactivate(): Promise<void> {
  for (const preview of previews.values()) preview.process.kill();
  previews.clear();
  await stopClient();
}

function isBlueprintDocument(document: vscode.TextDocument): boolean {
  return document.uri.scheme === 'file' && isBlueprintFile(document.fileName);
}

function ensureStarted(): Promise<void> {
  started ??= startClient();
  return started;
}

async function restart(): Promise<void> {
  await stopClient();
  started = undefined;
  if (vscode.workspace.textDocuments.some(isBlueprintDocument)) await ensureStarted();
}

function program(): Located {
  return locateProgram(vscode.workspace.getConfiguration('blueprint').get<string>('path') ?? '', machine());
}

async function startClient(): Promise<void> {
  const located = program();
  if ('problem' in located) return showProblem(located.problem);
  let running = false;
  let usual: ErrorHandler | undefined;
  // TransportKind.stdio adds --stdio, which `blueprint lsp` accepts.
  const candidate = new LanguageClient(
    'blueprint',
    'Blueprint',
    { command: located.program, args: ['lsp'], transport: TransportKind.stdio },
    {
      documentSelector: blueprintSelector,
      outputChannel: output,
      synchronize: { fileEvents: lintConfigs },
      // A server that fails while starting is reported once, below, with what to do: the client does not retry it,
      // and adds only its own one notice. One that stops later is restarted as the client usually does.
      initializationFailedHandler: () => false,
      errorHandler: {
        error: (error, message, count) => usual!.error(error, message, count),
        closed: () => (running ? usual!.closed() : { action: CloseAction.DoNotRestart, handled: true }),
      },
    },
  );
  usual = candidate.createDefaultErrorHandler();
  try {
    await candidate.start();
    // start() can resolve for a server that exited while it was being initialized.
    if (!candidate.isRunning()) throw new Error('it stopped while starting (what it said is in the Blueprint output)');
    running = true;
    client = candidate;
  } catch (error) {
    // The client is already stopping itself; waiting for that would hold the message back.
    void candidate.dispose().catch(() => undefined);
    return showProblem(`Could not start '${located.program} lsp': ${messageOf(error)}. ${installHint}`);
  }
}

async function stopClient(): Promise<void> {
  const running = client;
  client = undefined;
  if (running !== undefined) await running.dispose().catch(() => undefined);
}

async function showProblem(problem: string): Promise<void> {
  const choice = await vscode.window.showErrorMessage(`Blueprint: ${problem}`, 'Retry', 'Open settings', 'How to install');
  if (choice === 'Retry') await restart();
  if (choice === 'Open settings') await vscode.commands.executeCommand('workbench.action.openSettings', 'blueprint.path');
  if (choice === 'How to install') await vscode.env.openExternal(vscode.Uri.parse(readme));
}

/** "Blueprint: Open preview": `blueprint serve` on the file (saved first), its page opened in the browser. */
async function openPreview(uri?: vscode.Uri): Promise<void> {
  const document = uri !== undefined ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (document === undefined || !isBlueprintFile(document.fileName)) {
    void vscode.window.showWarningMessage('Blueprint: Open preview works on a blueprint file (*.blueprint.yaml, *.blueprint.yml or *.blueprint.md): open one first.');
    return;
  }
  if (document.uri.scheme !== 'file') {
    void vscode.window.showWarningMessage('Blueprint: save the blueprint as a file on disk first; the preview serves it from there.');
    return;
  }
  if (document.isDirty && !(await document.save())) {
    void vscode.window.showWarningMessage('Blueprint: the file could not be saved, so the preview would show an old version.');
    return;
  }
  const file = document.uri.fsPath;
  const running = previews.get(file);
  if (running !== undefined && running.process.exitCode === null && running.process.signalCode === null) return openPage(running.url);

  const located = program();
  if ('problem' in located) return showProblem(located.problem);
  try {
    const preview = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'Blueprint: starting the preview' },
      () => startPreview(located.program, file, { log: text => output.append(text) }),
    );
    previews.set(file, preview);
    preview.process.on('exit', () => {
      if (previews.get(file) === preview) previews.delete(file);
    });
    output.appendLine(`blueprint serve ${file}: ${preview.url}`);
    await openPage(preview.url);
  } catch (error) {
    const choice = await vscode.window.showErrorMessage(`Blueprint: ${messageOf(error)}`, 'Show output');
    if (choice === 'Show output') output.show();
  }
}

async function openPage(url: string): Promise<void> {
  // asExternalUri forwards the port when VS Code runs on another machine than the window (Remote SSH, containers).
  const external = await vscode.env.asExternalUri(vscode.Uri.parse(url));
  if (!(await vscode.env.openExternal(external))) void vscode.window.showInformationMessage(`Blueprint: the preview is at ${external.toString(true)}`);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
