import { describe, expect, it } from 'vitest';
import { generateScoId } from '../../../../core/stix/ids.ts';
import { TLP_2 } from '../../../../core/stix/markings.ts';
import { SDO_TYPES } from '../../../../core/stix/model/categories.ts';
import { validateObject } from '../../../../core/stix/validate.ts';
import { buildObject, fieldOfIssue, fieldsFor, TYPED_SCOS, valuesFrom } from './formModel.ts';

const now = '2026-02-03T04:05:06.789Z';
const field = (type: string, key: string) => fieldsFor(type).find((entry) => entry.key === key);

describe('fieldsFor', () => {
  it('marks required fields and puts them first', () => {
    const fields = fieldsFor('intrusion-set');
    expect(fields[0]).toMatchObject({ key: 'name', required: true, control: { kind: 'text' } });
    expect(fields.map((entry) => entry.key).slice(-4)).toEqual(['labels', 'confidence', 'object_marking_refs', 'external_references']);
    expect(fields.map((entry) => entry.key)).not.toContain('created_by_ref');
  });

  it('offers open vocabularies as suggestions and closed ones as choices', () => {
    expect(field('intrusion-set', 'primary_motivation')?.control).toMatchObject({ kind: 'choice', open: true, multiple: false });
    expect(field('malware', 'malware_types')?.control).toMatchObject({ kind: 'choice', open: true, multiple: true });
    expect(field('opinion', 'opinion')).toMatchObject({ required: true, control: { kind: 'choice', open: false, values: ['strongly-disagree', 'disagree', 'neutral', 'agree', 'strongly-agree'] } });
  });

  it('gives timestamps a picker, references a search and embedded lists rows', () => {
    expect(field('indicator', 'valid_from')).toMatchObject({ required: true, control: { kind: 'timestamp' } });
    expect(field('sighting', 'where_sighted_refs')?.control).toEqual({ kind: 'ref', targets: ['identity', 'location'], multiple: true });
    expect(field('attack-pattern', 'kill_chain_phases')?.control).toEqual({ kind: 'rows', columns: [{ key: 'kill_chain_name', required: true }, { key: 'phase_name', required: true }] });
    expect(field('file', 'hashes')?.control).toEqual({ kind: 'hashes' });
  });

  it('has a form for every SDO and every SCO typed by hand', () => {
    for (const type of [...SDO_TYPES, ...TYPED_SCOS, 'relationship', 'sighting']) expect(fieldsFor(type).length, type).toBeGreaterThan(0);
  });
});

describe('buildObject', () => {
  it('makes a valid SDO from typed values, empty fields left out', () => {
    const values = { ...valuesFrom('intrusion-set', undefined, { tlp: 'amber', now }), name: ' Comment Crew', aliases: ['APT1', 'Byzantine Candor'], description: '  ' };
    const object = buildObject('intrusion-set', values, now);
    expect(object).toMatchObject({ type: 'intrusion-set', spec_version: '2.1', created: now, modified: now, name: 'Comment Crew', aliases: ['APT1', 'Byzantine Candor'], object_marking_refs: [TLP_2.amber.id] });
    expect(object).not.toHaveProperty('description');
    expect(validateObject(object).filter((issue) => issue.severity === 'error')).toEqual([]);
  });

  it('gives an SCO its deterministic id', () => {
    const object = buildObject('ipv4-addr', { value: '198.51.100.7', object_marking_refs: null }, now);
    expect(object['id']).toBe(generateScoId('ipv4-addr', { value: '198.51.100.7' }));
    expect(object).not.toHaveProperty('created');
  });

  it('keeps the id, created, other markings and untouched properties of the version it edits', () => {
    const stored = { type: 'malware', spec_version: '2.1', id: 'malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b', created: now, modified: now, name: 'PlugX', is_family: true, x_custom: 1, object_marking_refs: [TLP_2.red.id, 'marking-definition--11111111-1111-4111-8111-111111111111'] };
    const values = { ...valuesFrom('malware', stored, { tlp: null, now }), description: 'A RAT.', object_marking_refs: 'green' };
    expect(buildObject('malware', values, now, stored)).toEqual({ ...stored, description: 'A RAT.', object_marking_refs: [TLP_2.green.id, 'marking-definition--11111111-1111-4111-8111-111111111111'] });
  });
});

describe('fieldOfIssue', () => {
  it('names the form field a validator pointer is in', () => {
    expect(fieldOfIssue('/aliases/1')).toBe('aliases');
    expect(fieldOfIssue('')).toBeNull();
  });
});
