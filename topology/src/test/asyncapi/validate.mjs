// Parses an AsyncAPI document with the official parser and fails on any error (or warning): the build's check that
// the generated web-module/src/main/resources/META-INF/asyncapi.yaml is a valid AsyncAPI 3 document.
import { readFileSync } from 'node:fs';
import { Parser } from '@asyncapi/parser';

const file = process.argv[2];
const parser = new Parser();
const { document, diagnostics } = await parser.parse(readFileSync(file, 'utf8'), { source: file });
// Severity 0 is an error, 1 a warning; hints and information (2, 3) are style advice.
const problems = diagnostics.filter(d => d.severity <= 1);
for (const d of problems) {
  console.error(`${d.severity === 0 ? 'error' : 'warning'} ${d.code} at ${d.path.join('.')}: ${d.message}`);
}
if (!document || problems.length > 0) {
  console.error(`${file}: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log(`${file}: a valid AsyncAPI ${document.version()} document, ${document.channels().length} channels, `
    + `${document.operations().length} operations, ${document.components().messages().length} messages`);
