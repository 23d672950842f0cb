// pdfjs-dist ships no types for its worker module or its minified builds; Magpie only hands
// them to pdf.js (the minified display build has the types of the plain one).
declare module 'pdfjs-dist/legacy/build/pdf.worker.min.mjs' {
  export const WorkerMessageHandler: unknown;
}
declare module 'pdfjs-dist/legacy/build/pdf.min.mjs' {
  export * from 'pdfjs-dist/legacy/build/pdf.mjs';
}
