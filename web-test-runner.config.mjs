import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';

/**
 * Observable Plot imports two small CommonJS packages (interval-tree-1d, binary-search-bounds),
 * papaparse is UMD, and yalps imports heap (CommonJS over UMD); the dev server serves them as-is.
 * Wrap them as ES modules (Vite does this itself).
 */
const commonjsShim = {
  name: 'commonjs-shim',
  transform(context) {
    if (context.path.endsWith('/binary-search-bounds/search-bounds.js')) {
      return { body: `const module = { exports: {} };\n${context.body}\nexport default module.exports;\n` };
    }
    if (context.path.endsWith('/papaparse/papaparse.js')) {
      return {
        body: `const module = { exports: {} };\nconst exports = module.exports;\n${context.body}\nexport default module.exports;\n`,
      };
    }
    // heap (used by yalps, the nucleolus's LP solver): a CommonJS entry and a UMD file
    if (context.path.endsWith('/heap/index.js')) {
      return { body: `import heap from './lib/heap.js';\nexport default heap;\n` };
    }
    if (context.path.endsWith('/heap/lib/heap.js')) {
      return {
        body: `const module = { exports: {} };\nconst exports = module.exports;\n${context.body}\nexport default module.exports;\n`,
      };
    }
    if (context.path.endsWith('/interval-tree-1d/interval-tree.js')) {
      const body = context.body.replace('require("binary-search-bounds")', '__bounds');
      return {
        body: `import __bounds from '../binary-search-bounds/search-bounds.js';\nconst module = { exports: {} };\n${body}\nexport default module.exports;\n`,
      };
    }
    return undefined;
  },
};

/** JSON imported as a module (scenario files) becomes `export default …`; fetched JSON stays JSON. */
const importedJson = (context) =>
  context.path.endsWith('.json') && context.request.headers['sec-fetch-dest'] === 'script';
const jsonModules = {
  name: 'json-modules',
  resolveMimeType(context) {
    return importedJson(context) ? 'js' : undefined;
  },
  transform(context) {
    return importedJson(context) ? { body: `export default ${context.body};` } : undefined;
  },
};

import { chromeLauncher } from '@web/test-runner-chrome';

const executablePath =
  process.env.CHROME_PATH ??
  ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));

export default {
  files: 'test/browser/**/*.test.ts',
  nodeResolve: { exportConditions: ['browser', 'development'] },
  plugins: [
    commonjsShim,
    jsonModules,
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      // immer's ESM build reads process.env.NODE_ENV (Vite replaces it, the dev server does not);
      // run esbuild over .mjs too so the define reaches node_modules.
      loaders: { '.mjs': 'js' },
      define: { 'process.env.NODE_ENV': '"development"' },
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
  // two test files at a time, each in its own page: while one waits (rendering, idle timers, a worker's
  // start), the other computes. Measured back to back on 2 cores: 206–236 s one at a time, 186–193 s two.
  concurrency: 2,
  testFramework: { config: { timeout: 60000 } },
  testsFinishTimeout: 300000,
};
