/**
 * npm run bench [-- --quick]: the engine benchmark, the coalition finder, then the browser benchmark, each in its own process,
 * with the same arguments (npm would pass them to the last command of a `&&` chain only).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
for (const script of ['engine.bench.ts', 'coalition.bench.ts', 'browser.bench.ts']) {
  const path = fileURLToPath(new URL(script, import.meta.url));
  const run = spawnSync(process.execPath, ['--import', 'tsx', path, ...args], { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
