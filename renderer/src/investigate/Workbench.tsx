/**
 * An open investigation: the toolbar, the graph, the side panel with what is selected,
 * and the status line. Keyboard shortcuts work whenever focus is not in a text field.
 */
import { ActionIcon, Alert, Badge, Box, Button, Group, Kbd, Loader, Menu, Paper, SegmentedControl, Text, TextInput, Tooltip, useComputedColorScheme } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import {
  IconArrowBackUp,
  IconArrowForwardUp,
  IconArrowLeft,
  IconArrowsMaximize,
  IconCircleDashed,
  IconDeviceFloppy,
  IconDownload,
  IconEye,
  IconEyeOff,
  IconFilter,
  IconHandMove,
  IconLayoutGrid,
  IconLink,
  IconNote,
  IconPin,
  IconPlus,
  IconSearch,
  IconSelect,
  IconTrash,
  IconVectorTriangle,
  IconArrowsMinimize,
  IconCirclePlus,
  IconKeyboard,
} from '@tabler/icons-react';
import type { Core } from 'cytoscape';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { activeFilterCount, matchesFilters } from '../../../core/investigation/filters.ts';
import { canRedo, canUndo } from '../../../core/investigation/history.ts';
import { layoutNames, type LayoutName } from '../../../core/investigation/types.ts';
import { useExportStore } from '../exports/exportStore.ts';
import { useRouteStore } from '../stores/routeStore.ts';
import { CreateObjectModal } from '../curation/CreateObjectModal.tsx';
import { AddFromKbModal } from './AddFromKbModal.tsx';
import { InvestigationMatrixButton } from '../attack/InvestigationMatrixButton.tsx';
import { ExpandPanel } from './ExpandPanel.tsx';
import { exportPng, exportSvg } from './exportView.ts';
import { FilterPanel } from './FilterPanel.tsx';
import { GraphCanvas, type PointerMode, type RendererKind } from './graph/GraphCanvas.tsx';
import { effectiveLayout } from './graph/layouts.ts';
import { collapsible, movePositions, removeNodes, setHidden, setPinned, showAll } from './graphModel.ts';
import { useFollowKnowledge, useInvestigationStore, useGraphModel } from './investigationStore.ts';
import { NoteModal } from './NoteModal.tsx';
import { RelationshipModal } from './RelationshipModal.tsx';
import { ShortcutsModal } from './ShortcutsModal.tsx';
import { SidePanel } from './SidePanel.tsx';

/** Past this many nodes the canvas renderer draws a bitmap while panning (bench:graph: 16.7 ms frames at 20k), or WebGL runs on a GPU. */
export const LARGE_GRAPH_NODES = 2_000;

type WebglSupport = 'hardware' | 'software' | 'none';

/**
 * Whether WebGL runs on a GPU. On a software rasteriser (SwiftShader, llvmpipe) bench:graph
 * measured WebGL far slower than the canvas renderer, so "auto" only picks it on a GPU.
 */
function webglSupport(): WebglSupport {
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return 'none';
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
    return /swiftshader|llvmpipe|softpipe|software/i.test(renderer) ? 'software' : 'hardware';
  } catch {
    return 'none';
  }
}

function Tool({ label, shortcut, icon, onClick, disabled = false, testId }: { label: string; shortcut: string; icon: React.ReactNode; onClick: () => void; disabled?: boolean; testId?: string }) {
  return (
    <Tooltip label={`${label} (${shortcut})`} withArrow>
      <ActionIcon variant="default" size="lg" onClick={onClick} disabled={disabled} aria-label={label} data-testid={testId}>
        {icon}
      </ActionIcon>
    </Tooltip>
  );
}

type Dialog = 'relate' | 'note' | 'add' | 'create' | 'shortcuts' | null;
type RendererChoice = 'auto' | 'canvas' | 'webgl';

export function Workbench() {
  const { t } = useTranslation();
  const scheme = useComputedColorScheme('light');
  const store = useInvestigationStore();
  const model = useGraphModel();
  useFollowKnowledge();
  const cy = useRef<Core | null>(null);
  const [mode, setMode] = useState<PointerMode>('pan');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [expanding, setExpanding] = useState<string[] | null>(null);
  const [showFilters, setShowFilters] = useState(false);
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim().toLowerCase(), 150);
  const [rendererChoice, setRendererChoice] = useState<RendererChoice>('auto');
  const [menu, setMenu] = useState<{ x: number; y: number; kind: 'node' | 'edge' | 'background' } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [webgl] = useState(webglSupport);

  const { meta, selected, filters, task } = store;
  const selectedNodes = useMemo(() => selected.filter((id) => model.nodes.has(id)), [selected, model]);
  const selectedEdge = selected.length === 1 && model.edges.has(selected[0] ?? '') ? model.edges.get(selected[0] ?? '') : undefined;

  const filteredOut = useMemo(() => {
    const out = new Set<string>();
    if (activeFilterCount(filters) === 0) return out;
    for (const [id, node] of model.nodes) if (!matchesFilters(node.summary, filters)) out.add(id);
    return out;
  }, [model, filters]);
  const matches = useMemo(() => {
    const found = new Set<string>();
    if (!query) return found;
    for (const [id, node] of model.nodes) if (node.summary.name.toLowerCase().includes(query)) found.add(id);
    return found;
  }, [model, query]);
  // "New object" with one node selected links the new object to it.
  const selectedSummary = selectedNodes.length === 1 ? model.nodes.get(selectedNodes[0] ?? '')?.summary : undefined;
  const selectedRelateTo = selectedSummary ? { id: selectedSummary.id, type: selectedSummary.type, name: selectedSummary.name } : undefined;
  const absentNodes = useInvestigationStore((state) => [...state.absent].filter((id) => state.history.present.nodes.has(id)).length);
  const hiddenCount = useMemo(() => [...model.nodes.values()].filter((node) => node.hidden).length, [model]);

  const large = model.nodes.size > LARGE_GRAPH_NODES;
  const renderer: RendererKind = (rendererChoice === 'webgl' && webgl !== 'none') || (rendererChoice === 'auto' && large && webgl === 'hardware') ? 'webgl' : large ? 'canvas-large' : 'canvas';

  const onReady = useCallback((instance: Core | null) => {
    cy.current = instance;
  }, []);

  const targets = () => (selectedNodes.length > 0 ? selectedNodes : []);
  const act = (change: Parameters<typeof store.edit>[0]) => store.edit(change);
  const hide = () => act((graph) => setHidden(graph, targets(), true));
  const pin = () => {
    const ids = targets();
    const allPinned = ids.every((id) => model.nodes.get(id)?.pinned);
    act((graph) => setPinned(graph, ids, !allPinned));
  };
  const remove = () => act((graph) => removeNodes(graph, targets()));
  const collapse = () => act((graph) => removeNodes(graph, targets().flatMap((id) => collapsible(graph, id))));
  const expand = () => {
    if (targets().length > 0) setExpanding(targets());
  };
  const fit = () => cy.current?.fit(cy.current.elements(':visible'), 40);
  const selectAll = () => cy.current?.nodes(':visible').select();
  /** Enter selects what the search matches (exact names first); Shift+Enter adds it to the selection. */
  const focusMatches = (add: boolean) => {
    const instance = cy.current;
    if (!instance || matches.size === 0) return;
    if (!add) instance.$(':selected').unselect();
    // A name typed out in full picks that node, not every name containing it.
    const exact = [...matches].filter((id) => model.nodes.get(id)?.summary.name.toLowerCase() === query);
    const wanted = new Set(exact.length > 0 ? exact : matches);
    const found = instance.nodes().filter((node) => wanted.has(node.id()));
    found.select();
    instance.fit(add ? instance.$('node:selected') : found, 80);
  };
  const save = () => void store.save();
  const exportStix = () => {
    if (!meta) return;
    useExportStore.getState().setScope({ ids: [], label: t('investigate.exportScope', { name: meta.name }), includeContents: false, investigationId: meta.id });
    useRouteStore.getState().navigate('export');
  };
  const saveImage = async (kind: 'png' | 'svg') => {
    if (!cy.current || !meta) return;
    const outcome = kind === 'png' ? await exportPng(cy.current, meta.name, scheme) : await exportSvg(cy.current, meta.name, scheme);
    setNotice(outcome ? t('investigate.imageSaved', { path: outcome }) : null);
  };

  // Shortcuts act on the selection; Mantine's hook skips them while typing in an input.
  useHotkeys([
    ['mod+Z', () => store.undo()],
    ['mod+shift+Z', () => store.redo()],
    ['mod+Y', () => store.redo()],
    ['mod+S', save],
    ['mod+A', selectAll],
    ['E', expand],
    ['C', collapse],
    ['H', hide],
    ['shift+H', () => act(showAll)],
    ['P', pin],
    ['Delete', remove],
    ['Backspace', remove],
    ['R', () => selectedNodes.length === 2 && setDialog('relate')],
    ['N', () => selectedNodes.length > 0 && setDialog('note')],
    ['O', () => setDialog('create')],
    ['L', () => void store.runLayout()],
    ['F', fit],
    ['V', () => setMode('pan')],
    ['B', () => setMode('box')],
    ['shift+L', () => setMode('lasso')],
    ['shift+/', () => setDialog('shortcuts')],
  ]);

  if (!meta) return null;
  const busy = task !== null;
  const visibleCount = model.nodes.size - hiddenCount - [...filteredOut].filter((id) => !model.nodes.get(id)?.hidden).length;

  return (
    <Box style={{ display: 'flex', flexDirection: 'column', height: 'calc(100vh - 120px)', minHeight: 480 }} data-testid="workbench">
      <Group justify="space-between" wrap="nowrap" mb="xs">
        <Group gap="xs" wrap="nowrap" style={{ flex: 1, minWidth: 0 }}>
          <Tooltip label={t('investigate.back')}>
            <ActionIcon
              variant="subtle"
              onClick={() => {
                if (store.dirty && !window.confirm(t('investigate.discardConfirm'))) return;
                store.close();
              }}
              aria-label={t('investigate.back')}
              data-testid="investigation-back"
            >
              <IconArrowLeft size={18} />
            </ActionIcon>
          </Tooltip>
          <TextInput
            value={meta.name}
            onChange={(event) => store.rename(event.currentTarget.value)}
            aria-label={t('investigate.name')}
            variant="unstyled"
            size="lg"
            fw={650}
            style={{ flex: 1, minWidth: 120 }}
            data-testid="investigation-name"
          />
          {store.dirty && (
            <Badge variant="light" color="yellow" data-testid="investigation-dirty">
              {t('investigate.unsaved')}
            </Badge>
          )}
        </Group>
        <Group gap="xs" wrap="nowrap">
          <InvestigationMatrixButton id={meta.id} name={meta.name} saved={store.stored} />
          <Menu position="bottom-end">
            <Menu.Target>
              <Button variant="default" leftSection={<IconDownload size={16} />} data-testid="investigation-export">
                {t('investigate.export')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => void saveImage('png')} data-testid="export-png">
                {t('investigate.exportPng')}
              </Menu.Item>
              <Menu.Item onClick={() => void saveImage('svg')} data-testid="export-svg">
                {t('investigate.exportSvg')}
              </Menu.Item>
              <Menu.Item onClick={exportStix} disabled={!store.stored} data-testid="export-stix">
                {store.stored ? t('investigate.exportStix') : t('investigate.exportStixSaveFirst')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
          <Button leftSection={<IconDeviceFloppy size={16} />} onClick={save} loading={task?.kind === 'save'} disabled={!meta.name.trim()} data-testid="investigation-save">
            {t('investigate.save')}
          </Button>
        </Group>
      </Group>

      <Group gap={6} mb="xs" wrap="wrap" role="toolbar" aria-label={t('investigate.toolbar')}>
        <SegmentedControl
          size="xs"
          value={mode}
          onChange={(value) => setMode(value)}
          data={[
            { value: 'pan', label: <Tooltip label={`${t('investigate.modePan')} (V)`}><IconHandMove size={16} aria-label={t('investigate.modePan')} /></Tooltip> },
            { value: 'box', label: <Tooltip label={`${t('investigate.modeBox')} (B)`}><IconSelect size={16} aria-label={t('investigate.modeBox')} /></Tooltip> },
            { value: 'lasso', label: <Tooltip label={`${t('investigate.modeLasso')} (Shift+L)`}><IconVectorTriangle size={16} aria-label={t('investigate.modeLasso')} /></Tooltip> },
          ]}
          data-testid="pointer-mode"
        />
        <Tool label={t('investigate.expand')} shortcut="E" icon={<IconArrowsMaximize size={18} />} onClick={expand} disabled={selectedNodes.length === 0 || busy} testId="tool-expand" />
        <Tool label={t('investigate.collapse')} shortcut="C" icon={<IconArrowsMinimize size={18} />} onClick={collapse} disabled={selectedNodes.length === 0} />
        <Tool label={t('investigate.hide')} shortcut="H" icon={<IconEyeOff size={18} />} onClick={hide} disabled={selectedNodes.length === 0} testId="tool-hide" />
        <Tool label={t('investigate.showAll', { count: hiddenCount })} shortcut="Shift+H" icon={<IconEye size={18} />} onClick={() => act(showAll)} disabled={hiddenCount === 0} />
        <Tool label={t('investigate.pin')} shortcut="P" icon={<IconPin size={18} />} onClick={pin} disabled={selectedNodes.length === 0} />
        <Tool label={t('investigate.remove')} shortcut="Del" icon={<IconTrash size={18} />} onClick={remove} disabled={selectedNodes.length === 0} testId="tool-remove" />
        <Tool label={t('investigate.relate')} shortcut="R" icon={<IconLink size={18} />} onClick={() => setDialog('relate')} disabled={selectedNodes.length !== 2} testId="tool-relate" />
        <Tool label={t('investigate.note')} shortcut="N" icon={<IconNote size={18} />} onClick={() => setDialog('note')} disabled={selectedNodes.length === 0} testId="tool-note" />
        <Tool label={t('investigate.newObject')} shortcut="O" icon={<IconCirclePlus size={18} />} onClick={() => setDialog('create')} testId="tool-new-object" />
        <Tool label={t('investigate.undo')} shortcut="Ctrl+Z" icon={<IconArrowBackUp size={18} />} onClick={() => store.undo()} disabled={!canUndo(store.history)} testId="tool-undo" />
        <Tool label={t('investigate.redo')} shortcut="Ctrl+Shift+Z" icon={<IconArrowForwardUp size={18} />} onClick={() => store.redo()} disabled={!canRedo(store.history)} testId="tool-redo" />
        <Menu>
          <Menu.Target>
            <Button variant="default" size="sm" leftSection={<IconLayoutGrid size={16} />} disabled={busy} data-testid="layout-menu">
              {t(`investigate.layouts.${store.layout}`)}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {layoutNames.map((name: LayoutName) => (
              <Menu.Item key={name} onClick={() => void store.runLayout(name)} data-testid={`layout-${name}`}>
                {t(`investigate.layouts.${name}`)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
        <Tool label={t('investigate.fit')} shortcut="F" icon={<IconCircleDashed size={18} />} onClick={fit} />
        <Button
          variant={activeFilterCount(filters) > 0 ? 'light' : 'default'}
          size="sm"
          leftSection={<IconFilter size={16} />}
          onClick={() => setShowFilters((shown) => !shown)}
          aria-pressed={showFilters}
          data-testid="filters-toggle"
        >
          {t('investigate.filters', { count: activeFilterCount(filters) })}
        </Button>
        <TextInput
          size="sm"
          w={200}
          leftSection={<IconSearch size={14} />}
          placeholder={t('investigate.searchGraph')}
          aria-label={t('investigate.searchGraph')}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          onKeyDown={(event) => event.key === 'Enter' && focusMatches(event.shiftKey)}
          rightSection={query ? <Text size="xs" c="dimmed" data-testid="graph-search-count" data-query={query}>{matches.size}</Text> : null}
          data-testid="graph-search"
        />
        <Button variant="default" size="sm" leftSection={<IconPlus size={16} />} onClick={() => setDialog('add')} data-testid="add-from-kb">
          {t('investigate.addFromKb')}
        </Button>
        <Tool label={t('investigate.shortcuts')} shortcut="?" icon={<IconKeyboard size={18} />} onClick={() => setDialog('shortcuts')} />
      </Group>

      {store.error && (
        <Alert color="red" mb="xs" withCloseButton onClose={store.clearError} role="alert">
          {store.error}
        </Alert>
      )}
      {notice && (
        <Alert color="green" mb="xs" withCloseButton onClose={() => setNotice(null)} data-testid="investigate-notice">
          {notice}
        </Alert>
      )}

      <Box style={{ display: 'flex', flex: 1, minHeight: 0, gap: 12 }}>
        {showFilters && <FilterPanel model={model} />}
        <Paper withBorder radius="md" style={{ position: 'relative', flex: 1, minWidth: 0, overflow: 'hidden', background: scheme === 'dark' ? '#1a1b1e' : '#f8f9fa' }}>
          <GraphCanvas
            model={model}
            filteredOut={filteredOut}
            matches={matches}
            scheme={scheme}
            renderer={renderer}
            mode={mode}
            fitRequest={store.fitRequest}
            onReady={onReady}
            onSelect={store.setSelected}
            onMove={(positions) => act((graph) => movePositions(graph, positions, true))}
            onExpand={(id) => setExpanding([id])}
            onContextMenu={(target) => setMenu(target.kind === 'background' ? null : { x: target.x, y: target.y, kind: target.kind })}
          />
          {model.nodes.size === 0 && !busy && (
            <Box style={{ position: 'absolute', inset: 0, display: 'grid', placeItems: 'center', pointerEvents: 'none' }}>
              <Text c="dimmed" ta="center" maw={420} data-testid="graph-empty">
                {t('investigate.emptyGraph')}
              </Text>
            </Box>
          )}
          {menu && (
            <Menu opened onChange={(opened) => !opened && setMenu(null)} position="bottom-start" withinPortal={false}>
              <Menu.Target>
                <div style={{ position: 'absolute', left: menu.x, top: menu.y, width: 1, height: 1 }} />
              </Menu.Target>
              <Menu.Dropdown data-testid="graph-context-menu">
                {menu.kind === 'node' ? (
                  <>
                    <Menu.Item onClick={expand} rightSection={<Kbd size="xs">E</Kbd>}>{t('investigate.expand')}</Menu.Item>
                    <Menu.Item onClick={collapse} rightSection={<Kbd size="xs">C</Kbd>}>{t('investigate.collapse')}</Menu.Item>
                    <Menu.Item onClick={hide} rightSection={<Kbd size="xs">H</Kbd>}>{t('investigate.hide')}</Menu.Item>
                    <Menu.Item onClick={pin} rightSection={<Kbd size="xs">P</Kbd>}>{t('investigate.pin')}</Menu.Item>
                    <Menu.Item onClick={() => setDialog('note')} rightSection={<Kbd size="xs">N</Kbd>}>{t('investigate.note')}</Menu.Item>
                    <Menu.Item color="red" onClick={remove} rightSection={<Kbd size="xs">Del</Kbd>}>{t('investigate.remove')}</Menu.Item>
                  </>
                ) : (
                  <Menu.Label>{t('investigate.edgeMenuHint')}</Menu.Label>
                )}
              </Menu.Dropdown>
            </Menu>
          )}
        </Paper>
        <SidePanel selectedNodes={selectedNodes} selectedEdge={selectedEdge} />
      </Box>

      <Group justify="space-between" mt={6} gap="xs" wrap="nowrap">
        <Text size="xs" c="dimmed" data-testid="graph-status">
          {t('investigate.status', { nodes: model.nodes.size, edges: model.edges.size, visible: visibleCount, selected: selectedNodes.length })}
          {' · '}
          {t(`investigate.renderers.${renderer}`)}
        </Text>
        <Group gap="xs" wrap="nowrap">
          {absentNodes > 0 && (
            <Text size="xs" c="orange" data-testid="graph-absent">
              {t('investigate.absent', { count: absentNodes })}
            </Text>
          )}
          {task && (
            <Group gap={6} wrap="nowrap" data-testid="graph-task">
              <Loader size="xs" />
              <Text size="xs">{t(`investigate.tasks.${task.kind}`, { count: task.count ?? 0, layout: t(`investigate.effective.${effectiveLayout(store.layout, task.count ?? 0)}`) })}</Text>
              {task.cancel && (
                <Button size="compact-xs" variant="subtle" onClick={task.cancel}>
                  {t('investigate.cancel')}
                </Button>
              )}
            </Group>
          )}
          <SegmentedControl
            size="xs"
            value={rendererChoice}
            onChange={(value) => setRendererChoice(value)}
            data={[
              { value: 'auto', label: t('investigate.rendererAuto') },
              { value: 'canvas', label: 'Canvas' },
              { value: 'webgl', label: 'WebGL', disabled: webgl === 'none' },
            ]}
            aria-label={t('investigate.renderer')}
          />
        </Group>
      </Group>

      {expanding && <ExpandPanel ids={expanding} onClose={() => setExpanding(null)} />}
      {dialog === 'relate' && selectedNodes.length === 2 && <RelationshipModal ends={[selectedNodes[0] ?? '', selectedNodes[1] ?? '']} onClose={() => setDialog(null)} />}
      {dialog === 'note' && <NoteModal objectIds={selectedNodes} onClose={() => setDialog(null)} />}
      {dialog === 'add' && <AddFromKbModal onClose={() => setDialog(null)} />}
      {dialog === 'create' && <CreateObjectModal offer="any" onClose={() => setDialog(null)} {...(selectedRelateTo ? { relateTo: selectedRelateTo } : {})} onCreated={(ids) => void store.addObjects(ids.slice(0, 1))} />}
      {dialog === 'shortcuts' && <ShortcutsModal onClose={() => setDialog(null)} />}
    </Box>
  );
}
