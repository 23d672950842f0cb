/**
 * Where an indicator was found: each occurrence with its page and context, and the page's
 * text with the chosen occurrence highlighted. Text is rendered as React text nodes (never
 * as HTML), so nothing in a hostile document can become markup.
 */
import { Badge, Card, Group, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentText } from '../../../core/documents/types.ts';
import type { ExtractedIndicator, Occurrence } from '../../../core/extract/types.ts';
import { useFlagReason } from './flagReason.ts';

/**
 * Characters of page text shown on each side of the occurrence. A 20 MB text file is one
 * "page"; laying all of it out froze the window for seconds (issue 16), so only the text
 * around the value is drawn, cut at line ends, and the cut says how much is left out.
 */
const AROUND = 6_000;

export function pageWindow(text: string, offset: number, length: number): { from: number; to: number } {
  if (text.length <= AROUND * 2) return { from: 0, to: text.length };
  let from = Math.max(0, offset - AROUND);
  let to = Math.min(text.length, offset + length + AROUND);
  const lineStart = text.lastIndexOf('\n', from);
  if (from > 0 && lineStart !== -1 && offset - lineStart < AROUND * 1.5) from = lineStart + 1;
  const lineEnd = text.indexOf('\n', to);
  if (to < text.length && lineEnd !== -1 && lineEnd - offset < AROUND * 1.5) to = lineEnd;
  return { from, to };
}

function PageText({ text, occurrence }: { text: string; occurrence: Occurrence }) {
  const { t } = useTranslation();
  const mark = useRef<HTMLElement>(null);
  useEffect(() => {
    // Scroll the page-text pane only: scrollIntoView would also scroll the review's list
    // and the window, moving the row the analyst just clicked (issue 16, point 5).
    const node = mark.current;
    const viewport = node?.closest<HTMLElement>('.mantine-ScrollArea-viewport');
    if (!node || !viewport) return;
    viewport.scrollTop += node.getBoundingClientRect().top - viewport.getBoundingClientRect().top - viewport.clientHeight / 2;
  }, [occurrence]);
  const end = occurrence.offset + occurrence.length;
  const { from, to } = pageWindow(text, occurrence.offset, occurrence.length);
  return (
    <Text component="pre" size="xs" ff="monospace" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', margin: 0 }} data-testid="page-text">
      {from > 0 && <Text component="span" size="xs" c="dimmed" data-testid="page-text-cut">{t('extraction.textCutBefore', { count: from })}{'\n'}</Text>}
      {text.slice(from, occurrence.offset)}
      <mark ref={mark} data-testid="highlight">
        {text.slice(occurrence.offset, end)}
      </mark>
      {text.slice(end, to)}
      {to < text.length && <Text component="span" size="xs" c="dimmed" data-testid="page-text-cut">{'\n'}{t('extraction.textCutAfter', { count: text.length - to })}</Text>}
    </Text>
  );
}

export function ContextView({ indicator, document }: { indicator: ExtractedIndicator; document: DocumentText }) {
  const { t } = useTranslation();
  const flagReason = useFlagReason();
  const [chosen, setChosen] = useState(0);
  const occurrence = indicator.occurrences[chosen] ?? indicator.occurrences[0];
  const page = occurrence ? document.pages.find((entry) => entry.page === occurrence.page) : undefined;
  return (
    <Card withBorder radius="md" padding="md" data-testid="context-view">
      <Text fw={600} ff="monospace" style={{ wordBreak: 'break-all' }} mb={4}>
        {indicator.value}
      </Text>
      {indicator.flags.map((flag) => (
        <Text key={flag.code} size="sm" c="orange.7">
          {t(`extraction.flags.${flag.code}`)}: {flagReason(flag)}
        </Text>
      ))}
      <Text size="sm" c="dimmed" mt="xs" mb={4}>
        {t('extraction.occurrences', { count: indicator.occurrenceCount })}
      </Text>
      <ScrollArea.Autosize mah={160} type="auto">
        <Stack gap={2}>
          {indicator.occurrences.map((entry, index) => (
            <UnstyledButton
              key={`${entry.page}:${entry.offset}`}
              onClick={() => setChosen(index)}
              aria-pressed={index === chosen}
              data-testid="occurrence"
              style={{ borderRadius: 4, padding: '2px 6px', background: index === chosen ? 'var(--mantine-color-default-hover)' : undefined }}
            >
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <Badge size="xs" variant="light" style={{ flexShrink: 0 }}>
                  {t('extraction.page', { page: entry.page })}
                </Badge>
                <Text size="xs" ff="monospace" lineClamp={2}>
                  {entry.context}
                </Text>
              </Group>
            </UnstyledButton>
          ))}
        </Stack>
      </ScrollArea.Autosize>
      {occurrence && page && (
        <>
          <Text size="sm" fw={500} mt="sm" mb={4}>
            {t('extraction.inDocument', { page: occurrence.page })}
          </Text>
          <ScrollArea h={280} type="auto" style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 6, padding: 8 }}>
            <PageText text={page.text} occurrence={occurrence} />
          </ScrollArea>
        </>
      )}
    </Card>
  );
}
