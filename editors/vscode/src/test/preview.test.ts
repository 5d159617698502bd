import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { servedUrl, startPreview } from '../preview';

test('servedUrl reads the address from the line serve prints', () => {
  assert.equal(servedUrl('serving http://127.0.0.1:40123/\n'), 'http://127.0.0.1:40123/');
  assert.equal(servedUrl('serving http://[::1]:8080/\r\n'), 'http://[::1]:8080/');
  assert.equal(servedUrl('note\nserving http://127.0.0.1:1/\nmore\n'), 'http://127.0.0.1:1/');
});

test('servedUrl waits for the whole line, and ignores other lines', () => {
  assert.equal(servedUrl('serving http://127.0.0.1:401'), undefined);
  assert.equal(servedUrl('blueprint: watching for changes\n'), undefined);
  assert.equal(servedUrl('not serving http://127.0.0.1:1/\n'), undefined);
});

/** A stand-in for blueprint: a Node script that runs `body` with the arguments it got as `args`. */
function fakeProgram(body: string): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'blueprint-vscode-'));
  const program = path.join(folder, 'blueprint');
  fs.writeFileSync(program, `#!${process.execPath}\nconst args = process.argv.slice(2);\n${body}\n`, { mode: 0o755 });
  return program;
}

const posix = { skip: process.platform === 'win32' ? 'the stand-in program is a script with a #! line' : false };

test('startPreview runs serve on the file with --no-open in its folder, and resolves with the address', posix, async () => {
  const program = fakeProgram(
    "process.stderr.write('blueprint: watching\\n');" +
    "process.stdout.write('serving http://127.0.0.1:4');" +
    "setTimeout(() => process.stdout.write('0123/\\n'), 50);" +
    'setInterval(() => {}, 1000);');
  const file = path.join(fs.realpathSync(os.tmpdir()), 'shop.blueprint.yaml');
  const logged: string[] = [];
  const preview = await startPreview(program, file, { log: text => logged.push(text) });
  try {
    assert.equal(preview.url, 'http://127.0.0.1:40123/');
    assert.equal(preview.process.exitCode, null);
    assert.deepEqual(logged, ['blueprint: watching\n']);
  } finally {
    preview.process.kill();
  }
});

test('startPreview passes the arguments serve needs', posix, async () => {
  const program = fakeProgram(
    "process.stdout.write('serving http://127.0.0.1:1/\\n');" +
    "process.stderr.write(JSON.stringify({ args, cwd: process.cwd() }));" +
    'setInterval(() => {}, 1000);');
  const folder = fs.realpathSync(os.tmpdir());
  const file = path.join(folder, 'shop.blueprint.md');
  let logged = '';
  const preview = await startPreview(program, file, { log: text => (logged += text) });
  try {
    await new Promise<void>(resolve => (logged !== '' ? resolve() : preview.process.stderr?.once('data', () => setImmediate(resolve))));
    assert.deepEqual(JSON.parse(logged), { args: ['serve', file, '--no-open'], cwd: folder });
  } finally {
    preview.process.kill();
  }
});

test('serve stopping before it serves rejects with what it wrote', posix, async () => {
  const program = fakeProgram("process.stderr.write(\"blueprint: cannot serve 'x.yaml': not a blueprint file\\n\"); process.exit(2);");
  await assert.rejects(startPreview(program, path.join(os.tmpdir(), 'x.yaml')), /exit code 2.*not a blueprint file/);
});

test('a program that cannot be run rejects and names it', async () => {
  const missing = path.join(os.tmpdir(), 'no-such-folder', 'blueprint');
  await assert.rejects(startPreview(missing, path.join(os.tmpdir(), 'a.blueprint.yaml')), /could not run '.*no-such-folder.*blueprint'/);
});

test('a serve that prints no address in time is stopped', posix, async () => {
  const program = fakeProgram('setInterval(() => {}, 1000);');
  await assert.rejects(startPreview(program, path.join(os.tmpdir(), 'a.blueprint.yaml'), { timeoutMs: 300 }), /printed no address within 0.3 s/);
});

const real = process.env.BLUEPRINT_PROGRAM;
const example = process.env.BLUEPRINT_EXAMPLE;
const withBlueprint = { skip: real === undefined || example === undefined ? 'BLUEPRINT_PROGRAM and BLUEPRINT_EXAMPLE name the program and a blueprint' : false };

test('with the real blueprint serve: the page at the address shows the diagram, and stopping the preview ends serve cleanly', withBlueprint, async () => {
  const preview = await startPreview(real!, example!);
  let exited: Promise<number | null> | undefined;
  try {
    assert.match(preview.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await fetch(preview.url);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /class="bp-card"/);
  } finally {
    exited = new Promise(resolve => preview.process.once('exit', code => resolve(code)));
    preview.process.kill();
  }
  assert.equal(await exited, 0);
});
