import { describe, expect, it } from 'vitest';
import { relationshipTypesFor } from './sros.ts';

describe('relationshipTypesFor', () => {
  it('lists the types §4 defines for the pair, then related-to', () => {
    expect(relationshipTypesFor('intrusion-set', 'attack-pattern')).toEqual(['uses', 'related-to']);
    expect(relationshipTypesFor('malware', 'vulnerability')).toEqual(['exploits', 'targets', 'related-to']);
    expect(relationshipTypesFor('indicator', 'malware')).toEqual(['indicates', 'related-to']);
  });

  it('adds the common practice of an indicator based on an observable', () => {
    expect(relationshipTypesFor('indicator', 'ipv4-addr')).toEqual(['based-on', 'related-to']);
    expect(relationshipTypesFor('indicator', 'observed-data')).toEqual(['based-on', 'related-to']);
  });

  it('adds derived-from and duplicate-of between objects of one type', () => {
    expect(relationshipTypesFor('malware', 'malware')).toEqual(['controls', 'derived-from', 'downloads', 'drops', 'duplicate-of', 'uses', 'variant-of', 'related-to']);
    expect(relationshipTypesFor('x-custom-thing', 'x-custom-thing')).toEqual(['derived-from', 'duplicate-of', 'related-to']);
  });

  it('always allows related-to, even between types the spec does not relate', () => {
    expect(relationshipTypesFor('ipv4-addr', 'identity')).toEqual(['related-to']);
    expect(relationshipTypesFor('x-custom-thing', 'malware')).toEqual(['related-to']);
  });
});
