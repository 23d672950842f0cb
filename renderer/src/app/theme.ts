import { createTheme } from '@mantine/core';

/**
 * Japanese fonts come first among the fallbacks so kana and kanji never fall back to a
 * Chinese face; `lang="ja"` on <html> does the rest.
 */
const sans =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans JP", "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic UI", Meiryo, "Helvetica Neue", Arial, sans-serif';

export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  fontFamily: sans,
  headings: { fontFamily: sans, fontWeight: '650' },
  fontFamilyMonospace: '"JetBrains Mono", "Cascadia Mono", "Noto Sans Mono CJK JP", ui-monospace, monospace',
});
