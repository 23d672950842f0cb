/**
 * The panels that open an import's warnings and its quarantined objects (issue 15, point
 * 7), paged with Previous and Next, so all 807 warnings are reachable.
 */
import { Alert, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { knowledgeBase } from '../kb/client.ts';
import { useKbQuery } from '../kb/useKbQuery.ts';
import { IssueObject, QuarantinedObject, RuleLine } from './IssueRows.tsx';

const PAGE = 50;

/** "51–100 of 807" with Previous and Next: every row is reachable, the list never stops silently. */
function Pager({ offset, total, onChange }: { offset: number; total: number; onChange: (offset: number) => void }) {
  const { t, i18n } = useTranslation();
  if (total <= PAGE) return null;
  const format = (value: number) => value.toLocaleString(i18n.language);
  return (
    <Group gap="xs" mt="xs" data-testid="issue-pager">
      <Button size="compact-xs" variant="default" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - PAGE))}>
        {t('importResults.previous')}
      </Button>
      <Text size="xs" c="dimmed">
        {t('importResults.range', { from: format(offset + 1), to: format(Math.min(total, offset + PAGE)), total: format(total) })}
      </Text>
      <Button size="compact-xs" variant="default" disabled={offset + PAGE >= total} onClick={() => onChange(offset + PAGE)}>
        {t('importResults.next')}
      </Button>
    </Group>
  );
}

export function WarningsPanel({ sourceId, name }: { sourceId: string; name: string }) {
  const { t, i18n } = useTranslation();
  const [offset, setOffset] = useState(0);
  const page = useKbQuery(() => knowledgeBase().listImportWarnings({ sourceId, offset, limit: PAGE }), [sourceId, offset]);
  const data = page.data;
  return (
    <Card withBorder radius="md" padding="md" data-testid="import-warnings">
      <Title order={4} size="h6">
        {t('importResults.warningsTitle', { name })}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('importResults.warningsBody')}
      </Text>
      {page.error && <Alert color="red">{t('kb.error', { message: page.error.message })}</Alert>}
      {data && data.kept === 0 && <Text size="sm">{t('importResults.warningsNone')}</Text>}
      {data && data.kept < data.total && (
        <Text size="xs" c="dimmed" mb="xs">
          {t('importResults.warningsKept', { kept: data.kept.toLocaleString(i18n.language), total: data.total.toLocaleString(i18n.language) })}
        </Text>
      )}
      <Table layout="fixed">
        <Table.Tbody>
          {data?.rows.map((warning, index) => (
            <Table.Tr key={`${warning.objectPath}${warning.path}${warning.rule}${index}`} data-testid="warning-row">
              <Table.Td w="40%">
                <IssueObject objectId={warning.objectId} type={warning.type} name={warning.name} />
              </Table.Td>
              <Table.Td>
                <RuleLine rule={warning.rule} path={warning.path} message={warning.message} color="orange" />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {data && <Pager offset={offset} total={data.kept} onChange={setOffset} />}
    </Card>
  );
}

export function QuarantinePanel({ sourceId, title, testId = 'quarantine' }: { sourceId?: string; title?: string; testId?: string }) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const page = useKbQuery(() => knowledgeBase().listQuarantine({ ...(sourceId ? { sourceId } : {}), offset, limit: PAGE }), [sourceId, offset]);
  const data = page.data;
  return (
    <Stack gap="xs" data-testid="quarantine-panel">
      {title && (
        <Title order={4} size="h6">
          {title}
        </Title>
      )}
      {page.error && <Alert color="red">{t('kb.error', { message: page.error.message })}</Alert>}
      <Table layout="fixed" data-testid={testId}>
        <Table.Tbody>
          {data?.rows.map((entry) => (
            <Table.Tr key={entry.key}>
              <Table.Td>
                <QuarantinedObject objectId={entry.objectId} object={entry.object} reasons={entry.reasons} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {data && <Pager offset={offset} total={data.total} onChange={setOffset} />}
    </Stack>
  );
}
