/**
 * Versioned, idempotent schema migrations. Each runs once, in its own transaction, recorded in
 * schema_migrations; an advisory lock keeps two server instances starting together from
 * applying the same one twice. Append new migrations; never edit an applied one.
 */
import type { Db } from './db';

export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'sync store',
    sql: `
      -- Every event any device pushed, accepted or rejected: the audit trail and the pull feed.
      CREATE TABLE events (
        id uuid PRIMARY KEY,
        device_id uuid NOT NULL,
        device_seq bigint NOT NULL,
        kind text NOT NULL,
        record_id text NOT NULL,
        type text NOT NULL,
        payload jsonb NOT NULL,
        actor_id text NOT NULL,
        hlc text NOT NULL,
        at timestamptz NOT NULL,
        -- 'at' exactly as the device wrote it: it is part of the event's hash.
        at_text text NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL,
        status text NOT NULL CHECK (status IN ('accepted', 'rejected')),
        reason text,
        server_version bigint NOT NULL UNIQUE,
        received_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (device_id, device_seq)
      );
      CREATE INDEX events_record ON events (kind, record_id);

      -- The folded state of every record, from ACCEPTED events only (the shared folds).
      CREATE TABLE projections (
        kind text NOT NULL,
        record_id text NOT NULL,
        state jsonb NOT NULL,
        PRIMARY KEY (kind, record_id)
      );
      CREATE INDEX projections_badge_out ON projections ((state->>'badgeOut')) WHERE kind = 'visit';
      CREATE INDEX projections_username ON projections ((state->>'username')) WHERE kind = 'user';

      -- Enrolled devices; only the SHA-256 of a device's token is kept.
      CREATE TABLE devices (
        id uuid PRIMARY KEY,
        user_id text NOT NULL,
        name text NOT NULL,
        token_hash text UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz,
        revoked_at timestamptz
      );

      -- Each device's chain head: the last sequence number and hash stored.
      CREATE TABLE device_heads (
        device_id uuid PRIMARY KEY,
        last_seq bigint NOT NULL,
        last_hash text NOT NULL
      );

      -- One row: the last server version handed out (see SyncService: the write lock).
      CREATE TABLE sync_state (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        version bigint NOT NULL
      );
      INSERT INTO sync_state (id, version) VALUES (true, 0);
    `,
  },
  {
    version: 2,
    name: 'asset and employee unique keys',
    sql: `
      -- Tags, serials (devices and accessories) and NIPs: the uniqueness checks of asset.create,
      -- asset.import and employee.create ask which records hold any of a set of keys.
      CREATE INDEX projections_keys ON projections USING gin ((state->'keys')) WHERE kind IN ('asset', 'employee');
    `,
  },
  {
    version: 4,
    name: 'evidence files',
    sql: `
      -- Evidence files (incident attachments), content-addressed: the key is the SHA-256 of the
      -- bytes, checked on upload. Events carry only {hash, name, type, size}; the bytes sync on
      -- their own (PUT/GET /api/blobs/:hash), so a large file never slows the event feed.
      CREATE TABLE blobs (
        hash text PRIMARY KEY CHECK (hash ~ '^[0-9a-f]{64}$'),
        size integer NOT NULL,
        data bytea NOT NULL,
        uploaded_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
    `,
  },
  {
    // Migration numbers 2-4 are taken by the assets, tickets and incidents workflows.
    version: 5,
    name: 'projection versions for snapshots',
    sql: `
      -- The server version of the last event folded into each projection: a snapshot taken "as
      -- of version V" sends the rows with version <= V and, for rows changed since, their events.
      ALTER TABLE projections ADD COLUMN version bigint NOT NULL DEFAULT 0;
    `,
  },
  {
    version: 6,
    name: 'signed events',
    sql: `
      -- Signed events (schema 3): the command reference, the command itself (on a command's first
      -- event), the actor's signature and any countersignatures, as one JSON value; NULL for the
      -- events stored before signing ("sebelum penandatanganan").
      ALTER TABLE events ADD COLUMN envelope jsonb;
      -- The field a refusal names (a replay that differs, a bad signature).
      ALTER TABLE events ADD COLUMN reason_field text;
      -- Upgrade: keys whose owner proved their password to this server (POST /api/auth/key-proof);
      -- a pre-upgrade user's user.keyEnrolled is accepted only for such a key.
      CREATE TABLE key_proofs (
        user_id text NOT NULL,
        key_id text NOT NULL,
        public_key text NOT NULL,
        proven_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, key_id)
      );
    `,
  },
  {
    version: 7,
    name: 'device keys, sign-in throttle, auth audit',
    sql: `
      -- Each device's Ed25519 public key (raw, hex), registered at enrolment: a sign-in naming
      -- the device must prove possession of its private key, and every push is signed with it.
      -- NULL for a device enrolled before keys existed; it registers one at its next sign-in.
      ALTER TABLE devices ADD COLUMN public_key text CHECK (public_key ~ '^[0-9a-f]{64}$');

      -- Single-use sign-in challenges, in the database so that any instance can check one
      -- another instance issued.
      CREATE TABLE auth_challenges (
        challenge text PRIMARY KEY,
        device_id uuid NOT NULL,
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX auth_challenges_expiry ON auth_challenges (expires_at);

      -- Failed sign-ins per username and per client address (src/shared/auth/throttle.ts).
      CREATE TABLE signin_throttle (
        scope text NOT NULL CHECK (scope IN ('user', 'address')),
        key text NOT NULL,
        failures integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        last_failure_at timestamptz,
        PRIMARY KEY (scope, key)
      );

      -- The server's auth events: sign-ins (success and failure), throttled attempts,
      -- enrolments, device key registrations and mismatches, bootstrap, revocations.
      CREATE TABLE auth_audit (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL,
        event text NOT NULL,
        username text,
        user_id text,
        device_id text,
        device_name text,
        address text,
        detail text
      );
    `,
  },
  {
    version: 8,
    name: 'event stream tickets',
    sql: `
      -- Single-use tickets for the poke stream (GET /api/sync/events?ticket=): an EventSource
      -- cannot send an Authorization header, and a device token must not appear in a URL (access
      -- logs, proxies). Kept as SHA-256, like tokens; in the database so that the instance the
      -- stream reaches need not be the one that issued the ticket.
      CREATE TABLE event_tickets (
        ticket_hash text PRIMARY KEY,
        device_id uuid NOT NULL,
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX event_tickets_expiry ON event_tickets (expires_at);
    `,
  },
  {
    version: 9,
    name: 'held ID documents',
    sql: `
      -- "One card, one visit": visit.register asks which open visit holds an ID document. Only
      -- visits whose ID the desk holds are indexed (a few dozen), by the document's number.
      CREATE INDEX projections_id_held ON projections ((state->>'idNumber')) WHERE kind = 'visit' AND (state->>'idHeld') = 'true';
    `,
  },
];

/** Applies every migration not yet applied. Safe to call on every start, from several instances. */
export async function migrate(db: Pick<Db, 'query' | 'transaction'>): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(7425201)`);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
  });
  for (const m of MIGRATIONS) {
    await db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(7425201)`);
      const done = await tx.query(`SELECT 1 FROM schema_migrations WHERE version = $1`, [m.version]);
      if (done.length > 0) return;
      for (const statement of splitStatements(m.sql)) await tx.query(statement);
      await tx.query(`INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`, [m.version, m.name]);
    });
  }
}

/** Splits a migration into statements (prepared statements take one at a time). No ';' inside literals. */
function splitStatements(sql: string): string[] {
  return sql
    .split('\n')
    .filter((line) => !line.trim().startsWith('--'))
    .join('\n')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}
