/** The import boundaries in eslint.config.js hold: renderer and shared code stay portable. */
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: fileURLToPath(new URL('../..', import.meta.url)) });

async function restrictedImports(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  it.each([
    "import { ipcRenderer } from 'electron';",
    "import { readFile } from 'node:fs/promises';",
    "import { join } from 'path';",
    "import fs from 'fs';",
    "import type { IpcRenderer } from 'electron';",
  ])('the renderer may not: %s', async (code) => {
    expect(await restrictedImports(`${code}\nexport const x = 1;\n`, 'src/renderer/features/fake.ts')).toHaveLength(1);
  });

  it.each([
    "import { useState } from 'react';",
    "import { createRoot } from 'react-dom/client';",
    "import Dexie from 'dexie';",
    "import { useLiveQuery } from 'dexie-react-hooks';",
    "import { app } from 'electron';",
    "import { createHash } from 'node:crypto';",
    "import { createHash } from 'crypto';",
  ])('shared code may not: %s', async (code) => {
    expect(await restrictedImports(`${code}\nexport const x = 1;\n`, 'src/shared/domain/fake.ts')).toHaveLength(1);
  });

  it('allows what each layer needs', async () => {
    expect(await restrictedImports("import { z } from 'zod';\nimport { ok } from '../result';\nexport const x = [z, ok];\n", 'src/shared/domain/fake.ts')).toEqual([]);
    expect(await restrictedImports("import { useState } from 'react';\nexport const x = useState;\n", 'src/renderer/features/fake.ts')).toEqual([]);
    expect(await restrictedImports("import { app } from 'electron';\nimport { join } from 'node:path';\nexport const x = [app, join];\n", 'src/main/fake.ts')).toEqual([]);
  });
});
