import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { locateProgram, Machine } from '../locate';

/** A machine whose runnable files are exactly `programs`. */
function machineWith(programs: string[], env: Record<string, string>, platform: NodeJS.Platform = 'linux'): Machine {
  return { env, platform, home: path.join(path.sep, 'home', 'ada'), isProgram: file => programs.includes(file) };
}

const onPath = path.join(path.sep, 'opt', 'bin', 'blueprint');
const dotnetTool = path.join(path.sep, 'home', 'ada', '.dotnet', 'tools', 'blueprint');

test('blueprint on PATH is found in the first folder that has it', () => {
  const other = path.join(path.sep, 'usr', 'local', 'bin', 'blueprint');
  const found = locateProgram('', machineWith([onPath, other], { PATH: ['/usr/bin', '/opt/bin', '/usr/local/bin'].join(':') }));
  assert.deepEqual(found, { program: onPath });
});

test('without blueprint on PATH, the dotnet global tools folder is tried', () => {
  assert.deepEqual(locateProgram('', machineWith([dotnetTool], { PATH: '/usr/bin' })), { program: dotnetTool });
});

test('a file named blueprint that cannot be run is passed over', () => {
  const found = locateProgram('', machineWith([dotnetTool], { PATH: '/opt/bin' }));
  assert.deepEqual(found, { program: dotnetTool });
});

test('nothing found: the problem says how to install it and names the setting', () => {
  const found = locateProgram('', machineWith([], { PATH: '/usr/bin' }));
  assert.ok('problem' in found);
  assert.match(found.problem, /dotnet tool install --global ServiceBlueprint\.Cli/);
  assert.match(found.problem, /blueprint\.path/);
});

test('the setting, a path, wins over PATH', () => {
  const configured = path.join(path.sep, 'src', 'blueprint', 'artifacts', 'blueprint');
  assert.deepEqual(locateProgram(` ${configured} `, machineWith([configured, onPath], { PATH: '/opt/bin' })), { program: configured });
});

test('the setting may start with ~ for the home folder', () => {
  assert.deepEqual(locateProgram('~/.dotnet/tools/blueprint', machineWith([dotnetTool], {})), { program: dotnetTool });
});

test('the setting, a bare name, is looked up on PATH', () => {
  const named = path.join(path.sep, 'opt', 'bin', 'blueprint-nightly');
  assert.deepEqual(locateProgram('blueprint-nightly', machineWith([named], { PATH: '/opt/bin' })), { program: named });
});

test('a setting naming no program is a problem that quotes it, even when PATH has blueprint', () => {
  const found = locateProgram('/nowhere/blueprint', machineWith([onPath], { PATH: '/opt/bin' }));
  assert.ok('problem' in found);
  assert.match(found.problem, /'\/nowhere\/blueprint'/);
  assert.match(found.problem, /dotnet tool install/);
});

test('on Windows, PATH is split on ; and PATHEXT extensions are tried, the variable names in any case', () => {
  const exe = path.join('C:\\tools', 'blueprint') + '.exe';
  const found = locateProgram('', machineWith([exe], { Path: 'C:\\Windows;C:\\tools', PathExt: '.COM;.EXE' }, 'win32'));
  assert.deepEqual(found, { program: exe });
});
