import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';

/** A running `blueprint serve FILE` and the address of its page. */
export interface Preview {
  url: string;
  process: ChildProcess;
}

/** The address in serve's first line of output, `serving http://127.0.0.1:PORT/`; undefined until that line is whole. */
export function servedUrl(output: string): string | undefined {
  return /^serving (https?:\/\/\S+)\r?\n/m.exec(output)?.[1];
}

export interface PreviewOptions {
  /** How long serve may take to print its address. */
  timeoutMs?: number;
  /** Receives what serve writes to standard error (its findings and notes), as it comes. */
  log?: (text: string) => void;
}

/**
 * Runs `PROGRAM serve FILE --no-open` (the editor opens the page itself, where the user sees it) in the file's folder,
 * and resolves once it prints its address. Rejects with serve's own words when it stops first or cannot be run.
 */
export function startPreview(program: string, file: string, options: PreviewOptions = {}): Promise<Preview> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  return new Promise((resolve, reject) => {
    const child = spawn(program, ['serve', file, '--no-open'], { cwd: path.dirname(file), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let errors = '';
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    const timer = setTimeout(() => {
      child.kill();
      settle(() => reject(new Error(`'${program} serve' printed no address within ${timeoutMs / 1000} s. ${lastLines(errors)}`.trim())));
    }, timeoutMs);
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      output += chunk;
      const url = servedUrl(output);
      if (url !== undefined) settle(() => resolve({ url, process: child }));
    });
    child.stderr.on('data', (chunk: string) => {
      errors += chunk;
      options.log?.(chunk);
    });
    child.on('error', error => settle(() => reject(new Error(`could not run '${program}': ${error.message}`))));
    child.on('exit', (code, signal) =>
      settle(() => reject(new Error(`'${program} serve' stopped (${signal ?? `exit code ${code}`}) before serving the page. ${lastLines(errors)}`.trim()))));
  });
}

/** The end of what a program wrote to standard error, for a message: its last few lines. */
function lastLines(text: string): string {
  return text.trim().split(/\r?\n/).slice(-5).join(' ');
}
