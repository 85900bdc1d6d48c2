/**
 * Two people at one desk: where a step needs a second person present (the wipe's operator and
 * verifier), that person types their own password on the same screen; it opens their signing
 * key, which countersigns the step's events. Picking a name from a list is not enough. Wrong
 * passwords count toward the same per-username throttle as sign-in on this device.
 */
import type { UserState } from '@shared/domain/user/state';
import { waitSeconds } from '@shared/auth/throttle';
import { verifyPassword } from '@shared/password';
import type { Signer } from '@shared/sync/stamp';
import { db } from '@renderer/store';
import { clearSignInFailures, noteSignInFailure, signInAllowed } from '@renderer/store/signin-throttle';
import { openUserKey } from './credentials';

/** What went wrong for one countersigner: an i18n key and its params. */
export interface CosignProblem {
  message: string;
  params: Record<string, unknown>;
}

/** Opens the keys of the people who must countersign, from the passwords they typed. */
export async function collectCosigners(people: readonly UserState[], passwords: Readonly<Record<string, string>>): Promise<{ signers: Signer[] } | { problems: Record<string, CosignProblem> }> {
  const signers: Signer[] = [];
  const problems: Record<string, CosignProblem> = {};
  for (const u of people) {
    const name = u.displayName;
    const now = Date.now();
    const allowed = await signInAllowed(db, u.username, now);
    if (!allowed.allowed) {
      problems[u.id] = { message: 'auth.errors.throttledSeconds', params: { count: waitSeconds(allowed.waitMs) } };
      continue;
    }
    const password = passwords[u.id] ?? '';
    if (!password || !(await verifyPassword(password, u.password))) {
      await noteSignInFailure(db, u.username, now);
      problems[u.id] = { message: 'auth.cosign.wrong', params: { name } };
      continue;
    }
    await clearSignInFailures(db, u.username);
    const key = await openUserKey(u, password);
    if (!key) {
      problems[u.id] = { message: 'auth.cosign.noKey', params: { name } };
      continue;
    }
    signers.push({ userId: u.id, key });
  }
  return Object.keys(problems).length > 0 ? { problems } : { signers };
}
