/**
 * npm run bench [-- --quick]: the engine benchmark, the coalition finder, the national sweep (not with --quick), then
 * the browser benchmark, each in its own process,
 * with the same arguments (npm would pass them to the last command of a `&&` chain only).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const scripts = [
  'engine.bench.ts',
  'coalition.bench.ts',
  ...(args.includes('--quick') ? [] : ['national.bench.ts']),
  'browser.bench.ts',
];
for (const script of scripts) {
  const path = fileURLToPath(new URL(script, import.meta.url));
  const run = spawnSync(process.execPath, ['--import', 'tsx', path, ...args], { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
