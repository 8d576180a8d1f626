import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * index.html loads src/language-preload.ts, a second entry, beside the app's and before it (async):
 * it asks for the language's strings while the app's script is still arriving (docs/performance.md
 * §17). Vite bundles every module script of a page into one entry, so this one is a build input of
 * its own, named into the page once its file name (with its hash) is known.
 */
const languagePreload: Plugin = {
  name: 'aidflow-language-preload',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler(_html, ctx) {
      const entry = Object.values(ctx.bundle ?? {}).find(
        (c) => c.type === 'chunk' && c.isEntry && c.name === 'language-preload',
      );
      if (!entry) throw new Error('The language-preload entry is not in the bundle');
      return [
        {
          tag: 'script',
          attrs: { type: 'module', async: true, crossorigin: true, src: `/${entry.fileName}` },
          injectTo: 'head-prepend',
        },
      ];
    },
  },
};

/**
 * The browser app, built to static files in web/dist. No framework plugin: Vite's own transform
 * compiles the JSX for Preact's automatic runtime.
 */
export default defineConfig({
  root: webRoot,
  base: '/',
  publicDir: 'public',
  logLevel: 'warn',
  plugins: [languagePreload],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    modulePreload: { polyfill: false },
    sourcemap: false,
    reportCompressedSize: false,
    rolldownOptions: {
      input: {
        index: resolve(webRoot, 'index.html'),
        'language-preload': resolve(webRoot, 'src/language-preload.ts'),
      },
      output: {
        // zod is the forms' (client-side validation with the API's own schemas): a chunk of its own,
        // fetched with the forms, not with the start and status pages that share the rest of the
        // common code (Rolldown would otherwise put it in the chunk they load; docs/performance.md §17).
        codeSplitting: { groups: [{ name: 'validation', test: /[\\/]node_modules[\\/]zod[\\/]/ }] },
      },
    },
  },
  server: {
    proxy: {
      '/v1': 'http://localhost:3000',
      '/auth': 'http://localhost:3000',
      '/local': 'http://localhost:3000',
    },
  },
});
