// Writes the largest system the schema admits (64 endpoints, 256 regions, 128 devices with 256
// transactions in flight, 4,096 operations) as a scenario document: `npx tsx
// scripts/largest-scenario.ts [pages per region] > largest.json` (1 to 4,096 pages; 16 by default).
// docs/performance.md gives its figures.

import { largestDocument } from '../src/testing/largest';

process.stdout.write(JSON.stringify(largestDocument(Number(process.argv[2] ?? 16))) + '\n');
