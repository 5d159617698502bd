/** Which files are blueprints (SPEC: `*.blueprint.yaml`, `*.blueprint.yml`, `*.blueprint.md`): the one place that says so. */

/**
 * The documents the language server checks. They keep VS Code's own `yaml` and `markdown` languages, so colouring,
 * folding, the Markdown preview and a YAML extension's JSON Schema completion all still work on them.
 */
export const blueprintSelector = [
  { scheme: 'file', language: 'yaml', pattern: '**/*.blueprint.{yaml,yml}' },
  { scheme: 'file', language: 'markdown', pattern: '**/*.blueprint.md' },
];

const blueprintName = /\.blueprint\.(yaml|yml|md)$/i;

/** True for a path whose file name ends in `.blueprint.yaml`, `.blueprint.yml` or `.blueprint.md`. */
export function isBlueprintFile(path: string): boolean {
  return blueprintName.test(path);
}
