// Runs the unit tests with node's test runner and ends with the plain "N passed, N failed" line the repo's test
// script reads.
import { spawnSync } from 'node:child_process';

const r = spawnSync(process.execPath, ['--test', '--test-reporter=tap', 'dist/test/'], { encoding: 'utf8' });
process.stdout.write(r.stdout);
process.stderr.write(r.stderr);
const pass = Number(/^# pass (\d+)/m.exec(r.stdout)?.[1] ?? 0);
const fail = Number(/^# fail (\d+)/m.exec(r.stdout)?.[1] ?? 0) + (r.status !== 0 && !/^# fail [1-9]/m.test(r.stdout) ? 1 : 0);
console.log(`${pass} passed, ${fail} failed`);
process.exit(fail > 0 ? 1 : 0);
