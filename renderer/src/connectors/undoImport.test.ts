import { describe, expect, it } from 'vitest';
import { undoImport, type UndoImportDeps } from './undoImport.ts';

function fakeDeps(): UndoImportDeps & { undone: string[]; reset: string[] } {
  const undone: string[] = [];
  const reset: string[] = [];
  return {
    undone,
    reset,
    undoSource: (sourceId) => {
      undone.push(sourceId);
      return Promise.resolve({ deleted: 3, kept: 1 });
    },
    importConnectors: () => Promise.resolve([{ id: 'cisa-kev' }, { id: 'mitre-attack' }]),
    resetConnector: (id) => {
      reset.push(id);
      return Promise.resolve();
    },
  };
}

describe('undoing an import', () => {
  it("resets the connector whose import was undone, so its next run imports everything again", async () => {
    const deps = fakeDeps();
    expect(await undoImport('connector:cisa-kev', deps)).toEqual({ deleted: 3, kept: 1, connectorReset: true });
    expect(deps).toMatchObject({ undone: ['connector:cisa-kev'], reset: ['cisa-kev'] });
  });

  it('leaves connectors alone when a file or an enrichment connector is undone', async () => {
    const deps = fakeDeps();
    expect((await undoImport('file:report.pdf', deps)).connectorReset).toBe(false);
    expect((await undoImport('connector:virustotal', deps)).connectorReset).toBe(false);
    expect(deps).toMatchObject({ undone: ['file:report.pdf', 'connector:virustotal'], reset: [] });
  });
});
