/** Writes src/shared/holidays.generated.ts (see scripts/holidays/table.ts). Run: npm run holidays. */
import { writeFileSync } from 'node:fs';
import { holidayTableSource } from './holidays/table';

const path = new URL('../src/shared/holidays.generated.ts', import.meta.url);
writeFileSync(path, holidayTableSource());
console.log(`wrote ${path.pathname}`);
