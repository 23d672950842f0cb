/** Every schema version in order; a new version is one new file added at the end here. */
import type { Transaction } from 'dexie';
import { v1 } from './v1.ts';
import { v2 } from './v2.ts';
import { v3 } from './v3.ts';
import { v4 } from './v4.ts';
import { v5 } from './v5.ts';
import { v6 } from './v6.ts';
import { v7 } from './v7.ts';
import { v8, v9 } from './v8.ts';
import { v10 } from './v10.ts';
import { v11 } from './v11.ts';

export interface Migration {
  version: number;
  stores: Readonly<Record<string, string | null>>;
  /** Rewrites existing data when a version changes more than indexes. */
  upgrade?: (transaction: Transaction) => Promise<void>;
}

export const migrations: readonly Migration[] = [v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11];

export const latestVersion: number = migrations.at(-1)?.version ?? 0;
