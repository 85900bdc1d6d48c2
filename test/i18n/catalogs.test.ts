/**
 * The two catalogs have the same keys, no empty strings, the same {{placeholders}}, and every
 * key the code names — t('…') in the renderer, i18n message keys in the domain — exists.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeCatalogs, type CatalogTree as Tree } from '@shared/catalogs';

/** A language's catalog: every file in locales/<lang>/, merged as the app merges them. */
const catalog = (lang: string) => {
  const dir = `src/renderer/i18n/locales/${lang}`;
  return mergeCatalogs(readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>));
};

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

const idKeys = flatten(catalog('id'));
const enKeys = flatten(catalog('en'));
// Quoted literals that start with a top-level catalog namespace ('visit.errors.name', 'asset.…').
const namespaces = [...new Set([...idKeys.keys()].map((k) => k.split('.')[0]!))].filter((n) => !['events', 'roles', 'roleHints', 'common', 'nav'].includes(n));
const keyLiteral = new RegExp(`'((?:${namespaces.join('|')})\\.[\\w-]+(?:\\.[\\w-]+)+)'`, 'g');
// A plural family ('auth.errors.throttledSeconds' with { count }) is stored as `<key>_one`, `<key>_other`…
const has = (k: string) => idKeys.has(k) || idKeys.has(`${k}_other`);
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('i18n catalogs', () => {
  it('have exactly the same keys', () => {
    expect([...idKeys.keys()].filter((k) => !enKeys.has(k))).toEqual([]);
    expect([...enKeys.keys()].filter((k) => !idKeys.has(k))).toEqual([]);
  });

  it('have no empty texts and the same placeholders in both languages', () => {
    for (const [key, text] of idKeys) {
      expect(text.trim(), key).not.toBe('');
      expect(enKeys.get(key)?.trim(), key).not.toBe('');
      expect(placeholders(enKeys.get(key) ?? ''), key).toEqual(placeholders(text));
    }
  });

  it('contain every literal key the renderer passes to t()', () => {
    const used = new Set<string>();
    for (const file of sources('src/renderer')) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z][\w.-]*)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((k) => !has(k))).toEqual([]);
  });

  it('contain every message key the domain and the bridge can return', () => {
    const used = new Set<string>();
    for (const file of [...sources('src/shared'), ...sources('src/main'), ...sources('src/renderer')]) {
      for (const m of readFileSync(file, 'utf8').matchAll(keyLiteral)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(40);
    expect([...used].filter((k) => !has(k))).toEqual([]);
  });

  it('contain every dynamic key family the screens build (statuses, ID types, device kinds, roles, events, auth audit events)', async () => {
    const { VISIT_STATUSES, DEVICE_KINDS } = await import('@shared/domain/visit/state');
    const { ID_TYPES } = await import('@shared/validators/id-document');
    const { ROLES } = await import('@shared/roles');
    const { checkNik } = await import('@shared/validators/nik');
    const { AUTH_AUDIT_EVENTS } = await import('@shared/sync/protocol');
    const keys = [
      ...VISIT_STATUSES.map((s) => `visit.status.${s}`),
      ...DEVICE_KINDS.map((k) => `visit.deviceKinds.${k}`),
      ...ID_TYPES.flatMap((k) => [`visit.idTypes.${k}`, `visit.idHints.${k}`]),
      ...ROLES.flatMap((r) => [`roles.${r}`, `roleHints.${r}`]),
      ...AUTH_AUDIT_EVENTS.map((e) => `sync.audit.events.${e}`),
      ...['', '1234', '12345678901234567', '1101010101010000', '1101013213900001', '11a1010101010001'].map((n) => {
        const r = checkNik(n);
        return r.ok ? 'visit.errors.nik.empty' : `visit.errors.nik.${r.reason}`;
      }),
    ];
    const { EVENT_TYPES } = await import('@shared/domain/registry');
    const eventTypes = EVENT_TYPES.map((type) => `events.${type}`);
    expect([...keys, ...eventTypes].filter((k) => !idKeys.has(k))).toEqual([]);
  });
});
