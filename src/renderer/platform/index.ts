/**
 * The one place that decides which shell the console runs in. Components import `platform`
 * and never ask "am I in Electron?".
 */
import type { Platform } from '@shared/platform';
import { createDesktopPlatform } from './desktop';
import { createWebPlatform } from './web';

export const platform: Platform = typeof window !== 'undefined' && window.desktop ? createDesktopPlatform(window.desktop) : createWebPlatform();
