import { document, load } from './standInEditor';

/**
 * Run as its own process by a test: activates the bundle in the stand-in editor with PROGRAM as `blueprint.path` and
 * the blueprint FILE open, waits for the extension's could-not-start message (10 s at most) and half a second more,
 * and prints every error message shown, as JSON.
 */

// vscode-languageclient 9 leaves promises of its own unhandled when the server exits during initialize ("Pending
// response rejected since connection got disposed", "Client is not running and can't be stopped"); VS Code's
// extension host only logs such rejections, and so does this script.
process.on('unhandledRejection', reason => console.error('unhandled rejection:', reason instanceof Error ? reason.message : reason));

async function main(program: string, file: string): Promise<void> {
  const { editor, extension } = load(program, [document(file)]);
  const ours = () => editor.errors.some(e => e[0].startsWith('Blueprint: Could not start'));
  for (let i = 0; i < 500 && !ours(); i++) await new Promise(resolve => setTimeout(resolve, 20));
  await new Promise(resolve => setTimeout(resolve, 500));
  await extension.deactivate();
  process.stdout.write(JSON.stringify(editor.errors));
  process.exit(0);
}

void main(process.argv[2], process.argv[3]);
