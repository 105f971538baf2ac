// Prints one line per suite and one closing line over all, e.g. "tests: 250 passed, 0 failed", from vitest's
// JSON reports. A report that is missing (the suite did not run) or a test file that failed to load counts as a
// failure, so the closing line never reads green over a suite that did not run.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

let passed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  const suite = path.basename(file, '.json');
  if (!existsSync(file)) {
    console.log(`  ${suite} suite: no report (${file}), it did not run`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  // A file that failed before its tests ran (an import error) has no failed test but a failed test file.
  const brokenFiles = report.testResults.filter((r) => r.status === 'failed' && r.assertionResults.length === 0).length;
  // Worded unlike the closing line, which is the one a CI reads as the run's count.
  console.log(`  ${suite} suite: passed ${report.numPassedTests}, failed ${report.numFailedTests}` +
    (brokenFiles ? `, ${brokenFiles} test file(s) failed to load` : ''));
  passed += report.numPassedTests;
  failed += report.numFailedTests + brokenFiles;
}
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
