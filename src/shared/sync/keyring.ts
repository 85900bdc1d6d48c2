/**
 * A keyring for tools that act as many users on one machine — the benchmarks, the test suites,
 * the demo data generator: one key pair per user id, derived from the id (so a server seeded in
 * Node and a page in Chromium sign as the same user with the same key), wrapped with a fixed
 * password and a low PBKDF2 count (1,000). Never used for a real user, whose key is random.
 * `withKeys` fills the key material a user-creating command needs from the ring, so such tools
 * write commands as screens do.
 */
import type { Command } from '../domain/registry';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { newUserKey, type KeyMaterial, type SigningKey } from '../signing';

export const KEYRING_PASSWORD = 'keyring-password-1';

export class Keyring {
  private readonly keys = new Map<string, Promise<{ material: KeyMaterial; key: SigningKey }>>();

  /** The user's key pair (made on first use). */
  of(userId: string): Promise<{ material: KeyMaterial; key: SigningKey }> {
    let k = this.keys.get(userId);
    if (!k) {
      k = newUserKey(KEYRING_PASSWORD, 1000, sha256(utf8ToBytes(`meja-it/keyring/${userId}`)));
      this.keys.set(userId, k);
    }
    return k;
  }

  /** The command with the key material of the user it creates or re-keys filled in where missing. */
  async withKeys<C extends { type: string; input: unknown }>(command: C): Promise<Command> {
    const input = command.input as Record<string, unknown>;
    if ((command.type === 'user.create' || command.type === 'user.setPassword') && !input.key) {
      return { ...command, input: { ...input, key: (await this.of(input.id as string)).material } } as unknown as Command;
    }
    if (command.type === 'org.setUp') {
      const admin = input.admin as Record<string, unknown>;
      if (!admin.key) return { ...command, input: { ...input, admin: { ...admin, key: (await this.of(admin.id as string)).material } } } as unknown as Command;
    }
    return command as unknown as Command;
  }
}
