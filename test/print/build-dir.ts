/**
 * vitest globalSetup: one folder for the app's build that the tests of the built app share
 * (test/print/served-build.ts builds into it once, on first use, and every file serves that build).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder the shared build of the app goes to (see test/print/served-build.ts). */
    appBuildDir: string;
  }
}

export default function setup(project: TestProject) {
  let dir = mkdtempSync(join(tmpdir(), 'dm-build-'));
  project.provide('appBuildDir', dir);
  // in watch mode the sources may have changed: a rerun builds again, into a new folder
  project.onTestsRerun(() => {
    rmSync(dir, { recursive: true, force: true });
    dir = mkdtempSync(join(tmpdir(), 'dm-build-'));
    project.provide('appBuildDir', dir);
  });
  return () => rmSync(dir, { recursive: true, force: true });
}
