/** The import boundaries in eslint.config.js hold: renderer and shared code stay portable. */
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: fileURLToPath(new URL('../..', import.meta.url)) });

async function restrictedImports(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

async function featureBoundary(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const x = 1;\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'meja/feature-boundaries').map((m) => m.message);
}

describe('feature boundaries', () => {
  it.each([
    "import { DeskNotices } from '../features/backup/DeskNotices';",
    "import { SignInScreen } from '../features/auth/SignInScreen';",
    "import { newCredentials } from '../features/auth/public';",
    "import { x } from '@renderer/features/visits/feature';",
    "export { y } from '../features/access/parts';",
  ])('app/ may not import a feature: %s', async (code) => {
    expect(await featureBoundary(code, 'src/renderer/app/Fake.tsx')).toHaveLength(1);
  });

  it.each([
    "import { EmployeeAccessCard } from '../access/EmployeeAccessCard';",
    "import { AccessSystemsCard } from '../access/extra/AccessSystemsCard';",
    "import { useFormatDay } from '@renderer/features/leavers/parts';",
    "import { formatWorking } from '../../incidents/format';",
    "const m = () => import('../sync/ConnectServerForm');",
    "import '../tickets/tickets.css';",
  ])('a feature may not reach into another: %s', async (code) => {
    const file = code.includes('../../') ? 'src/renderer/features/visits/print/Fake.tsx' : 'src/renderer/features/assets/Fake.tsx';
    expect(await featureBoundary(code, file)).toHaveLength(1);
  });

  it.each([
    "import { SettingsScreen } from './SettingsScreen';",
    "import { VisitFormTemplate } from './print/VisitFormTemplate';",
    "import { Chart } from 'chart.js';",
    "import ExcelJS from 'exceljs';",
  ])('feature.tsx stays light: %s', async (code) => {
    expect(await featureBoundary(code, 'src/renderer/features/admin/feature.tsx')).toHaveLength(1);
  });

  it('allows what the layout needs', async () => {
    // app/ collects the features by glob and uses its own modules, the store and shared code.
    expect(await featureBoundary("import { lazyScreen } from './lazy-screen';\nimport { db } from '../store';\nimport { can } from '@shared/domain/can';\nconst all = import.meta.glob('../features/*/feature.tsx');", 'src/renderer/app/Fake.ts')).toEqual([]);
    // A feature: its own files, another feature's public.ts, app/, components/, store/, print/.
    expect(await featureBoundary("import { AccessStatusBadge } from './parts';\nimport { newCredentials } from '../auth/public';\nimport { ConnectServerForm } from '@renderer/features/sync/public';\nimport { useOrg } from '../../app/hooks';\nimport { Empty } from '../../components/ui';\nimport { db } from '../../store';\nimport { Letterhead } from '../../print/Letterhead';", 'src/renderer/features/access/Fake.tsx')).toEqual([]);
    expect(await featureBoundary("import { formatWorking } from '../format';", 'src/renderer/features/incidents/print/Fake.tsx')).toEqual([]);
    // feature.tsx: types, lazy loaders (a screen through import()), counts from the store.
    expect(await featureBoundary("import type { Feature } from '../../app/features';\nimport { lazyScreen } from '../../app/lazy-screen';\nimport { countWaitingFor } from '../../store/queries/incidents';\nconst s = lazyScreen(() => import('./SettingsScreen').then((m) => m.SettingsScreen));", 'src/renderer/features/admin/feature.tsx')).toEqual([]);
  });
});

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
    "import { db } from '@renderer/store';",
    "import { db } from '../../renderer/store';",
    "import { SyncService } from '../../server/sync/service';",
    "import { startSync } from '../../main/ipc';",
  ])('shared code may not: %s', async (code) => {
    expect(await restrictedImports(`${code}\nexport const x = 1;\n`, 'src/shared/domain/fake.ts')).toHaveLength(1);
  });

  it('allows what each layer needs', async () => {
    expect(await restrictedImports("import { z } from 'zod';\nimport { ok } from '../result';\nexport const x = [z, ok];\n", 'src/shared/domain/fake.ts')).toEqual([]);
    expect(await restrictedImports("import { useState } from 'react';\nexport const x = useState;\n", 'src/renderer/features/fake.ts')).toEqual([]);
    expect(await restrictedImports("import { app } from 'electron';\nimport { join } from 'node:path';\nexport const x = [app, join];\n", 'src/main/fake.ts')).toEqual([]);
  });
});
