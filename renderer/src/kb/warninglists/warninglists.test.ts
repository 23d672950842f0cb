import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { generateScoId } from '../../../../core/stix/ids.ts';
import { validateObject } from '../../../../core/stix/validate.ts';
import { createKbApi } from '../api.ts';
import { KbDatabase, openKnowledgeBase } from '../db/KbDatabase.ts';
import { exportBundle } from '../exportBundle.ts';
import { ingest } from '../ingest.ts';
import { backupBytes } from '../testing/backupArchives.ts';
import { activeWarninglistSet, warninglistHitsOf } from './activeIndex.ts';
import { addWarninglist, listWarninglists, removeWarninglist, setWarninglistEnabled } from './manage.ts';

const DNS = 'List of known IPv4 public DNS resolvers';
let db: KbDatabase;
let name: string;

async function open(): Promise<KbDatabase> {
  name = `kb-warninglists-${crypto.randomUUID()}`;
  db = await openKnowledgeBase(new KbDatabase(name));
  return db;
}
afterEach(async () => {
  await db.delete();
});

const listFile = (json: unknown, fileName = 'list.json') => ({ file: new Blob([typeof json === 'string' ? json : JSON.stringify(json)]), name: fileName });
const dnsListed = async (value = '8.8.8.8') => (await warninglistHitsOf(db, [{ type: 'ipv4-addr', value }]))[0]?.map((hit) => hit.list) ?? [];

async function storeIp(value: string): Promise<void> {
  const object = { type: 'ipv4-addr', spec_version: '2.1', id: generateScoId('ipv4-addr', { value }), value };
  await ingest(db, [{ object, path: '/objects/0', issues: validateObject(object) }], { id: 'file:ips', kind: 'file', name: 'ips.json' });
}

describe('the warninglists in force', () => {
  it('are the shipped lists, all on, until the analyst changes something', async () => {
    await open();
    const { lists } = await listWarninglists(db);
    expect(lists.find((list) => list.name === DNS)).toMatchObject({ origin: 'shipped', enabled: true, category: 'false-positive', type: 'cidr', version: 20261206 });
    expect(lists.every((list) => list.enabled && list.origin === 'shipped' && list.entries > 0)).toBe(true);
    expect(await dnsListed()).toEqual([DNS]);
  });

  it('a list turned off no longer flags 8.8.8.8 and the export then keeps it; turned on again, it is left out again', async () => {
    await open();
    await storeIp('8.8.8.8');
    const txt = () => exportBundle(db, { format: 'txt', leaveOut: true });
    expect((await txt()).leftOut.warninglisted).toBe(1);
    expect((await txt()).bundle).not.toContain('8.8.8.8');

    const { lists } = await setWarninglistEnabled(db, { name: DNS, enabled: false });
    expect(lists.find((list) => list.name === DNS)?.enabled).toBe(false);
    expect(await dnsListed()).toEqual([]);
    expect((await activeWarninglistSet(db)).lists.map((list) => list.name)).not.toContain(DNS);
    const kept = await txt();
    expect(kept.leftOut.warninglisted).toBe(0);
    expect(kept.bundle).toContain('8.8.8.8');

    await setWarninglistEnabled(db, { name: DNS, enabled: true });
    expect(await dnsListed()).toEqual([DNS]);
    expect((await txt()).leftOut.warninglisted).toBe(1);
  });

  it('survives closing and opening the knowledge base', async () => {
    await open();
    await setWarninglistEnabled(db, { name: DNS, enabled: false });
    db.close();
    db = await openKnowledgeBase(new KbDatabase(name));
    expect((await listWarninglists(db)).lists.find((list) => list.name === DNS)?.enabled).toBe(false);
    expect(await dnsListed()).toEqual([]);
  });

  it('a newer copy of a shipped list replaces it, and removing the copy brings the shipped one back', async () => {
    await open();
    const copy = { name: DNS, version: 20270101, description: 'MISP release', type: 'cidr', category: 'false-positive', matching_attributes: ['ip-dst'], list: ['9.9.9.9', '45.77.12.53'] };
    const outcome = await addWarninglist(db, listFile(copy), new Date('2027-01-05T10:00:00Z'));
    expect(outcome).toMatchObject({ ok: true, origin: 'copy', version: 20270101, entries: 2 });
    const { lists } = await listWarninglists(db);
    expect(lists.filter((list) => list.name === DNS)).toEqual([expect.objectContaining({ origin: 'copy', version: 20270101, shippedVersion: 20261206, entries: 2, addedAt: '2027-01-05T10:00:00.000Z', fileName: 'list.json' })]);
    expect(await dnsListed('8.8.8.8')).toEqual([]);
    expect(await dnsListed('45.77.12.53')).toEqual([DNS]);

    await removeWarninglist(db, { name: DNS });
    expect((await listWarninglists(db)).lists.find((list) => list.name === DNS)).toMatchObject({ origin: 'shipped', version: 20261206 });
    expect(await dnsListed('8.8.8.8')).toEqual([DNS]);
    expect(await dnsListed('45.77.12.53')).toEqual([]);
  });

  it('a list with a new name is added as the analyst’s own, and flags from then on', async () => {
    await open();
    const outcome = await addWarninglist(db, listFile({ name: 'Our sinkholes', version: 3, type: 'string', category: 'known', list: ['45.77.12.9'] }, 'sinkholes.json'));
    expect(outcome).toMatchObject({ ok: true, origin: 'own' });
    expect((await listWarninglists(db)).lists.at(-1)).toMatchObject({ name: 'Our sinkholes', origin: 'own', category: 'known', enabled: true, fileName: 'sinkholes.json' });
    expect(await warninglistHitsOf(db, [{ type: 'ipv4-addr', value: '45.77.12.9' }])).toEqual([[{ list: 'Our sinkholes', category: 'known', version: 3 }]]);
    await removeWarninglist(db, { name: 'Our sinkholes' });
    expect((await listWarninglists(db)).lists.some((list) => list.name === 'Our sinkholes')).toBe(false);
  });

  it('refuses a bad file and changes nothing', async () => {
    await open();
    await setWarninglistEnabled(db, { name: DNS, enabled: false });
    const before = await listWarninglists(db);
    const refused = [
      await addWarninglist(db, listFile('{"name": "broken', 'broken.json')),
      await addWarninglist(db, listFile({ name: 'Regexes', type: 'regex', list: ['^a+$'] })),
      await addWarninglist(db, listFile({ name: 'No list', type: 'string' })),
      await addWarninglist(db, listFile({ name: 'Empty', type: 'string', list: [] })),
      await addWarninglist(db, listFile({ name: DNS, version: 20200101, type: 'cidr', list: ['9.9.9.9'] })),
      await addWarninglist(db, listFile({ name: DNS, type: 'cidr', list: ['9.9.9.9'] })),
    ];
    expect(refused.map((outcome) => (outcome.ok ? 'taken' : outcome.reason))).toEqual(['not-json', 'not-a-list', 'not-a-list', 'empty', 'not-newer', 'not-newer']);
    expect(refused[4]).toMatchObject({ version: 20200101, shippedVersion: 20261206 });
    expect(await listWarninglists(db)).toEqual(before);
  });

  it('go into a backup: restoring it brings back the lists turned off and added, and the lookups follow at once', async () => {
    await open();
    const api = createKbApi(db);
    await api.setWarninglistEnabled({ name: DNS, enabled: false });
    await api.addWarninglist(listFile({ name: 'Our sinkholes', type: 'string', list: ['45.77.12.9'] }));
    const archive = await backupBytes(api);
    // Changed after the backup (and the index compiled for the change), then restored over.
    await api.setWarninglistEnabled({ name: DNS, enabled: true });
    await api.removeWarninglist({ name: 'Our sinkholes' });
    expect(await dnsListed()).toEqual([DNS]);
    await api.restoreBackup({ file: new Blob([archive]), name: 'backup.zip', mode: 'replace' }, () => undefined);
    const { lists } = await api.listWarninglists({});
    expect(lists.find((list) => list.name === DNS)?.enabled).toBe(false);
    expect(lists.find((list) => list.name === 'Our sinkholes')).toMatchObject({ origin: 'own', enabled: true });
    expect(await dnsListed()).toEqual([]);
    expect(await dnsListed('45.77.12.9')).toEqual(['Our sinkholes']);
  });
});
