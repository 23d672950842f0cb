// cytoscape-lasso ships no types: it registers one core method (typed in GraphCanvas.tsx).
declare module 'cytoscape-lasso' {
  const register: (cytoscape: unknown) => void;
  export default register;
}
