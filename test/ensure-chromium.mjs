// Finds a headless-capable Chromium for the browser tests, installing Debian's package when possible.
// Order: $CHROME_PATH, /usr/bin/chromium, chromium / chromium-browser / google-chrome on PATH.
// As root on Debian or Ubuntu without one, runs `apt-get install -y chromium`; otherwise explains how.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const which = (cmd) => {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
};

function find() {
  if (process.env.CHROME_PATH && existsSync(process.env.CHROME_PATH)) return process.env.CHROME_PATH;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const cmd of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    const path = which(cmd);
    if (path) return path;
  }
  return null;
}

let found = find();
if (!found && process.getuid?.() === 0 && which('apt-get')) {
  console.log('No Chromium found: installing Debian’s chromium with apt-get (needed for the browser tests) …');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  found = find();
}
if (!found) {
  console.error(
    [
      'The browser tests need Chromium or Chrome, and none was found.',
      'Install one, e.g. `sudo apt-get install -y chromium` (Debian/Ubuntu) or `brew install --cask chromium` (macOS),',
      'or point CHROME_PATH at an installed Chrome/Chromium binary, then run `npm test` again.',
    ].join('\n'),
  );
  process.exit(1);
}
console.log(`Browser tests use ${found}`);
