/** Prints the sender's current print view. */
import type { WebContents } from 'electron';
import { z } from 'zod';

/** `silent: true` prints to the default printer without the dialog (Electron's meaning). */
export const printRequest = z.strictObject({ silent: z.boolean().optional() }).optional();
export type PrintInput = z.output<typeof printRequest>;

/** Resolves {printed:false} when the user cancels the dialog; other failures reject. */
export function print(sender: WebContents, req: PrintInput): Promise<{ printed: boolean }> {
  return new Promise((resolve, reject) => {
    sender.print({ silent: req?.silent ?? false, printBackground: true }, (success, failureReason) => {
      if (success) resolve({ printed: true });
      else if (!failureReason || /cancel/i.test(failureReason)) resolve({ printed: false });
      else reject(new Error(`print failed: ${failureReason}`));
    });
  });
}
