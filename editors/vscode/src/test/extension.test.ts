import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { document, load, Uri } from '../testing/standInEditor';

// The packaged bundle, activated in a stand-in for the editor (src/testing/standInEditor.ts).
const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
  contributes: { commands: { command: string }[] };
};

const settled = () => new Promise(resolve => setTimeout(resolve, 20));

test('activating registers every command that package.json contributes, and starts no server before a blueprint opens', async () => {
  const { editor } = load('/nowhere/blueprint', [document('/w/notes.yaml')]);
  assert.deepEqual([...editor.commands.keys()].sort(), manifest.contributes.commands.map(c => c.command).sort());
  // The lint configurations are watched, so the server checks the open blueprints again when one changes.
  assert.deepEqual(editor.watchers, ['**/.blueprintlint.{yaml,yml}']);
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

test('a program that stops at once instead of serving LSP is reported once, with what to do, and not restarted', posix, async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'blueprint-vscode-'));
  const program = path.join(folder, 'blueprint');
  const log = path.join(folder, 'started');
  fs.writeFileSync(program, `#!${process.execPath}
require('node:fs').appendFileSync(${JSON.stringify(log)}, 'x');
process.stderr.write("blueprint: unknown command 'lsp'\\n");
process.exit(2);
`, { mode: 0o755 });
  const file = path.join(folder, 'shop.blueprint.yaml');
  fs.writeFileSync(file, 'blueprint: Shop\n');
  // In a process of its own: the language client leaves rejections unhandled on this path, which this runner would count.
  const { stdout } = await promisify(execFile)(process.execPath, [path.join(__dirname, '..', 'testing', 'startFailure.js'), program, file]);
  const errors = JSON.parse(stdout) as string[][];
  const ours = errors.filter(e => e[0].startsWith('Blueprint: Could not start'));
  assert.equal(ours.length, 1, stdout);
  const [message, ...buttons] = ours[0];
  assert.match(message, /'.*blueprint lsp'.*dotnet tool install --global ServiceBlueprint\.Cli.*blueprint\.path/);
  assert.deepEqual(buttons, ['Retry', 'Open settings', 'How to install']);
  // The client's own notice that the connection failed may come too, but no retries and no more messages.
  assert.ok(errors.length <= 2, stdout);
  assert.equal(fs.readFileSync(log, 'utf8'), 'x');
});
