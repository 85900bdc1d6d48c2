/**
 * The session secrets of the app's windows, in main's memory only (never written anywhere):
 * the renderer seals its signed-in user's key under one so a reload (F5) keeps the session, and
 * a window's secret is forgotten when the renderer asks (sign-out, lock, expiry) or when the
 * window's page is destroyed. Each window sees only its own: the secret is filed under the
 * id of the WebContents that sent it, which the renderer cannot choose.
 * See docs/sync.md "Staying signed in across a reload".
 */
import { z } from 'zod';

/** session:put-secret takes 32 random bytes as 64 lower-case hex digits; nothing else. */
export const sessionSecretPutRequest = z.object({ secret: z.string().regex(/^[0-9a-f]{64}$/) }).strict();
/** session:get-secret and session:clear-secret take no argument. */
export const sessionSecretNoInput = z.undefined();

/** What main needs of the sender: its id, and to hear when it is destroyed. */
export interface SecretOwner {
  id: number;
  once(event: 'destroyed', listener: () => void): unknown;
}

export class SessionSecrets {
  private readonly secrets = new Map<number, string>();
  private readonly watched = new Set<number>();

  put(owner: SecretOwner, secret: string): null {
    this.secrets.set(owner.id, secret);
    if (!this.watched.has(owner.id)) {
      this.watched.add(owner.id);
      owner.once('destroyed', () => {
        this.secrets.delete(owner.id);
        this.watched.delete(owner.id);
      });
    }
    return null;
  }

  get(owner: Pick<SecretOwner, 'id'>): { secret: string | null } {
    return { secret: this.secrets.get(owner.id) ?? null };
  }

  clear(owner: Pick<SecretOwner, 'id'>): null {
    this.secrets.delete(owner.id);
    return null;
  }

  /** How many windows hold a secret (tests). */
  get size(): number {
    return this.secrets.size;
  }
}
