import type { DesktopApi } from '@shared/platform';

declare global {
  interface Window {
    /** Set by the Electron preload (src/preload/index.ts); absent in a browser. */
    desktop?: DesktopApi;
  }
}

export {};
