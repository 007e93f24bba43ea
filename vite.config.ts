import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { lazyFflate } from './vite-plugins/lazy-fflate.js';
import { serviceWorker } from './vite-plugins/service-worker.js';
import { singleFile } from './vite-plugins/single-file.js';

const publicDir = fileURLToPath(new URL('./public', import.meta.url));

export default defineConfig(({ mode }) =>
  mode === 'single'
    ? {
        // `npm run build:single`: one self-contained index.html that opens from a folder (file://)
        base: './',
        publicDir: false,
        // Chromium starts no module worker from a blob: URL on file://, classic ones it does
        worker: { format: 'iife' },
        build: {
          target: 'es2022',
          outDir: 'dist-single',
          modulePreload: false,
          assetsInlineLimit: Number.MAX_SAFE_INTEGER,
          // one script: what the app loads on demand (the .xlsx reader) is inlined too
          rolldownOptions: { output: { codeSplitting: false } },
        },
        plugins: [singleFile(publicDir)],
      }
    : {
        // relative asset paths: the built app works from any static host or an intranet file share
        base: './',
        worker: { format: 'es' },
        build: { target: 'es2022' },
        // the build precaches itself in a service worker: it works offline after its first visit
        plugins: [serviceWorker(), lazyFflate()],
        test: {
          environment: 'node',
          include: ['test/{engine,charts,state,cli,data,print,docs,runner,coalition}/**/*.test.ts'],
          testTimeout: 60_000,
          setupFiles: ['test/setup.ts'],
          // one build of the app for the tests of the built app (test/print/served-build.ts)
          globalSetup: ['test/print/build-dir.ts'],
          // Worker threads start and import faster than forked processes, and every core runs a test file
          // (vitest's default leaves one idle: on a 2-core CI machine the files ran one at a time).
          // Measured back to back on 2 cores (with the shared build and the CLI change): 240 s → 151–167 s.
          pool: 'threads',
          maxWorkers: availableParallelism(),
        },
      },
);
