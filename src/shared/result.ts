/** A failure the user can read: `code` is stable for tests, `message` an i18n key. */
export interface Failure {
  code: string;
  /** i18n key (catalogs in src/renderer/i18n/locales) explaining the failure to the user. */
  message: string;
  /** Values interpolated into the message. */
  params?: Record<string, string | number>;
  /** The form field the failure belongs to, when there is one. */
  field?: string;
}

/** The outcome of anything that can be refused: never thrown across a boundary. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: Failure };

/** Builds a success. */
export const ok = <T>(data: T): Result<T> => ({ ok: true, data });

/** Builds a refusal. */
export const fail = (code: string, message: string, extra: Omit<Failure, 'code' | 'message'> = {}): { ok: false; error: Failure } => ({
  ok: false,
  error: { code, message, ...extra },
});
