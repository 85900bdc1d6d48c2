/**
 * Every event type the domain emits has a label (`events.<type>`) in both catalogs, so the
 * conflict inbox and the histories can name any refused event. EVENT_TYPES derives from the
 * record kinds' definitions; test/shared/event-schemas.test.ts shows every command's events are
 * of those types, together they make every one of them, and the server's re-check (a replay of
 * the command that made them) accepts each one.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeCatalogs, type CatalogTree } from '@shared/catalogs';
import { EVENT_TYPES } from '@shared/domain/registry';

const catalog = (lang: string) => {
  const dir = `src/renderer/i18n/locales/${lang}`;
  return mergeCatalogs(readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>));
};
const text = (tree: CatalogTree, key: string): string | undefined => {
  let at: CatalogTree | string | undefined = tree;
  for (const part of key.split('.')) at = typeof at === 'object' ? at[part] : undefined;
  return typeof at === 'string' ? at : undefined;
};

describe('event type labels', () => {
  it.each(['id', 'en'])('the %s catalog has events.<type> for every event type', (lang) => {
    const tree = catalog(lang);
    expect(EVENT_TYPES.length).toBeGreaterThan(60);
    expect(EVENT_TYPES.filter((type) => !text(tree, `events.${type}`)?.trim())).toEqual([]);
  });
});
