import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateObject } from '../../../../core/stix/validate.ts';
import { KbDatabase, openKnowledgeBase } from '../db/KbDatabase.ts';
import { ingest } from '../ingest.ts';
import { ids, sampleObjects } from '../testing/sampleObjects.ts';
import { MAX_NAMES_PER_CALL, objectNames } from './names.ts';

let db: KbDatabase;

beforeAll(async () => {
  db = await openKnowledgeBase(new KbDatabase(`kb-names-${crypto.randomUUID()}`));
  await ingest(db, sampleObjects().map((object, index) => ({ object, path: `/objects/${index}`, issues: validateObject(object) })), { id: 'file:sample', kind: 'file', name: 'sample.json' });
});
afterAll(async () => {
  await db.delete();
});

describe('objectNames', () => {
  it('names stored objects, with their ATT&CK id, in one call', async () => {
    const names = await objectNames(db, [ids.identity, ids.attackPattern, ids.malware]);
    expect(names.map((name) => [name.type, name.name, name.externalId, name.found])).toEqual([
      ['identity', 'ACME CERT', null, true],
      ['attack-pattern', 'Command and Scripting Interpreter', 'T1059', true],
      ['malware', 'PlugX', null, true],
    ]);
  });

  it('names a relationship by its sentence: source, verb, target', async () => {
    const [name] = await objectNames(db, [ids.indicates]);
    expect(name?.name).toBe('PlugX C2 → indicates → PlugX');
  });

  it('says which objects are missing, with the type their id names, and never a name made of the id', async () => {
    const missing = 'threat-actor--00000000-0000-4000-8000-000000000000';
    const [name] = await objectNames(db, [missing]);
    expect(name).toMatchObject({ id: missing, type: 'threat-actor', found: false, name: null });
  });

  it('names the TLP markings by their level even when no bundle carried the definition', async () => {
    const [red] = await objectNames(db, [ids.tlpRed]);
    expect(red).toMatchObject({ name: 'TLP:RED', tlp: 'red', found: true });
  });

  it('refuses more than one batch, so a caller cannot stall the worker', async () => {
    const many = Array.from({ length: MAX_NAMES_PER_CALL + 1 }, (_, index) => `malware--${index}`);
    await expect(objectNames(db, many)).rejects.toThrow(/batches/);
  });
});
