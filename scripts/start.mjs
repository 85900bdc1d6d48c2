#!/usr/bin/env node
// `npm start`: the desktop app when the Electron binary is installed, otherwise the same
// console in a browser (`npm run serve`), so installing and starting always gives a working
// console. The binary is looked up without require('electron'): in Electron 45 that call
// starts a download when the binary is missing, which cannot succeed on offline machines.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const electronDir = join(root, 'node_modules', 'electron');

/** The Electron executable, as node_modules/electron/index.js would find it, or null. */
export function findElectronBinary(env = process.env) {
  const pathFile = join(electronDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
    return existsSync(candidate) ? candidate : null;
  }
  if (!relative) return null;
  const candidate = join(electronDir, 'dist', relative);
  return existsSync(candidate) ? candidate : null;
}

function hasDisplay() {
  if (process.platform !== 'linux') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
    child.on('error', (error) => {
      console.error(error.message);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main() {
  const electron = findElectronBinary();
  if (electron && hasDisplay()) {
    const built = await run(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build']);
    if (built !== 0) return built;
    return run(electron, ['.']);
  }

  const reason = electron
    ? ['no graphical display was found.', 'tidak ada tampilan grafis (layar) yang terdeteksi.']
    : ['the Electron binary is not installed on this machine.', 'program Electron belum terpasang di komputer ini.'];
  const address = `http://${process.env.HOST ?? '127.0.0.1'}:${process.env.PORT ?? '4780'}`;
  console.log(
    [
      '',
      `Meja IT: ${reason[0]}`,
      `Starting the same console in your browser instead: ${address}`,
      '',
      `Meja IT: ${reason[1]}`,
      `Konsol yang sama dijalankan di peramban (browser): ${address}`,
      '',
    ].join('\n'),
  );
  return run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'serve']);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().then((code) => process.exit(code));
}
