import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** What finding the program needs to know of the machine; the real one is {@link machine}. */
export interface Machine {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  home: string;
  /** True when the path is a file this user may run. */
  isProgram(file: string): boolean;
}

/** The program to run, or a sentence for the user saying why there is none and what to do. */
export type Located = { program: string } | { problem: string };

export const installHint =
  'Install it with `dotnet tool install --global ServiceBlueprint.Cli` (see the README), or set `blueprint.path` to the program.';

/**
 * The `blueprint` program: `configured` (the `blueprint.path` setting) when it is set, a path or a name looked up on
 * PATH; else `blueprint` on PATH; else the one in `~/.dotnet/tools`, where `dotnet tool install --global` puts it and
 * which an editor started from a desktop often lacks on its PATH.
 */
export function locateProgram(configured: string, on: Machine): Located {
  const setting = configured.trim();
  if (setting !== '') {
    const expanded = setting === '~' || setting.startsWith('~/') || setting.startsWith('~\\') ? path.join(on.home, setting.slice(1)) : setting;
    if (isBareName(expanded)) {
      const found = searchPath(expanded, on);
      return found !== undefined
        ? { program: found }
        : { problem: `The setting blueprint.path is '${setting}', but no program of that name is on PATH. ${installHint}` };
    }
    return on.isProgram(expanded)
      ? { program: expanded }
      : { problem: `The setting blueprint.path is '${setting}', but that is not a program that can be run. ${installHint}` };
  }
  const found = searchPath('blueprint', on) ?? candidates(path.join(on.home, '.dotnet', 'tools', 'blueprint'), on).find(on.isProgram);
  return found !== undefined
    ? { program: found }
    : { problem: `Cannot find the blueprint program: it is neither on PATH nor in ~/.dotnet/tools. ${installHint}` };
}

function isBareName(name: string): boolean {
  return !name.includes('/') && !name.includes('\\');
}

function searchPath(name: string, on: Machine): string | undefined {
  const delimiter = on.platform === 'win32' ? ';' : ':';
  for (const folder of (variable(on, 'PATH') ?? '').split(delimiter)) {
    if (folder === '') continue;
    const found = candidates(path.join(folder, name), on).find(on.isProgram);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The file itself, and on Windows with each of PATHEXT's extensions. */
function candidates(file: string, on: Machine): string[] {
  if (on.platform !== 'win32') return [file];
  const extensions = (variable(on, 'PATHEXT') ?? '.COM;.EXE;.BAT;.CMD').split(';').filter(e => e !== '');
  return [file, ...extensions.map(e => file + e.toLowerCase())];
}

/** An environment variable by name, ignoring case as Windows does. */
function variable(on: Machine, name: string): string | undefined {
  const key = Object.keys(on.env).find(k => k.toUpperCase() === name);
  return key === undefined ? undefined : on.env[key];
}

/** This machine. */
export function machine(): Machine {
  return {
    env: process.env,
    platform: process.platform,
    home: os.homedir(),
    isProgram(file: string): boolean {
      try {
        if (!fs.statSync(file).isFile()) return false;
        if (process.platform !== 'win32') fs.accessSync(file, fs.constants.X_OK);
        return true;
      } catch {
        return false;
      }
    },
  };
}
