/**
 * The packaged app's Electron fuses (issue 11, checklist 15/17), read the way electron-builder
 * reads them: its own config loader and schema check on build/electron-builder.yml, then the
 * fuse wire @electron/fuses would flip (electron-builder's generateFuseConfig mapping).
 */
import { FuseV1Options } from '@electron/fuses';
import { PlatformPackager } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util/out/DebugLogger';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
// packageMetadata left to its default: package.json, as electron-builder reads it.
const load = () => getConfig(root, 'build/electron-builder.yml', null);

describe('electron-builder fuses', () => {
  it('the configuration is valid for electron-builder and packs the app as ASAR', async () => {
    const config = await load();
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    expect(config.asar).toBe(true);
  });

  it.each([
    ['runAsNode', false, FuseV1Options.RunAsNode],
    ['enableNodeOptionsEnvironmentVariable', false, FuseV1Options.EnableNodeOptionsEnvironmentVariable],
    ['enableNodeCliInspectArguments', false, FuseV1Options.EnableNodeCliInspectArguments],
    ['enableEmbeddedAsarIntegrityValidation', true, FuseV1Options.EnableEmbeddedAsarIntegrityValidation],
    ['onlyLoadAppFromAsar', true, FuseV1Options.OnlyLoadAppFromAsar],
    ['enableCookieEncryption', true, FuseV1Options.EnableCookieEncryption],
  ] as const)('%s is %s', async (name, value, fuse) => {
    const fuses = (await load()).electronFuses;
    expect(fuses?.[name]).toBe(value);
    // What electron-builder hands @electron/fuses after packing (it flips only the fuses that are
    // set; a missing option would keep Electron's default, which is the unsafe one for these).
    const generate = (PlatformPackager.prototype as unknown as { generateFuseConfig(f: unknown): Promise<Record<number, unknown>> }).generateFuseConfig;
    const wire = await generate.call(null, fuses);
    expect(wire[fuse]).toBe(value);
  });
});
