import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Plugin, Rollup } from 'vite';

type OutputAsset = Rollup.OutputAsset;
type OutputChunk = Rollup.OutputChunk;

/**
 * The single-file build (`vite build --mode single`, `npm run build:single`): one index.html that holds
 * the whole app, to open from a folder or an e-mail (`file://`), where browsers refuse module scripts from
 * files, fetching files and workers from files.
 *
 * - `src/platform.ts` is replaced by `src/platform.single.ts`: workers inlined (started from blob: URLs),
 *   data bundled.
 * - The one script is written into the page; its Content-Security-Policy allows exactly that script (by
 *   its SHA-256) and workers from blob: URLs, and nothing from outside.
 * - The accessibility statement is written beside it.
 */
export function singleFile(publicDir: string): Plugin[] {
  return [
    {
      name: 'dm-single-platform',
      enforce: 'pre',
      async resolveId(source, importer, options) {
        if (!/\/platform(\.js|\.ts)?$/.test(source)) return null;
        const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
        if (resolved && /[\\/]src[\\/]platform\.ts$/.test(resolved.id))
          return resolved.id.replace(/platform\.ts$/, 'platform.single.ts');
        return null;
      },
    },
    {
      name: 'dm-single-file',
      apply: 'build',
      enforce: 'post',
      generateBundle(_options, bundle) {
        const page = bundle['index.html'] as OutputAsset | undefined;
        const chunks = Object.values(bundle).filter((x): x is OutputChunk => x.type === 'chunk');
        if (!page || chunks.length !== 1)
          return this.error(`single-file build: expected index.html and one script, got ${Object.keys(bundle)}`);
        // module workers (`moduleWorkers`, src/runner/module-workers.ts), if anything imported them, would be
        // emitted as files too, but never started: the app passes `appWorkers`, here the inlined ones. Drop
        // them; anything else is an error.
        const names = Object.keys(bundle).filter((name) => name !== 'index.html' && name !== chunks[0].fileName);
        for (const name of names.filter((x) => /(^|\/)[\w-]+\.worker-[\w-]+\.js$/.test(x))) delete bundle[name];
        const others = names.filter((name) => name in bundle);
        if (others.length > 0) return this.error(`single-file build: files that would not be inlined: ${others}`);
        // "</script" cannot occur in an inline script; in JS it only appears inside strings and regexps
        const code = chunks[0].code.replace(/<\/script/gi, '<\\/script');
        const hash = createHash('sha256').update(code).digest('base64');
        let html = String(page.source);
        const tag = /<script type="module" crossorigin src="[^"]+"><\/script>/;
        if (!tag.test(html)) return this.error('single-file build: the page has no module script to inline');
        html = html.replace(tag, () => `<script type="module">${code}</script>`);
        html = html
          .replace('No inline script, no eval,', 'One inline script (the whole app, allowed by its hash), no eval,')
          .replace("script-src 'self'", () => `script-src 'sha256-${hash}'`)
          .replace("worker-src 'self'", () => 'worker-src blob:');
        page.source = html;
        delete bundle[chunks[0].fileName];
        this.emitFile({
          type: 'asset',
          fileName: 'tillganglighet.html',
          source: readFileSync(`${publicDir}/tillganglighet.html`, 'utf8').replace('href="./"', 'href="./index.html"'),
        });
      },
    },
  ];
}
