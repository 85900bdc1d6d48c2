/**
 * Vite plugin (renderer build only): puts the console's first screens into index.html.
 *
 * - Renders `src/renderer/entry/prerender.tsx` under Vite's SSR loader (the real setup and
 *   sign-in screens, both languages) and writes the markup as <template>s, followed by the
 *   inline script that shows the right one while the page parses (src/shared/entry-boot.ts;
 *   src/renderer/entry/handoff.ts explains the hand-over to the application).
 * - Inlines the application's stylesheet, so the first screen paints with the HTML alone instead
 *   of waiting for a second request (the CSP allows inline styles; scripts stay 'self').
 */
import { createServer, type Plugin } from 'vite';
import { resolve } from 'node:path';
import { ENTRY_BOOT_SCRIPT } from '../src/shared/entry-boot';

export function entryPrerender(aliases: Record<string, string>): Plugin {
  return {
    name: 'meja-it-entry-prerender',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      async handler(html, ctx) {
        const server = await createServer({
          configFile: false,
          root: resolve('src/renderer'),
          logLevel: 'error',
          resolve: { alias: aliases },
          server: { middlewareMode: true, hmr: false, ws: false },
          appType: 'custom',
          optimizeDeps: { noDiscovery: true, include: [] },
        });
        let templates: string;
        try {
          const mod = (await server.ssrLoadModule('/entry/prerender.tsx')) as { entryTemplates(): Promise<string> };
          templates = await mod.entryTemplates();
        } finally {
          await server.close();
        }
        if (!html.includes('<!--entry-templates-->')) throw new Error('index.html has no <!--entry-templates--> placeholder');
        let out = html.replace('<!--entry-templates-->', () => `${templates}\n<script>${ENTRY_BOOT_SCRIPT}</script>`);
        // The stylesheet inline: one request fewer before the first paint.
        for (const asset of Object.values(ctx.bundle ?? {})) {
          if (asset.type !== 'asset' || !asset.fileName.endsWith('.css')) continue;
          const link = new RegExp(`<link rel="stylesheet"[^>]*href="\\./${asset.fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>`);
          if (!link.test(out)) continue;
          const css = typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
          // The link stays, disabled (not fetched, not applied), so that Vite's chunk loader, which
          // looks for a stylesheet's <link> before adding one, does not fetch it a second time.
          out = out.replace(link, (tag) => `<style>${css.replace(/<\/style/gi, '<\\/style')}</style>${tag.replace('<link ', '<link disabled ')}`);
        }
        // The chunks of the two entry screens (and what they import) are fetched with the app's
        // own, not after it has started and asked for them.
        const chunks = Object.values(ctx.bundle ?? {}).filter((c) => c.type === 'chunk');
        const byName = new Map(chunks.map((c) => [c.fileName, c]));
        const wanted = new Set<string>();
        const add = (file: string) => {
          if (wanted.has(file)) return;
          wanted.add(file);
          for (const dep of byName.get(file)?.imports ?? []) add(dep);
        };
        for (const c of chunks) if (c.moduleIds.some((id) => /\/features\/(setup\/SetupScreen|auth\/SignInScreen)\.tsx$/.test(id))) add(c.fileName);
        for (const file of wanted) {
          if (!out.includes(`/${file}"`)) out = out.replace('</head>', () => `<link rel="modulepreload" crossorigin href="./${file}">\n</head>`);
        }
        // The application's own script and its preloads after the first screen: the page parses,
        // paints and takes typing first, and the fetches start right after.
        const appTags: string[] = [];
        out = out.replace(/\s*<(script type="module"|link rel="modulepreload")[^>]*>(<\/script>)?/g, (tag) => {
          appTags.push(tag.trim());
          return '';
        });
        return out.replace('</body>', () => `${appTags.join('\n')}\n</body>`);
      },
    },
  };
}
