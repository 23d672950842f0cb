/** Magpie's mark: a stylised magpie in the product's two tones, drawn inline (no remote assets). */
export function BrandMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="var(--mantine-color-indigo-7)" />
      <path d="M7 20c3-7 8-11 15-11 2 0 3 1 3 2l-3 1c-1 4-5 8-11 9l-4 4-1-3z" fill="#fff" />
      <path d="M16 12c2-1 4-1 6 0-2 3-5 5-9 6 1-2 2-4 3-6z" fill="var(--mantine-color-cyan-4)" />
      <circle cx="21.5" cy="10.8" r="1" fill="var(--mantine-color-indigo-9)" />
    </svg>
  );
}
