/**
 * Where an indicator was found: each occurrence with its page and context, and the page's
 * text with the chosen occurrence highlighted. Text is rendered as React text nodes (never
 * as HTML), so nothing in a hostile document can become markup.
 */
import { Badge, Card, Group, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExtractedIndicator, Occurrence } from '../../../core/extract/types.ts';
import { documentPageWindow, type PageWindow } from '../documents/client.ts';
import { useFlagReason } from './flagReason.ts';

/**
 * The page text around the occurrence, asked of the document worker that holds the text:
 * a 20 MB text file is one "page", and cloning or laying out all of it froze the window
 * for seconds (issue 16), so only the text around the value is drawn, cut at line ends,
 * and the cut says how much is left out.
 */
function usePageWindow(documentId: number, occurrence: Occurrence): PageWindow | null | 'loading' {
  const [shown, setShown] = useState<{ for: Occurrence; window: PageWindow | null } | null>(null);
  useEffect(() => {
    let current = true;
    const { page, offset, length } = occurrence;
    documentPageWindow({ documentId, page, offset, length }).then(
      (text) => current && setShown({ for: occurrence, window: text }),
      () => current && setShown({ for: occurrence, window: null }),
    );
    return () => {
      current = false;
    };
  }, [documentId, occurrence]);
  return shown?.for === occurrence ? shown.window : 'loading';
}

function PageText({ documentId, occurrence }: { documentId: number; occurrence: Occurrence }) {
  const { t } = useTranslation();
  const mark = useRef<HTMLElement>(null);
  const slice = usePageWindow(documentId, occurrence);
  useEffect(() => {
    // Scroll the page-text pane only: scrollIntoView would also scroll the review's list
    // and the window, moving the row the analyst just clicked (issue 16, point 5).
    const node = mark.current;
    const viewport = node?.closest<HTMLElement>('.mantine-ScrollArea-viewport');
    if (!node || !viewport) return;
    viewport.scrollTop += node.getBoundingClientRect().top - viewport.getBoundingClientRect().top - viewport.clientHeight / 2;
  }, [slice]);
  if (slice === 'loading') return null;
  if (!slice) {
    return (
      <Text size="sm" c="dimmed" data-testid="page-text-gone">
        {t('extractionReview.textGone')}
      </Text>
    );
  }
  return (
    <Text component="pre" size="xs" ff="monospace" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', margin: 0 }} data-testid="page-text">
      {slice.cutBefore > 0 && <Text component="span" size="xs" c="dimmed" data-testid="page-text-cut">{t('extraction.textCutBefore', { count: slice.cutBefore })}{'\n'}</Text>}
      {slice.before}
      <mark ref={mark} data-testid="highlight">
        {slice.match}
      </mark>
      {slice.after}
      {slice.cutAfter > 0 && <Text component="span" size="xs" c="dimmed" data-testid="page-text-cut">{'\n'}{t('extraction.textCutAfter', { count: slice.cutAfter })}</Text>}
    </Text>
  );
}

export function ContextView({ indicator, documentId }: { indicator: ExtractedIndicator; documentId: number }) {
  const { t } = useTranslation();
  const flagReason = useFlagReason();
  const [chosen, setChosen] = useState(0);
  const occurrence = indicator.occurrences[chosen] ?? indicator.occurrences[0];
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
      {occurrence && (
        <>
          <Text size="sm" fw={500} mt="sm" mb={4}>
            {t('extraction.inDocument', { page: occurrence.page })}
          </Text>
          <ScrollArea h={280} type="auto" style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 6, padding: 8 }}>
            <PageText documentId={documentId} occurrence={occurrence} />
          </ScrollArea>
        </>
      )}
    </Card>
  );
}
