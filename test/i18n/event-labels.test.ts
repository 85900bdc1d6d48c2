/**
 * Every event type the domain emits has a label (`events.<type>`) in both catalogs, so the
 * conflict inbox and the histories can name any refused event. EVENT_TYPES is checked against
 * the commands' sources (the server re-checks an event by replaying the command that made it,
 * so every event type must be one a command's decide() emits) so that a new event type cannot
 * skip it.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeCatalogs, type CatalogTree } from '../../src/shared/catalogs';
import { RECORD_KINDS } from '../../src/shared/events';
import { commands, EVENT_TYPES } from '../../src/shared/domain/registry';

const catalog = (lang: string) => {
  const dir = `src/renderer/i18n/locales/${lang}`;
  return mergeCatalogs(readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>));
};
const text = (tree: CatalogTree, key: string): string | undefined => {
  let at: CatalogTree | string | undefined = tree;
  for (const part of key.split('.')) at = typeof at === 'object' ? at[part] : undefined;
  return typeof at === 'string' ? at : undefined;
};
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.ts$/.test(name) ? [p] : [];
  });
/** '<kind>.<name>' string literals in some sources. */
const literals = (paths: string[], pattern = `'((?:${RECORD_KINDS.join('|')})\\.[a-zA-Z]+)'`) => {
  const out = new Set<string>();
  for (const f of paths) for (const m of readFileSync(f, 'utf8').matchAll(new RegExp(pattern, 'g'))) out.add(m[1]!);
  return out;
};

describe('event type labels', () => {
  const types = new Set<string>(EVENT_TYPES);

  it('EVENT_TYPES lists every event type the commands and folds name', () => {
    const named = [...literals(files('src/shared/domain'))].filter((x) => !(x in commands));
    expect(named.length).toBeGreaterThan(40);
    expect(named.filter((x) => !types.has(x))).toEqual([]);
  });

  it("every listed event type is one a command's decide() emits, so a replay can produce it", () => {
    const sources = files('src/shared/domain').filter((f) => f.endsWith('commands.ts'));
    const emitted = [...literals(sources)].filter((x) => types.has(x) || !(x in commands));
    expect(emitted.sort()).toEqual([...types].sort());
  });

  it.each(['id', 'en'])('the %s catalog has events.<type> for every event type', (lang) => {
    const tree = catalog(lang);
    expect(EVENT_TYPES.filter((type) => !text(tree, `events.${type}`)?.trim())).toEqual([]);
  });
});
