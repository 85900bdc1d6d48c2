/** Reads of the daily operations records (one per office day, id = the date). */
import type { OpsDayState } from '@shared/domain/ops/state';
import type { ConsoleDb } from '../db';

/** The days named, in the order given; a day nothing was recorded on is undefined. */
export async function opsDays(db: ConsoleDb, dates: readonly string[]): Promise<(OpsDayState | undefined)[]> {
  return db.opsDays.bulkGet([...dates]);
}

/** The days that still have an open disruption (an index range, not a scan). */
export async function daysWithOpenDisruptions(db: ConsoleDb): Promise<OpsDayState[]> {
  return db.opsDays.where('openDisruptions').above(0).toArray();
}
