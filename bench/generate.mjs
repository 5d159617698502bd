// Writes a blueprint of N steps (YAML) and the same cards and arrows as a Graphviz graph
// (lanes as clusters, one rank per step column), so both tools draw the same thing.
// usage: node generate.mjs STEPS OUTDIR
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const steps = Number(process.argv[2] ?? 100);
const out = process.argv[3] ?? "work";
mkdirSync(out, { recursive: true });

const lanes = ["evidence", "customer", "touchpoint", "frontstage", "backstage", "support"];
const perScene = 5;
const words = ["checks", "the", "booking", "and", "confirms", "table", "with", "guest", "order", "system", "sends", "update"];
const text = (i, lane) => `${lane} ${i} - ` + Array.from({ length: 4 + (i % 5) }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(" ");

const yaml = [
  `blueprint: Generated blueprint of ${steps} steps`,
  "goal: Measure the renderer",
  "scenario: A generated journey with every lane filled and arrows across lanes and steps.",
  "scenes:",
];
const dot = [
  "digraph G {",
  "  rankdir=LR; newrank=true; node [shape=box, style=\"rounded,filled\", fillcolor=\"#eeeeee\", fontname=\"DejaVu Sans\", fontsize=10, width=2];",
];
const arrows = [];
for (let i = 0; i < steps; i++) {
  if (i % perScene === 0) yaml.push(`  - scene: Scene ${i / perScene + 1}`, "    steps:");
  yaml.push(`      - step: Step ${i + 1}`, `        id: s${i}`, `        duration: ${1 + (i % 9)}m`);
  for (const lane of lanes) {
    const id = `s${i}-${lane}`;
    const to = [];
    if (lane === "frontstage") to.push(`s${i}-backstage`);
    if (lane === "backstage") to.push(`s${i}-support`);
    if (lane === "support" && i + 1 < steps) to.push(`s${i + 1}-backstage`);
    yaml.push(`        ${lane}:`, `          id: ${id}`, `          text: ${text(i, lane)}`);
    if (lane === "backstage") yaml.push("          owner: Team");
    if (i % 10 === 3 && lane === "support") yaml.push("          fail: Goes down under load", "          owner: Platform team");
    if (to.length) yaml.push(`          to: [${to.join(", ")}]`);
    for (const t of to) arrows.push([id, t]);
  }
  if (i % 7 === 2) yaml.push("        wait: Queue builds up");
  yaml.push(`        emotion: ${((i * 3) % 5) - 2}`);
}
for (const lane of lanes) {
  dot.push(`  subgraph cluster_${lane} { label="${lane}";`);
  for (let i = 0; i < steps; i++) dot.push(`    "s${i}-${lane}" [label="${text(i, lane)}"];`);
  dot.push("  }");
}
for (let i = 0; i < steps; i++) dot.push(`  { rank=same; ${lanes.map((l) => `"s${i}-${l}"`).join("; ")}; }`);
for (let i = 0; i + 1 < steps; i++) dot.push(`  "s${i}-customer" -> "s${i + 1}-customer";`);
for (const [a, b] of arrows) dot.push(`  "${a}" -> "${b}";`);
dot.push("}");

writeFileSync(join(out, `steps-${steps}.blueprint.yaml`), yaml.join("\n") + "\n");
writeFileSync(join(out, `steps-${steps}.dot`), dot.join("\n") + "\n");
