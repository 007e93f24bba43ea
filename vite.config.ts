import { defineConfig } from 'vitest/config';

export default defineConfig({
  // relative asset paths: the built app works from any static host or an intranet file share
  base: './',
  worker: { format: 'es' },
  build: { target: 'es2022' },
  test: {
    environment: 'node',
    include: ['test/{engine,charts,state,cli,data,print,docs}/**/*.test.ts'],
    testTimeout: 60_000,
    setupFiles: ['test/setup.ts'],
  },
});
