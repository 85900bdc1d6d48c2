/**
 * The single registrar of IPC handlers. Every request from the renderer passes three gates
 * here, in order: the sender must be one of the app's own pages, the input must parse with
 * the channel's zod schema, and the handler's failure becomes a Result — nothing is ever
 * thrown across the bridge, and no internal error text reaches the renderer. A handler that
 * must tell the user why it refused throws a BridgeFailure naming an i18n key.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import { fail, ok, type Result } from '../../shared/result';
import type { Channel } from './channels';

/** Thrown by a handler to answer `failed` with a specific message key instead of
 *  errors.bridge.failed (e.g. errors.bridge.noKeychain), or with its own code and message
 *  parameters (the sync transport: the server's code, its HTTP status and wait). An expected
 *  refusal: not logged. */
export class BridgeFailure extends Error {
  constructor(
    readonly messageKey: string,
    readonly detail: { code?: string; params?: Record<string, string | number> } = {},
  ) {
    super(messageKey);
    this.name = 'BridgeFailure';
  }
}

export interface RegistrarDeps {
  ipcMain: Pick<IpcMain, 'handle'>;
  /** The URL policy: true only for the app's own pages (see security.ts isAppUrl). */
  isAppUrl: (url: unknown) => boolean;
  /** Where a handler's failure is reported (the renderer only sees 'failed'). */
  logError?: (channel: string, error: unknown) => void;
}

export type Handle = <S extends z.ZodType, R>(
  channel: Channel,
  schema: S,
  fn: (req: z.output<S>, event: IpcMainInvokeEvent) => Promise<R> | R,
) => void;

function senderUrl(event: IpcMainInvokeEvent): string | undefined {
  try {
    // senderFrame is null when the frame navigated away or was destroyed meanwhile.
    return event.senderFrame?.url;
  } catch {
    return undefined;
  }
}

/** Builds `handle(channel, schema, fn)`; only this function calls ipcMain.handle. */
export function createRegistrar(deps: RegistrarDeps): Handle {
  const logError = deps.logError ?? ((channel, error) => console.error(`[ipc ${channel}]`, error));
  return (channel, schema, fn) => {
    deps.ipcMain.handle(channel, async (event: IpcMainInvokeEvent, raw: unknown): Promise<Result<unknown>> => {
      if (!deps.isAppUrl(senderUrl(event))) return fail('forbidden', 'errors.bridge.forbidden');
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        const field = parsed.error.issues[0]?.path.map(String).join('.');
        return fail('invalid-input', 'errors.bridge.invalid-input', field ? { field } : {});
      }
      try {
        return ok(await fn(parsed.data, event));
      } catch (error) {
        if (error instanceof BridgeFailure) return fail(error.detail.code ?? 'failed', error.messageKey, error.detail.params ? { params: error.detail.params } : {});
        logError(channel, error);
        return fail('failed', 'errors.bridge.failed');
      }
    });
  };
}
