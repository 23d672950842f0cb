import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attackPatternId } from '../../../../core/stix/ids.ts';
import type { ExtractedIndicator } from '../../../../core/extract/types.ts';
import type { JsonObject } from '../../../../core/stix/model/properties.ts';
import { commitExtraction } from '../commitExtraction.ts';
import { createObjects } from '../curation/createObjects.ts';
import { KbDatabase, openKnowledgeBase } from '../db/KbDatabase.ts';
import { ingest } from '../ingest.ts';
import { search } from '../queries/search.ts';
import { findPlaceholders } from './placeholders.ts';

let db: KbDatabase;
beforeEach(async () => {
  db = await openKnowledgeBase(new KbDatabase(`kb-placeholders-${crypto.randomUUID()}`));
});
afterEach(async () => {
  await db.delete();
});

const t0 = '2024-01-01T00:00:00.000Z';
function item(value: string, attackKind: ExtractedIndicator['attack_kind']): ExtractedIndicator {
  return { type: 'attack-pattern', value, attack_kind: attackKind, flags: [], occurrences: [{ page: 1, offset: 0, length: value.length, context: value }], occurrenceCount: 1 };
}
const attack = (type: string, id: string, attackId: string, name: string): JsonObject => ({
  type, spec_version: '2.1', id, created: t0, modified: t0, name, external_references: [{ source_name: 'mitre-attack', external_id: attackId }],
});
/** A small stand-in for ATT&CK Enterprise: the technique, the mitigation, a tactic and a tool. */
const attackBundle = [
  attack('attack-pattern', 'attack-pattern--7385dfaf-6886-4229-9ecd-6fd678040830', 'T1059', 'Command and Scripting Interpreter'),
  attack('course-of-action', 'course-of-action--cc2399fd-3cd3-4319-8d0a-fbd6420cdaf8', 'M1047', 'Audit'),
  attack('x-mitre-tactic', 'x-mitre-tactic--4ca45d45-df4d-4613-8980-bac22d278fa5', 'TA0002', 'Execution'),
  { ...attack('tool', 'tool--ff6caf67-ea1f-4895-b80e-4bb0fc31c6db', 'S0002', 'Mimikatz') },
];

async function importAttack(): Promise<void> {
  await ingest(db, attackBundle.map((object, index) => ({ object, path: `/objects/${index}`, issues: [] })), { id: 'file:attack', kind: 'file', name: 'enterprise-attack.json' });
}

describe('ATT&CK placeholders', () => {
  it('a report committed before ATT&CK holds placeholders, which importing ATT&CK replaces with the real objects', async () => {
    const pdf = new Blob(['%PDF-1.7 report']);
    const committed = await commitExtraction(db, {
      file: pdf, fileName: 'report.pdf', mediaType: 'application/pdf', report: { name: 'Intrusion', published: '2024-05-01', author: '' }, tlp: 'green',
      indicators: [item('T1059', 'technique'), item('M1047', 'mitigation'), item('TA0002', 'tactic'), item('S0002', 'software')],
    });
    expect(committed.placeholders).toEqual([
      { value: 'T1059', type: 'attack-pattern' },
      { value: 'M1047', type: 'course-of-action' },
      { value: 'TA0002', type: 'x-mitre-tactic' },
      { value: 'S0002', type: 'malware' },
    ]);
    expect(await findPlaceholders(db)).toHaveLength(4);

    await importAttack();
    expect(await findPlaceholders(db)).toEqual([]);
    const refs = (await db.objects.get(committed.reportId))?.stix['object_refs'] as string[];
    for (const object of attackBundle) expect(refs).toContain(object['id']);
    const hits = await search(db, { query: 'T1059', limit: 10 });
    expect(hits.map((hit) => hit.id)).toEqual([attackBundle[0]?.['id']]);
    // ATT&CK's own object is left exactly as imported, so its next version still replaces it.
    expect((await db.objects.get(String(attackBundle[0]?.['id'])))?.stix).toEqual(attackBundle[0]);
  });

  it('reconciles the unmarked stubs an older Magpie wrote, on the next ATT&CK import', async () => {
    const stub = { type: 'attack-pattern', spec_version: '2.1', id: attackPatternId('T1059'), created: t0, modified: t0, name: 'T1059', external_references: [{ source_name: 'mitre-attack', external_id: 'T1059' }] };
    const uses = { type: 'relationship', spec_version: '2.1', id: 'relationship--9d7a1a3e-1111-4111-8111-111111111111', created: t0, modified: t0, relationship_type: 'uses', source_ref: 'intrusion-set--9d7a1a3e-2222-4222-8222-222222222222', target_ref: stub.id };
    const actor = { type: 'intrusion-set', spec_version: '2.1', id: 'intrusion-set--9d7a1a3e-2222-4222-8222-222222222222', created: t0, modified: t0, name: 'Lazarus' };
    await ingest(db, [stub, actor, uses].map((object, index) => ({ object, path: `/${index}`, issues: [] })), { id: 'file:old', kind: 'file', name: 'old.json' });
    await importAttack();
    expect(await db.objects.get(stub.id)).toBeUndefined();
    expect((await db.objects.get(uses.id))?.stix['target_ref']).toBe(attackBundle[0]?.['id']);
  });

  it('leaves placeholders whose ATT&CK object has not arrived, and real objects named like ids alone', async () => {
    const lookalike = { type: 'attack-pattern', spec_version: '2.1', id: 'attack-pattern--0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9', created: t0, modified: t0, name: 'T1055', external_references: [{ source_name: 'mitre-attack', external_id: 'T1055' }] };
    await ingest(db, [{ object: lookalike, path: '/0', issues: [] }], { id: 'file:x', kind: 'file', name: 'x.json' });
    await commitExtraction(db, { file: new Blob(['x']), fileName: 'r.pdf', mediaType: 'application/pdf', report: { name: 'R', published: '2024-05-01', author: '' }, tlp: 'clear', indicators: [item('G0032', 'group')] });
    await importAttack();
    expect((await findPlaceholders(db)).map((record) => record.name)).toEqual(['g0032']);
    expect(await db.objects.get(lookalike.id)).toBeDefined();
  });

  it('a group made by hand with its ATT&CK id, named as the analyst knows it, is merged into the real one when ATT&CK arrives', async () => {
    const cozyBear = { type: 'intrusion-set', spec_version: '2.1', id: 'intrusion-set--1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d', created: t0, modified: t0, name: 'Cozy Bear', external_references: [{ source_name: 'mitre-attack', external_id: 'G0016' }] };
    const notes = { type: 'report', spec_version: '2.1', id: 'report--1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5e', created: t0, modified: t0, name: 'Notes', published: t0, object_refs: [cozyBear.id] };
    await createObjects(db, { objects: [cozyBear, notes] });
    expect((await db.objects.get(cozyBear.id))?.stix['x_magpie_placeholder']).toBe(true);
    expect((await findPlaceholders(db)).map((record) => record.id)).toEqual([cozyBear.id]);

    const apt29 = attack('intrusion-set', 'intrusion-set--899ce53f-13a0-479b-a0e4-67d46e241542', 'G0016', 'APT29');
    await ingest(db, [{ object: apt29, path: '/0', issues: [] }], { id: 'file:attack', kind: 'file', name: 'enterprise-attack.json' });
    expect(await db.objects.get(cozyBear.id)).toBeUndefined();
    expect((await db.objects.get(notes.id))?.stix['object_refs']).toEqual([apt29['id']]);
    expect(await findPlaceholders(db)).toEqual([]);
    expect((await db.state.get('attack.handPlaceholders'))?.value).toEqual([]);
  });

  it('refuses a hand-made object for an ATT&CK id already imported, naming it, and saves nothing', async () => {
    await importAttack();
    const before = await db.objects.count();
    const again = { type: 'attack-pattern', spec_version: '2.1', id: 'attack-pattern--2b3c4d5e-6f70-4b8c-9d0e-1f2a3b4c5d6e', created: t0, modified: t0, name: 'Scripting', external_references: [{ source_name: 'mitre-attack', external_id: 'T1059' }] };
    await expect(createObjects(db, { objects: [again] })).rejects.toThrow('T1059 is already in the knowledge base as Command and Scripting Interpreter; open it instead');
    expect(await db.objects.count()).toBe(before);
  });
});
