// Runs every export case and prints the results as JSON, so the same checks can be run under
// another Node (scripts/node22.sh --import tsx test/csaf/validate-all.ts).
import { caseFiles, runCase } from './cases';

void (async () => {
  const results = [];
  for (const file of caseFiles()) results.push(await runCase(file));
  process.stdout.write(JSON.stringify({ node: process.version, results }) + '\n');
})();
