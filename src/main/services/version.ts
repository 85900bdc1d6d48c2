/** The application's version, as Electron reads it from package.json. */
import { z } from 'zod';

/** app:get-version takes no argument. */
export const appVersionRequest = z.undefined();

export function appVersion(getVersion: () => string): { version: string } {
  return { version: getVersion() };
}
