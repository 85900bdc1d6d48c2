/** The version baked into the renderer build (VITE_APP_VERSION), for the browser shell. */
export const BUILD_VERSION: string = (import.meta.env.VITE_APP_VERSION as string | undefined) ?? '0.1.0';
