/**
 * Where new nodes go before (or instead of) a layout: in rings around the node they were
 * expanded from, so the analyst sees what came from where and nothing lands on top of
 * what is already placed.
 */
export interface Point {
  x: number;
  y: number;
}

/** Centre-to-centre room a node needs, label included, at 100% zoom. */
export const NODE_SPACING = 70;

/** Positions for `count` nodes on rings around `centre`, the first ring just clear of it. */
export function ringPositions(centre: Point, count: number, spacing: number = NODE_SPACING): Point[] {
  const points: Point[] = [];
  let ring = 1;
  while (points.length < count) {
    const radius = ring * spacing * 1.6;
    // As many as fit with a chord (not an arc) of `spacing` between neighbours.
    const capacity = Math.max(6, Math.floor(Math.PI / Math.asin(Math.min(1, spacing / (2 * radius)))));
    const onRing = Math.min(capacity, count - points.length);
    // Offset each ring by half a step so rings do not line up into spokes.
    const offset = ring % 2 === 0 ? Math.PI / onRing : 0;
    for (let index = 0; index < onRing; index += 1) {
      const angle = offset + (2 * Math.PI * index) / onRing;
      points.push({ x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) });
    }
    ring += 1;
  }
  return points;
}

/** A square grid for a graph that starts with no positions at all, centred on the origin. */
export function gridPositions(count: number, spacing: number = NODE_SPACING * 1.4): Point[] {
  const side = Math.max(1, Math.ceil(Math.sqrt(count)));
  const half = ((side - 1) * spacing) / 2;
  return Array.from({ length: count }, (_, index) => ({ x: (index % side) * spacing - half, y: Math.floor(index / side) * spacing - half }));
}

/** The mean of some points; the origin when there are none. */
export function centroid(points: readonly Point[]): Point {
  if (points.length === 0) return { x: 0, y: 0 };
  let x = 0;
  let y = 0;
  for (const point of points) {
    x += point.x;
    y += point.y;
  }
  return { x: x / points.length, y: y / points.length };
}

/**
 * Spreads nodes that landed on the same spot (closer than `spacing` / 4) onto a ring
 * around it. Spectral layouts (fcose's draft) give structurally identical nodes, such as
 * the leaves of one report, exactly the same position; the analyst must still see each.
 * `fixed` nodes never move.
 */
export function separateCoincident(points: Point[], fixed: ReadonlySet<number> = new Set(), spacing: number = NODE_SPACING): Point[] {
  const cell = spacing / 4;
  const groups = new Map<string, number[]>();
  points.forEach((point, index) => {
    const key = `${String(Math.round(point.x / cell))},${String(Math.round(point.y / cell))}`;
    const members = groups.get(key);
    if (members) members.push(index);
    else groups.set(key, [index]);
  });
  const result = points.map((point) => ({ ...point }));
  for (const members of groups.values()) {
    const movable = members.filter((index) => !fixed.has(index));
    if (members.length < 2 || movable.length === 0) continue;
    const centre = points[members[0] ?? 0] ?? { x: 0, y: 0 };
    // Keep one where it is (unless it is already taken by a fixed node), ring the rest around it.
    const [stay, ...rest] = movable.length === members.length ? movable : [undefined, ...movable];
    if (stay !== undefined) result[stay] = { ...centre };
    ringPositions(centre, rest.length, spacing).forEach((point, offset) => {
      const index = rest[offset];
      if (index !== undefined) result[index] = point;
    });
  }
  return result;
}
