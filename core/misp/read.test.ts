import { describe, expect, it } from 'vitest';
import { isMispEvent, MispError, mispEventToStix, type MispErrorCode } from './index.ts';
import { attribute, mispEvent, NOW, ofType, problemsOf } from './testdata/events.ts';

const other = { ...mispEvent({ uuid: '5c7cdc3b-2f40-4dca-8200-276c0a0000ff', info: 'Second event' }) };

function errorOf(json: unknown): MispError {
  try {
    mispEventToStix(json, { now: NOW });
  } catch (error: unknown) {
    if (error instanceof MispError) return error;
    throw error;
  }
  throw new Error('expected a MispError');
}

describe('the shapes MISP events come in', () => {
  it.each([
    ['{"Event": …} (exports and feeds)', { Event: mispEvent() }],
    ['a bare event (PyMISP)', mispEvent()],
  ])('reads %s', (_, json) => {
    const { objects } = mispEventToStix(json, { now: NOW });
    expect(ofType(objects, 'report').map((report) => report['name'])).toEqual(['Test event']);
    expect(isMispEvent(json)).toBe(true);
  });

  it('reads every event of a REST search response into one result', () => {
    const json = { response: [{ Event: mispEvent({ Attribute: [attribute('domain', 'evil.example')] }) }, { Event: other }] };
    const { objects } = mispEventToStix(json, { now: NOW });
    expect(ofType(objects, 'report').map((report) => report['name'])).toEqual(['Test event', 'Second event']);
    // Both events are by the same organisation: one identity.
    expect(ofType(objects, 'identity')).toHaveLength(1);
    expect(problemsOf(objects)).toEqual([]);
  });

  it('reads a plain list of events', () => {
    expect(ofType(mispEventToStix([{ Event: mispEvent() }, other], { now: NOW }).objects, 'report')).toHaveLength(2);
  });
});

describe('JSON that is not a MISP event', () => {
  it.each<[string, unknown, MispErrorCode, RegExp]>([
    ['null', null, 'not-an-object', /found null/],
    ['a string', 'Event', 'not-an-object', /found a string/],
    ['an empty object', {}, 'not-a-misp-event', /not a MISP event/],
    ['a STIX bundle', { type: 'bundle', id: 'bundle--5c7cdc3b-2f40-4dca-8200-276c0a00000e', objects: [] }, 'not-a-misp-event', /STIX bundle/],
    ['a feed manifest', { [other.uuid as string]: { info: 'x', Orgc: { name: 'y' }, date: '2024-01-01' } }, 'feed-manifest', /manifest/],
    ['an empty search response', { response: [] }, 'empty-response', /no events/],
    ['an empty list', [], 'empty-response', /no events/],
    ['an event without info', { Event: { uuid: other.uuid, Attribute: [] } }, 'invalid-event', /info/],
    ['a list with something else in it', [{ Event: other }, { hello: 'world' }], 'not-a-misp-event', /Entry 2/],
  ])('rejects %s with a MispError that says what is wrong', (_, json, code, message) => {
    const error = errorOf(json);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(isMispEvent(json)).toBe(false);
  });
});
