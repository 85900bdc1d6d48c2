// The renderer's feature boundaries (docs/architecture.md "Features and their place in the app"):
// - src/renderer/app/** imports no feature (app/features.ts collects them with one import.meta.glob);
// - a feature imports nothing of another feature but its `public.ts`;
// - a feature.tsx stays light: it is in the first bundle, so it imports no screen or print
//   template (those come through lazyScreen/lazyPart's dynamic import()) and no heavy library.
// Imports are resolved from relative paths and the @renderer/* alias.
import path from 'node:path';

const HEAVY = ['chart.js', 'exceljs', 'bwip-js', 'papaparse', 'signature_pad', 'react-dom'];

/**
 * Imports of another feature's internals still allowed, each for a known reason; remove its line
 * when the import is gone. The calendar screen borrows the tickets' SLA styles.
 */
const PENDING = new Set([
  'src/renderer/features/admin->src/renderer/features/tickets/tickets.css',
]);

const posix = (p) => p.split(path.sep).join('/');

function resolveTarget(spec, file, cwd) {
  if (spec.startsWith('@renderer/')) return `src/renderer/${spec.slice('@renderer/'.length)}`;
  if (!spec.startsWith('.')) return undefined;
  return posix(path.relative(cwd, path.resolve(path.dirname(file), spec)));
}

const featureOf = (p) => /^src\/renderer\/features\/([^/]+)\//.exec(p)?.[1];

export const featureBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps app/ free of features, features out of each other, and feature.tsx light.' },
    schema: [],
    messages: {
      appImportsFeature: 'src/renderer/app imports no feature: declare it in the feature\'s feature.tsx (routes, nav, slots, entry) and let app/features.ts collect it.',
      crossFeature: 'A feature imports nothing of another feature but its public.ts ({{target}}): use a slot, move the shared piece to components/, store/ or src/shared, or export it from features/{{feature}}/public.ts.',
      heavyFeatureFile: 'feature.tsx is in the first bundle: import screens, templates and heavy libraries lazily (lazyScreen/lazyPart with import()), not {{target}}.',
    },
  },
  create(context) {
    const cwd = context.cwd ?? process.cwd();
    const file = path.resolve(cwd, context.filename);
    const rel = posix(path.relative(cwd, file));
    if (!rel.startsWith('src/renderer/')) return {};
    const inApp = rel.startsWith('src/renderer/app/');
    const own = featureOf(rel);
    const isFeatureFile = own !== undefined && rel === `src/renderer/features/${own}/feature.tsx`;

    function check(node, spec, { dynamic = false, typeOnly = false } = {}) {
      if (typeof spec !== 'string') return;
      if (isFeatureFile && !dynamic && !typeOnly && HEAVY.some((lib) => spec === lib || spec.startsWith(`${lib}/`))) {
        context.report({ node, messageId: 'heavyFeatureFile', data: { target: spec } });
        return;
      }
      const target = resolveTarget(spec, file, cwd);
      if (!target) return;
      const feature = featureOf(target);
      if (inApp && feature && !typeOnly) {
        context.report({ node, messageId: 'appImportsFeature' });
        return;
      }
      if (own && feature && feature !== own) {
        const publicEntry = target.replace(/\.(ts|tsx)$/, '') === `src/renderer/features/${feature}/public`;
        const pending = PENDING.has(`src/renderer/features/${own}->${target.replace(/\.(ts|tsx)$/, '')}`);
        if (!publicEntry && !pending) context.report({ node, messageId: 'crossFeature', data: { target, feature } });
        return;
      }
      if (isFeatureFile && !dynamic && !typeOnly && /\/[^/]*(Screen|Template)$/.test(target.replace(/\.(ts|tsx)$/, ''))) {
        context.report({ node, messageId: 'heavyFeatureFile', data: { target } });
      }
    }

    return {
      ImportDeclaration(node) {
        const typeOnly = node.importKind === 'type' || (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === 'type'));
        check(node, node.source.value, { typeOnly });
      },
      ExportNamedDeclaration(node) {
        if (node.source) check(node, node.source.value, { typeOnly: node.exportKind === 'type' });
      },
      ExportAllDeclaration(node) {
        check(node, node.source.value, { typeOnly: node.exportKind === 'type' });
      },
      ImportExpression(node) {
        if (node.source.type === 'Literal') check(node, node.source.value, { dynamic: true });
      },
    };
  },
};
