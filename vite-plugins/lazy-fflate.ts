import type { Plugin } from 'vite';

/**
 * fflate is in the main chunk (scenario links are deflated with it). The .xlsx reader (`src/import/xlsx-workbook.ts`
 * and read-excel-file), loaded on demand, uses other parts of it (zip, unzip); as one module, fflate would
 * carry those parts into the main chunk. Here the reader's imports of fflate resolve to a copy of its own
 * (the same file under another id), which goes into the reader's chunk: the main chunk does not grow.
 */
export function lazyFflate(): Plugin {
  return {
    name: 'dm-lazy-fflate',
    // only the build has chunks; the dev server and the tests load modules as they are
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (source !== 'fflate' || !importer || !/([\\/]read-excel-file[\\/]|xlsx-workbook\.ts$)/.test(importer))
        return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved ? { ...resolved, id: `${resolved.id}?xlsx-reader` } : null;
    },
  };
}
