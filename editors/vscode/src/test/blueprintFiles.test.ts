import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { blueprintSelector, isBlueprintFile } from '../blueprintFiles';

test('the three blueprint name endings are blueprints', () => {
  for (const name of ['/w/shop.blueprint.yaml', '/w/shop.blueprint.yml', 'C:\\w\\shop.blueprint.md', 'Shop.Blueprint.YAML']) assert.ok(isBlueprintFile(name), name);
});

test('other YAML and Markdown files are not', () => {
  for (const name of ['/w/shop.yaml', '/w/README.md', '/w/blueprint.yaml', '/w/shop.blueprint.yaml.bak', '/w/shop.blueprint.json']) assert.ok(!isBlueprintFile(name), name);
});

test('the server gets YAML and Markdown documents with blueprint names only', () => {
  assert.deepEqual(blueprintSelector.map(s => [s.language, s.pattern]), [
    ['yaml', '**/*.blueprint.{yaml,yml}'],
    ['markdown', '**/*.blueprint.md'],
  ]);
});
