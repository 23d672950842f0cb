/**
 * Where an object came from: each source (file, connector run, analyst edits) with its
 * dates, and for an imported file or report PDF the original as it was received, which
 * the analyst can save again (the knowledge base keeps it with its SHA-256).
 */
import { Alert, Button, Table, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../app/useAction.ts';
import { invoke } from '../ipc/client.ts';
import { knowledgeBase } from '../kb/client.ts';
import type { ObjectDetail } from '../kb/queries/detail.ts';
import type { SourceRecord } from '../kb/records.ts';

function base64Of(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result.replace(/^data:[^,]*,/, '') : '');
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(blob);
  });
}

/** The name the file is offered under: its own, without anything a file system refuses. */
function safeName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is being removed
  const cleaned = name.replace(/[/\\:*?"<>|\u0000-\u001f]/g, '_');
  return cleaned.trim().slice(-200) || 'original';
}

export function SaveOriginal({ source }: { source: SourceRecord & { sha256: string } }) {
  const { t } = useTranslation();
  const { run, busy, error } = useAction();
  const [savedTo, setSavedTo] = useState<string | null>(null);
  const save = () =>
    run(async () => {
      const file = await knowledgeBase().getFile({ sha256: source.sha256 });
      if (!file) throw new Error(t('kb.detail.originalMissing'));
      const saved = await invoke('file:save', { suggestedName: safeName(file.name), content: await base64Of(file.blob), encoding: 'base64' });
      setSavedTo(saved.path);
    });
  return (
    <>
      <Button size="compact-xs" variant="light" leftSection={<IconDownload size={14} />} loading={busy} onClick={() => void save()} data-testid="save-original" data-sha256={source.sha256}>
        {t('kb.detail.saveOriginal')}
      </Button>
      {savedTo && (
        <Text size="xs" c="dimmed" data-testid="original-saved">
          {t('kb.detail.originalSaved', { path: savedTo })}
        </Text>
      )}
      {error && (
        <Text size="xs" c="red">
          {error}
        </Text>
      )}
    </>
  );
}

export function ProvenanceTab({ detail, date }: { detail: ObjectDetail; date: (value: string) => string }) {
  const { t } = useTranslation();
  return (
    <>
      {detail.sources.length === 0 && <Alert color="gray">{t('kb.detail.noSources')}</Alert>}
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('kb.detail.source')}</Table.Th>
            <Table.Th>{t('kb.detail.firstSeen')}</Table.Th>
            <Table.Th>{t('kb.detail.lastSeen')}</Table.Th>
            <Table.Th>{t('kb.detail.original')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {detail.sources.map((source) => (
            <Table.Tr key={source.id}>
              <Table.Td>{source.name}</Table.Td>
              <Table.Td>{date(source.firstImportedAt)}</Table.Td>
              <Table.Td>{date(source.lastImportedAt)}</Table.Td>
              <Table.Td>{source.sha256 ? <SaveOriginal source={{ ...source, sha256: source.sha256 }} /> : '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm" c="dimmed" mt="sm">
        {t('kb.detail.firstSeen')}: {date(detail.firstSeen)} · {t('kb.detail.updated')}: {date(detail.updatedAt)}
      </Text>
    </>
  );
}
