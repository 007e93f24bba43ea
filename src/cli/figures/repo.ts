/** The repository the figures are read from: its root, and its JSON files read from there. */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** A JSON file of the repository, by its path from the root. */
export const readJson = (path: string): unknown => JSON.parse(readFileSync(resolve(root, path), 'utf8'));
