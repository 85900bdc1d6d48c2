/**
 * The six commands of one visit, registration to archive, as the store, sync and trust
 * benchmarks make them (pure: runs in the page and in Node). Visit `n` brings its own ID card
 * (`idOffset` moves it, for a second visit in the same cycle: the desk refuses a card it
 * already holds) and one laptop (`serial`, else one made from `n`).
 */
import type { Command } from '@shared/domain/registry';
import type { Actor } from '@shared/roles';

export function visitCycle(s: { officer: Actor; approver: Actor; escort: string }, id: string, n: number, badge: string, opts: { serial?: string; idOffset?: number } = {}): [Actor, Command][] {
  const serial = opts.serial ?? `PF${String(1_000_000 + (n % 8_999_999))}`;
  const card = ((n + (opts.idOffset ?? 0)) % 9999) + 1;
  return [
    [s.officer, {
      type: 'visit.register',
      input: {
        id, visitorName: `Rudi Hermawan ${n}`, idType: 'ktp', idNumber: `737101120385${String(card).padStart(4, '0')}`, organisation: 'PT Data Nusantara', phone: '081234567890',
        purpose: 'Penggantian disk RAID server aplikasi', workPlan: 'Ganti 2 disk yang rusak, rebuild RAID 5, uji layanan.', plannedMinutes: 60,
        devices: [{ kind: 'laptop', brandModel: 'Lenovo ThinkPad T14', serial }],
      },
    }],
    [s.approver, { type: 'visit.decide', input: { id, approved: true } }],
    [s.officer, { type: 'visit.issueBadge', input: { id, badge, escortId: s.escort } }],
    [s.officer, { type: 'visit.enter', input: { id } }],
    [s.officer, { type: 'visit.checkOut', input: { id, outcome: 'Selesai sesuai rencana.', scannedSerials: [serial], leftInside: [], badgeReturned: true, idReturned: true } }],
    [s.officer, { type: 'visit.archive', input: { id } }],
  ];
}
