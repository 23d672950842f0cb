import { describe, expect, it } from 'vitest';
import { objectHash, routeFromHash } from './routes.ts';

describe('routes', () => {
  const id = 'intrusion-set--899ce53f-13a0-479b-a0e4-67d46e241542';

  it("reads an object's page and tab back from the hash it writes", () => {
    expect(routeFromHash(objectHash(id, 'knowledge'), 'knowledge')).toEqual({ page: 'knowledge', object: { id, tab: 'knowledge' } });
    expect(routeFromHash(objectHash(id))).toEqual({ page: 'dashboard', object: { id, tab: null } });
  });

  it('falls back to a page for anything else, and to the dashboard for what it does not know', () => {
    expect(routeFromHash('#/reports')).toEqual({ page: 'reports', object: null });
    expect(routeFromHash('#/object/')).toEqual({ page: 'dashboard', object: null });
    expect(routeFromHash('#/object/%E0%A4%A')).toEqual({ page: 'dashboard', object: null });
    expect(routeFromHash('#/nowhere')).toEqual({ page: 'dashboard', object: null });
  });
});
