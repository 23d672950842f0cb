/**
 * Lasso selection: in lasso mode a transparent layer over the graph takes the pointer,
 * draws the free shape, and selects the visible nodes whose centres fall inside it.
 * Pointer events (not Cytoscape's mouse handling) make it work the same with a mouse,
 * a pen or a touch screen.
 */
import type { Core } from 'cytoscape';
import inside from 'point-in-polygon';
import { useRef, useState, type PointerEvent } from 'react';

type Vertex = [number, number];

/** `instance` returns the Cytoscape instance when the lasso closes (it is created after this renders). */
export function LassoOverlay({ instance, colour }: { instance: () => Core | null; colour: string }) {
  const [polygon, setPolygon] = useState<Vertex[] | null>(null);
  const drawing = useRef<Vertex[] | null>(null);

  const point = (event: PointerEvent<SVGSVGElement>): Vertex => {
    const box = event.currentTarget.getBoundingClientRect();
    return [event.clientX - box.left, event.clientY - box.top];
  };
  const start = (event: PointerEvent<SVGSVGElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    drawing.current = [point(event)];
    setPolygon(drawing.current);
  };
  const move = (event: PointerEvent<SVGSVGElement>) => {
    if (!drawing.current) return;
    drawing.current = [...drawing.current, point(event)];
    setPolygon(drawing.current);
  };
  const finish = () => {
    const shape = drawing.current;
    drawing.current = null;
    setPolygon(null);
    const cy = instance();
    if (!cy || !shape || shape.length < 3) return;
    cy.nodes(':visible')
      .filter((node) => {
        const { x, y } = node.renderedPosition();
        return inside([x, y], shape);
      })
      .select();
  };

  return (
    <svg
      data-testid="lasso-layer"
      style={{ position: 'absolute', inset: 0, width: '100%', height: '100%', cursor: 'crosshair', touchAction: 'none' }}
      onPointerDown={start}
      onPointerMove={move}
      onPointerUp={finish}
      onPointerCancel={finish}
    >
      {polygon && <polygon points={polygon.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ')} fill={colour} fillOpacity={0.12} stroke={colour} strokeWidth={1.5} strokeDasharray="4 3" />}
    </svg>
  );
}
