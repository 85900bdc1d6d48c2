/** The key families the ticket screens build at run time exist in both languages. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeCatalogs } from '@shared/catalogs';
import { CONFIRM_METHODS, PRIORITIES, TICKET_CATEGORIES, TICKET_CHANNELS, TICKET_STATUSES } from '@shared/domain/ticket/state';

const catalog = (lang: string) => {
  const dir = `src/renderer/i18n/locales/${lang}`;
  return mergeCatalogs(readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>));
};
const has = (tree: unknown, key: string) => typeof key.split('.').reduce<unknown>((n, k) => (n as Record<string, unknown> | undefined)?.[k], tree) === 'string';

describe('ticket catalogs', () => {
  it('name every status, priority, channel, category, confirmation method, SLA level and target', () => {
    const keys = [
      ...TICKET_STATUSES.map((s) => `ticket.status.${s}`),
      ...PRIORITIES.map((p) => `ticket.priority.${p}`),
      ...TICKET_CHANNELS.map((c) => `ticket.channel.${c}`),
      ...TICKET_CATEGORIES.map((c) => `ticket.category.${c}`),
      ...CONFIRM_METHODS.map((m) => `ticket.method.${m}`),
      ...['on_track', 'at_risk', 'breached', 'paused', 'met', 'missed'].map((l) => `ticket.sla.level.${l}`),
      ...['working_hours', 'calendar_hours', 'working_workdays', 'calendar_workdays'].map((x) => `ticket.sla.target.${x}`),
      ...['serverRoom', 'helpdesk', 'administration'].map((g) => `nav.${g}`),
    ];
    for (const lang of ['id', 'en']) {
      const c = catalog(lang);
      expect(keys.filter((k) => !has(c, k)), lang).toEqual([]);
    }
  });
});
