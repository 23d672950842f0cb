/**
 * The Cytoscape view of the investigation's graph. It owns the Cytoscape instance and
 * nothing else: every change comes from the model (diffed by reference, so an expansion
 * touches only what it added) and every gesture goes back out through callbacks.
 */
import cytoscape, { type Core, type ElementDefinition, type EventObject } from 'cytoscape';
import { useCallback, useEffect, useRef } from 'react';
import type { Point } from '../../../../core/investigation/placement.ts';
import type { GraphEdge } from '../../kb/queries/graph.ts';
import type { GraphModel, GraphNode } from '../graphModel.ts';
import { graphStylesheet, schemeColours, type ColourScheme } from './cyStyle.ts';
import { LassoOverlay } from './LassoOverlay.tsx';
import { styledTypes } from './nodeLooks.ts';



export type PointerMode = 'pan' | 'box' | 'lasso';
export type RendererKind = 'canvas' | 'canvas-large' | 'webgl';

export interface GraphCanvasProps {
  model: GraphModel;
  /** Nodes the filters hide. */
  filteredOut: ReadonlySet<string>;
  /** Nodes matching the in-graph search. */
  matches: ReadonlySet<string>;
  scheme: ColourScheme;
  renderer: RendererKind;
  mode: PointerMode;
  fitRequest: number;
  onReady: (cy: Core | null) => void;
  onSelect: (ids: string[]) => void;
  onMove: (positions: Map<string, Point>) => void;
  onExpand: (id: string) => void;
  onContextMenu: (target: { id: string; kind: 'node' | 'edge' | 'background'; x: number; y: number }) => void;
}

const LABEL_LIMIT = 48;

function nodeData(node: GraphNode): ElementDefinition['data'] {
  const { summary } = node;
  const label = summary.name.length > LABEL_LIMIT ? `${summary.name.slice(0, LABEL_LIMIT - 1)}…` : summary.name;
  return { id: summary.id, label, type: summary.type, tlp: summary.tlp ?? 'none', custom: !styledTypes.includes(summary.type) };
}

function edgeData(edge: GraphEdge): ElementDefinition['data'] {
  return { id: edge.id, source: edge.source, target: edge.target, label: edge.label, kind: edge.kind };
}

function nodeClasses(node: GraphNode, filteredOut: ReadonlySet<string>, matches: ReadonlySet<string>): string[] {
  const classes: string[] = [];
  if (node.pinned) classes.push('pinned');
  if (node.hidden) classes.push('hidden');
  if (filteredOut.has(node.summary.id)) classes.push('filtered');
  if (matches.has(node.summary.id)) classes.push('match');
  return classes;
}

function initOptions(renderer: RendererKind): cytoscape.CytoscapeOptions {
  switch (renderer) {
    case 'webgl':
      return { renderer: { name: 'canvas', webgl: true } } as cytoscape.CytoscapeOptions;
    case 'canvas-large':
      // While moving, draw a bitmap of the graph instead of every element (STACK-MEASUREMENTS §4: a full redraw of 20k nodes takes ~0.9 s here).
      return { textureOnViewport: true, hideEdgesOnViewport: true, motionBlur: false, pixelRatio: 1 };
    case 'canvas':
      return {};
  }
}

function labelsFor(renderer: RendererKind): 'all' | 'selected' {
  return renderer === 'webgl' ? 'selected' : 'all';
}

export function GraphCanvas(props: GraphCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const rendered = useRef<{ nodes: Map<string, GraphNode>; edges: Map<string, GraphEdge> }>({ nodes: new Map(), edges: new Map() });
  const callbacks = useRef(props);
  // Cytoscape's handlers are bound once; they read the latest callbacks through this ref.
  useEffect(() => {
    callbacks.current = props;
  });

  const instance = useCallback(() => cyRef.current, []);

  // One instance per renderer kind: Cytoscape fixes its renderer when it is created.
  useEffect(() => {
    if (!container.current) return undefined;
    const cy = cytoscape({
      container: container.current,
      style: graphStylesheet(callbacks.current.scheme, labelsFor(props.renderer)),
      minZoom: 0.02,
      maxZoom: 4,
      wheelSensitivity: 0.3,
      selectionType: 'additive',
      ...initOptions(props.renderer),
    });
    cyRef.current = cy;
    rendered.current = { nodes: new Map(), edges: new Map() };

    let selectionFrame = 0;
    cy.on('select unselect', () => {
      cancelAnimationFrame(selectionFrame);
      selectionFrame = requestAnimationFrame(() => callbacks.current.onSelect(cy.$(':selected').map((element) => element.id())));
    });
    cy.on('dragfree', 'node', (event: EventObject) => {
      const target = event.target as cytoscape.NodeSingular;
      const moved: cytoscape.NodeCollection = target.selected() ? cy.$('node:selected') : target;
      const positions = new Map<string, Point>();
      moved.forEach((node: cytoscape.NodeSingular) => {
        const { x, y } = node.position();
        positions.set(node.id(), { x, y });
      });
      callbacks.current.onMove(positions);
    });
    cy.on('dbltap', 'node', (event: EventObject) => callbacks.current.onExpand((event.target as cytoscape.NodeSingular).id()));
    cy.on('cxttap', (event: EventObject) => {
      const target = event.target as Core | cytoscape.SingularElementReturnValue;
      const at = event.renderedPosition;
      if (target === cy) {
        callbacks.current.onContextMenu({ id: '', kind: 'background', x: at.x, y: at.y });
        return;
      }
      const element = target as cytoscape.SingularElementReturnValue;
      if (!element.selected()) {
        cy.$(':selected').unselect();
        element.select();
      }
      callbacks.current.onContextMenu({ id: element.id(), kind: element.isNode() ? 'node' : 'edge', x: at.x, y: at.y });
    });
    callbacks.current.onReady(cy);
    return () => {
      cancelAnimationFrame(selectionFrame);
      callbacks.current.onReady(null);
      cy.destroy();
      cyRef.current = null;
    };
  }, [props.renderer]);

  useEffect(() => {
    cyRef.current?.style(graphStylesheet(props.scheme, labelsFor(props.renderer)));
  }, [props.scheme, props.renderer]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    // Pan mode still box-selects with a modifier held; box mode drags a box without one.
    cy.userPanningEnabled(props.mode === 'pan');
    cy.boxSelectionEnabled(props.mode !== 'lasso');
  }, [props.mode, props.renderer]);

  // The model and the filters, diffed into the instance in one batch.
  const { model, filteredOut, matches, renderer, fitRequest } = props;
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const previous = rendered.current;
    const added: ElementDefinition[] = [];
    const wasEmpty = previous.nodes.size === 0;
    cy.batch(() => {
      for (const [id] of previous.edges) if (!model.edges.has(id)) cy.getElementById(id).remove();
      for (const [id] of previous.nodes) if (!model.nodes.has(id)) cy.getElementById(id).remove();
      for (const [id, node] of model.nodes) {
        const classes = nodeClasses(node, filteredOut, matches);
        const before = previous.nodes.get(id);
        if (!before) {
          added.push({ group: 'nodes', data: nodeData(node), position: { x: node.x, y: node.y }, classes });
          continue;
        }
        const element = cy.getElementById(id);
        if (before.summary !== node.summary) element.data(nodeData(node));
        const at = element.position();
        if (Math.abs(at.x - node.x) > 0.01 || Math.abs(at.y - node.y) > 0.01) element.position({ x: node.x, y: node.y });
        element.classes(classes);
      }
      cy.add(added);
      const edges: ElementDefinition[] = [];
      for (const [id, edge] of model.edges) if (!previous.edges.has(id)) edges.push({ group: 'edges', data: edgeData(edge) });
      cy.add(edges);
    });
    rendered.current = { nodes: new Map(model.nodes), edges: new Map(model.edges) };
    if (wasEmpty && model.nodes.size > 0) cy.fit(undefined, 40);
  }, [model, filteredOut, matches, renderer]);

  useEffect(() => {
    const cy = cyRef.current;
    if (cy && fitRequest > 0) cy.fit(cy.elements(':visible'), 40);
  }, [fitRequest]);

  return (
    <>
      <div ref={container} data-testid="graph-canvas" style={{ position: 'absolute', inset: 0 }} />
      {props.mode === 'lasso' && <LassoOverlay instance={instance} colour={schemeColours[props.scheme].selection} />}
    </>
  );
}
