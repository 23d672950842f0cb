// point-in-polygon ships no types: one function, ray casting over [x, y] pairs.
declare module 'point-in-polygon' {
  export default function inside(point: readonly [number, number], polygon: readonly (readonly [number, number])[]): boolean;
}
