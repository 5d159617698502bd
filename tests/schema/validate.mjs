// Checks the schema against the reader: argv = schema.json findings.json file...
// The YAML is loaded as YAML 1.2 (core schema), as editors' YAML language servers do.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const tools = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "tools", "package.json");
const require = createRequire(tools);
const Ajv2020 = require("ajv/dist/2020").default;
const addFormats = require("ajv-formats");
const YAML = require("yaml");

const [schemaPath, findingsPath, ...files] = process.argv.slice(2);
const schema = JSON.parse(readFileSync(schemaPath, "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, allowUnionTypes: true });
addFormats(ajv);
const validate = ajv.compile(schema);
const declaresCustomLane = ajv.compile({ ...schema.if, $defs: schema.$defs });

const findings = JSON.parse(readFileSync(findingsPath, "utf8"));
const byFile = new Map();
for (const f of findings) {
  if (!byFile.has(f.file)) byFile.set(f.file, []);
  byFile.get(f.file).push(f);
}

// What a schema cannot express; each is a check the tool makes on values or across the file.
const knownLimits = [
  { id: "BP003", message: /is listed twice in `lanes`/, why: "uniqueness of lane ids after alias folding" },
  { id: "BP002", message: /^unknown step key/, when: (doc) => declaresCustomLane(doc), why: "steps are open when a custom lane is declared" },
];

let passed = 0, failed = 0, skipped = 0;
for (const file of files) {
  const mine = byFile.get(file) ?? [];
  if (mine.some((f) => f.id === "BP001")) { skipped++; continue; }
  let doc;
  try {
    doc = YAML.parse(readFileSync(file, "utf8"));
  } catch (e) {
    console.log(`FAIL ${file}: the tool reads it but YAML 1.2 does not: ${e.message.split("\n")[0]}`);
    failed++;
    continue;
  }
  if (doc === null || doc === undefined) { skipped++; continue; }
  // A `lanes` entry that is no lane (BP006) is a shape error too: the schema lists the lane names.
  const shapeErrors = mine.filter((f) => f.id === "BP002" || f.id === "BP003" || (f.id === "BP006" && /is not a standard lane/.test(f.message)));
  if (file.includes("Fixtures/schema/invalid/") && shapeErrors.length === 0) {
    console.log(`FAIL ${file}: meant to hold a BP002 or BP003 mistake, but the tool reports none`);
    failed++;
    continue;
  }
  const expressible = shapeErrors.filter((f) => !knownLimits.some((k) => k.id === f.id && k.message.test(f.message) && (!k.when || k.when(doc))));
  const ok = validate(doc);
  if (expressible.length > 0 && ok) {
    console.log(`FAIL ${file}: the schema accepts it, but the tool reports:\n  ${expressible.map((f) => `${f.line}:${f.column} ${f.id} ${f.message}`).join("\n  ")}`);
    failed++;
  } else if (shapeErrors.length === 0 && !ok) {
    console.log(`FAIL ${file}: the tool reads it without BP002/BP003, but the schema rejects it:\n  ${ajv.errorsText(validate.errors, { separator: "\n  " })}`);
    failed++;
  } else {
    passed++;
  }
}
console.log(`schema: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
