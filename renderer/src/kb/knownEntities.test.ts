import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { commitExtraction } from './commitExtraction.ts';
import { KbDatabase, openKnowledgeBase } from './db/KbDatabase.ts';
import { ingest } from './ingest.ts';
import { knownEntityNames } from './queries/knownEntityNames.ts';

let db: KbDatabase;
afterEach(async () => {
  await db.delete();
});

const t = '2024-01-01T00:00:00.000Z';
const common = { spec_version: '2.1', created: t, modified: t };
const turla = { type: 'intrusion-set', id: 'intrusion-set--6e3a1c42-0c5b-4b9e-9a8e-1b3f0c3a7a11', name: 'Turla', aliases: ['Snake', 'Waterbug'], ...common };
const net = { type: 'tool', id: 'tool--03342581-f790-4f03-ba41-e82e67392e23', name: 'Net', x_mitre_aliases: ['Net', 'net.exe'], ...common };
const energy = { type: 'identity', id: 'identity--0f1e2d3c-4b5a-4968-8776-655443322110', name: 'Energy', identity_class: 'class', ...common };
const mitre = { type: 'identity', id: 'identity--c78cb6e5-0c4b-4611-8297-d1b8b55e40b5', name: 'The MITRE Corporation', identity_class: 'organization', ...common };
const japan = { type: 'location', id: 'location--5b4c3d2e-1f0a-4b9c-8d7e-6f5a4b3c2d1e', name: 'Japan', aliases: ['日本'], country: 'JP', ...common };
const retired = { type: 'malware', id: 'malware--9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d', name: 'Old Loader', is_family: true, revoked: true, ...common };

async function seeded(): Promise<KbDatabase> {
  const opened = await openKnowledgeBase(new KbDatabase(`kb-entities-${crypto.randomUUID()}`));
  await ingest(opened, [turla, net, energy, mitre, japan, retired].map((object, index) => ({ object, path: `/${index}`, issues: [] })), { id: 'file:known', kind: 'file', name: 'known.json' });
  return opened;
}

describe('knownEntityNames', () => {
  it('returns the names and aliases of threats, software, countries and sectors, not organisations or revoked objects', async () => {
    db = await seeded();
    const { entities } = await knownEntityNames(db);
    expect(entities.map((entity) => [entity.id, entity.names]).sort()).toEqual(
      [
        [turla.id, ['Turla', 'Snake', 'Waterbug']],
        [net.id, ['Net', 'net.exe']],
        [energy.id, ['Energy']],
        [japan.id, ['Japan', '日本']],
      ].sort(),
    );
  });
});

describe('commitExtraction with known entities', () => {
  it('puts the ticked known objects in the report\'s object_refs, even with no indicator ticked, and skips ids no longer stored', async () => {
    db = await seeded();
    const file = new Blob(['Turla and Japan'], { type: 'text/plain' });
    const gone = 'malware--00000000-0000-4000-8000-000000000000';
    const result = await commitExtraction(db, {
      file,
      fileName: 'note.txt',
      mediaType: 'text/plain',
      report: { name: 'Turla note', published: '2024-05-01', author: '' },
      tlp: 'green',
      indicators: [],
      entityIds: [turla.id, japan.id, gone],
    });
    const refs = (await db.objects.get(result.reportId))?.stix['object_refs'] as string[];
    expect(refs).toEqual([turla.id, japan.id]);
  });

  it('still refuses a commit with nothing ticked at all', async () => {
    db = await seeded();
    const file = new Blob(['nothing'], { type: 'text/plain' });
    await expect(
      commitExtraction(db, { file, fileName: 'n.txt', mediaType: 'text/plain', report: { name: 'n', published: '2024-05-01', author: '' }, tlp: 'green', indicators: [], entityIds: [] }),
    ).rejects.toThrow(/indicator or known threat/);
  });
});
