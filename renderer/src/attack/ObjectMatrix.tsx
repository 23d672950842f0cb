/**
 * The ATT&CK matrix of one object (issue 15, points 4-5), for the entity page's Matrix tab
 * and a saved investigation: the techniques it relates to, highlighted under their tactics
 * with the path on hover; a second object to compare; the matrix saved as a Navigator
 * layer, and a layer file shown on it or kept as a grouping. The knowledge base's
 * `attackMatrix` query and core/attack do the work; this component only draws.
 */
import { Alert, Anchor, Badge, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttackDomain } from '../../../core/attack/domains.ts';
import { colourOf, hitsByDomain, highlightsOf, KIND_COLOURS, sideOf, SIDE_COLOURS, type Highlight } from '../../../core/attack/highlights.ts';
import { navigatorLayer } from '../../../core/attack/layerExport.ts';
import type { ImportedLayer } from '../../../core/attack/layerImport.ts';
import { cellKey, layerOnMatrix } from '../../../core/attack/layerOnMatrix.ts';
import type { MatrixTechnique } from '../../../core/attack/matrix.ts';
import { busiestDomain } from '../../../core/attack/objectMatrix.ts';
import { onlyKinds, strongestKind, type PathKind } from '../../../core/attack/relatedTechniques.ts';
import { useAction } from '../app/useAction.ts';
import { knowledgeBase } from '../kb/client.ts';
import { useKbQuery } from '../kb/useKbQuery.ts';
import { useRouteStore } from '../stores/routeStore.ts';
import { layerToGrouping, readLayerFile, saveLayer } from './layerActions.ts';
import { MatrixGrid, type CellLook } from './MatrixGrid.tsx';
import { MatrixToolbar } from './MatrixToolbar.tsx';
import { pathLine } from './pathText.ts';

const ALL_KINDS: readonly PathKind[] = ['direct', 'software', 'report', 'contents'];

export function ObjectMatrix({ objectId }: { objectId: string }) {
  const { t } = useTranslation();
  const [compareId, setCompareId] = useState<string | null>(null);
  const [chosenDomain, setDomain] = useState<AttackDomain | null>(null);
  const [kinds, setKinds] = useState<ReadonlySet<PathKind>>(new Set(ALL_KINDS));
  const [expanded, setExpanded] = useState<ReadonlySet<string> | null>(null);
  const [layer, setLayer] = useState<{ layer: ImportedLayer; count: number } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [grouping, setGrouping] = useState<string | null>(null);
  const action = useAction();
  const query = useKbQuery(() => knowledgeBase().attackMatrix({ id: objectId, compareId }), [objectId, compareId]);
  const view = query.data;

  const a = useMemo(() => (view?.a ? onlyKinds(view.a, kinds) : null), [view, kinds]);
  const b = useMemo(() => (view?.b ? onlyKinds(view.b, kinds) : null), [view, kinds]);
  const matrices = useMemo(() => view?.matrices ?? [], [view]);
  const highlights = useMemo(() => (a ? highlightsOf(a, b) : new Map<string, Highlight>()), [a, b]);
  const counts = useMemo(() => hitsByDomain(matrices, new Set(highlights.keys())), [matrices, highlights]);
  // The legend names the paths that lead somewhere, not every kind there is.
  const present = useMemo(() => new Set([...highlights.values()].flatMap((highlight) => highlight.a.map((path) => path.kind))), [highlights]);
  const domain = layer?.layer.domain ?? chosenDomain ?? busiestDomain(matrices, [a, b]);
  const matrix = matrices.find((entry) => entry.domain === domain) ?? matrices[0];
  const shownLayer = useMemo(() => (layer && matrix ? layerOnMatrix(layer.layer, matrix) : null), [layer, matrix]);

  // Parents start unfolded where a sub-technique is highlighted, as the Navigator's "annotated".
  const annotated = useMemo(() => {
    const keys = new Set<string>();
    for (const tactic of matrix?.tactics ?? []) {
      for (const technique of tactic.techniques) {
        const marked = technique.subtechniques.some((sub) => (shownLayer ? shownLayer.cells.has(cellKey(sub.id, tactic.shortname)) : highlights.has(sub.id)));
        if (marked) keys.add(`${tactic.shortname}|${technique.id}`);
      }
    }
    return keys;
  }, [matrix, highlights, shownLayer]);
  const open = expanded ?? annotated;
  const everyParent = useMemo(() => (matrix?.tactics ?? []).flatMap((tactic) => tactic.techniques.filter((technique) => technique.subtechniques.length > 0).map((technique) => `${tactic.shortname}|${technique.id}`)), [matrix]);

  const lookUp = useCallback((technique: MatrixTechnique, tactic: string): CellLook | undefined => {
    if (shownLayer && layer) {
      const cell = shownLayer.cells.get(cellKey(technique.id, tactic));
      if (!cell) return undefined;
      const lines = [cell.score === undefined ? '' : t('attack.layerScore', { score: cell.score }), cell.comment ?? ''].filter((line) => line !== '');
      return { colour: cell.color ?? '#adb5bd', solid: true, mark: 'layer', lines, ...(cell.score === undefined ? {} : { score: cell.score }) };
    }
    const highlight = highlights.get(technique.id);
    if (!highlight || !a) return undefined;
    const lines = [...highlight.a.map((path) => pathLine(t, a.object.name, path, technique.name)), ...(b ? highlight.b.map((path) => pathLine(t, b.object.name, path, technique.name)) : [])];
    return { colour: colourOf(highlight, Boolean(b)), solid: false, mark: b ? sideOf(highlight) : (strongestKind(highlight.a) ?? 'direct'), lines };
  }, [shownLayer, layer, highlights, a, b, t]);

  const onToggle = useCallback((key: string) => setExpanded((current) => {
    const next = new Set(current ?? annotated);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    return next;
  }), [annotated]);
  const openObject = useCallback((id: string) => useRouteStore.getState().openObject(id), []);

  if (query.error) return <Alert color="red" title={t('attack.title')}>{query.error.message}</Alert>;
  if (!view) return <Group gap="xs"><Loader size="sm" /><Text size="sm">{t('attack.loading')}</Text></Group>;
  if (!view.a) return <Alert color="yellow">{t('attack.notFound')}</Alert>;
  if (!matrix) return <Alert color="blue" data-testid="matrix-empty">{t('attack.noMatrix')}</Alert>;
  const subject = view.a.object;

  const exportLayer = () => action.run(async () => {
    if (!a) return;
    const path = await saveLayer(navigatorLayer({ matrix, a, b }));
    if (path) setNotice(t('attack.exported', { path }));
  });
  const importLayer = (file: File | null) => {
    if (!file) return;
    void action.run(async () => {
      const layers = await readLayerFile(file).catch((error: unknown) => {
        throw new Error(t('attack.layerFailed', { message: error instanceof Error ? error.message : String(error) }));
      });
      const [first] = layers;
      if (first && !matrices.some((entry) => entry.domain === first.domain)) throw new Error(t('attack.layerNoDomain', { domain: t(`attack.domains.${first.domain}`) }));
      if (first) setLayer({ layer: first, count: layers.length });
      setExpanded(null);
      setNotice(null);
      setGrouping(null);
    });
  };
  const toGrouping = () => action.run(async () => {
    if (!layer || !shownLayer) return;
    const id = await layerToGrouping(layer.layer, shownLayer);
    setGrouping(id);
    setNotice(t('attack.groupingMade', { name: layer.layer.name, count: shownLayer.techniques.length }));
  });

  const highlighted = counts.get(matrix.domain) ?? 0;
  return (
    <Stack gap="sm" data-testid="object-matrix">
      <MatrixToolbar
        objectId={objectId}
        domains={matrices.map((entry) => ({ domain: entry.domain, count: counts.get(entry.domain) ?? 0 }))}
        domain={matrix.domain}
        onDomain={(next) => { setDomain(next); setExpanded(null); }}
        kinds={kinds}
        onKinds={setKinds}
        container={subject.type === 'report' || subject.type === 'grouping'}
        compareId={compareId}
        onCompare={setCompareId}
        allExpanded={open.size > 0 && open.size >= everyParent.length}
        onExpandAll={(all) => setExpanded(all ? new Set(everyParent) : new Set())}
        onExport={() => void exportLayer()}
        exporting={action.busy}
        onImport={importLayer}
      />
      {action.error ? <Alert color="red" data-testid="matrix-error">{action.error}</Alert> : null}
      {notice ? (
        <Alert color="green" data-testid="matrix-notice" withCloseButton onClose={() => { setNotice(null); setGrouping(null); }} style={{ overflowWrap: 'anywhere' }}>
          {notice}{' '}
          {grouping ? <Anchor component="button" size="sm" onClick={() => openObject(grouping)} data-testid="matrix-open-grouping">{t('attack.openGrouping')}</Anchor> : null}
        </Alert>
      ) : null}
      {layer && shownLayer ? (
        <Alert color="grape" data-testid="matrix-layer" title={t('attack.layerShown', { name: layer.layer.name, count: shownLayer.techniques.length, format: layer.layer.format })} style={{ overflowWrap: 'anywhere' }}>
          <Stack gap={6}>
            {layer.layer.description ? <Text size="sm" lineClamp={3}>{layer.layer.description}</Text> : null}
            {layer.count > 1 ? <Text size="sm">{t('attack.layerMany', { count: layer.count })}</Text> : null}
            {shownLayer.missing.length > 0 ? <Text size="sm" data-testid="matrix-layer-missing">{t('attack.layerMissing', { count: shownLayer.missing.length, ids: shownLayer.missing.join(', ') })}</Text> : null}
            <Group gap="xs">
              {layer.layer.legendItems.map((item) => <Badge key={`${item.label}${item.color}`} color={item.color} variant="filled" style={{ color: 'inherit' }}>{item.label}</Badge>)}
            </Group>
            <Group gap="xs">
              <Button size="xs" onClick={() => void toGrouping()} disabled={shownLayer.techniques.length === 0} data-testid="matrix-layer-grouping">{t('attack.toGrouping')}</Button>
              <Anchor component="button" size="sm" onClick={() => { setLayer(null); setExpanded(null); }} data-testid="matrix-layer-close">{t('attack.closeLayer', { name: subject.name })}</Anchor>
            </Group>
          </Stack>
        </Alert>
      ) : (
        <Text size="sm" data-testid="matrix-summary">
          {highlighted === 0 ? t('attack.nothingRelated', { name: subject.name }) : t('attack.summary', { count: highlighted, matrix: matrix.name })}
        </Text>
      )}
      {layer ? null : (
        <Group gap="xs" aria-label={t('attack.legend')} data-testid="matrix-legend">
          {b
            ? (['both', 'a', 'b'] as const).map((side) => (
                <Badge key={side} variant="light" color={SIDE_COLOURS[side]} data-side={side}>
                  {t(`attack.sides.${side}`, { name: side === 'a' ? subject.name : (b.object.name) })}
                </Badge>
              ))
            : ALL_KINDS.filter((kind) => present.has(kind)).map((kind) => <Badge key={kind} variant="light" color={KIND_COLOURS[kind]}>{t(`attack.kinds.${kind}`)}</Badge>)}
        </Group>
      )}
      <MatrixGrid tactics={matrix.tactics} lookUp={lookUp} expanded={open} onToggle={onToggle} onOpen={openObject} />
    </Stack>
  );
}

export default ObjectMatrix;
