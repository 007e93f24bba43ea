import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';

/** The service worker's file name, next to index.html. */
export const SERVICE_WORKER = 'sw.js';

/** Every file under `dir`, as paths relative to it with forward slashes. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string) => {
    let names: import('node:fs').Dirent[];
    try {
      names = readdirSync(at, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of names) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/**
 * The service worker's source: precache every file of the build on install (a cache named by the build's
 * content hash, so a new build is a new cache and the old one is deleted when it takes over), answer
 * pages from the network when it answers and from the cache when not, and everything else (hashed
 * assets, workers, data) from the cache first.
 */
function workerSource(version: string, files: string[]): string {
  return `// Digitala motorn: works offline after its first visit. Written by vite-plugins/service-worker.ts.
const CACHE = 'digitala-motorn-${version}';
const FILES = ${JSON.stringify(files.map((f) => `./${f}`))};

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(FILES.map((url) => new Request(url, { cache: 'reload' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((key) => key.startsWith('digitala-motorn-') && key !== CACHE).map((key) => caches.delete(key))),
      ),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // the page: fresh from the server when it answers, else the cached one (the scenario is in the hash)
    event.respondWith(
      fetch(request).catch(async () => {
        const cache = await caches.open(CACHE);
        return (
          (await cache.match(request, { ignoreSearch: true, ignoreVary: true })) ??
          (await cache.match(new URL('./index.html', self.location.href).href, { ignoreVary: true })) ??
          Response.error()
        );
      }),
    );
    return;
  }
  event.respondWith(
    // ignoreVary: a module script is requested with an Origin header, cached without one (servers may send Vary: Origin)
    caches.open(CACHE).then(async (cache) => (await cache.match(request, { ignoreVary: true })) ?? fetch(request)),
  );
});
`;
}

/**
 * Writes `sw.js` into the build: a small hand-written service worker whose precache list is every file
 * the build emits (index.html, scripts, worker scripts, styles) and every file of public/ (data/*.json,
 * tillganglighet.html). Only in a normal build (`apply: 'build'`), not the dev server or tests.
 */
export function serviceWorker(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'dm-service-worker',
    apply: 'build',
    enforce: 'post',
    // tells src/main.ts to register the worker: only a build with this plugin has one
    config: () => ({ define: { 'import.meta.env.DM_SERVICE_WORKER': 'true' } }),
    configResolved(resolved) {
      config = resolved;
    },
    writeBundle(options, bundle) {
      const outDir = options.dir ?? config.build.outDir;
      const hash = createHash('sha256');
      const emitted = Object.keys(bundle);
      for (const name of emitted.sort()) {
        const item = bundle[name];
        hash.update(name);
        hash.update(item.type === 'chunk' ? item.code : item.source);
      }
      const publicFiles = config.publicDir && config.build.copyPublicDir ? filesUnder(config.publicDir) : [];
      for (const name of publicFiles) {
        hash.update(name);
        hash.update(readFileSync(join(config.publicDir, name)));
      }
      const files = [...new Set([...emitted, ...publicFiles])].filter((f) => f !== SERVICE_WORKER).sort();
      writeFileSync(join(outDir, SERVICE_WORKER), workerSource(hash.digest('hex').slice(0, 16), files));
    },
  };
}
