/**
 * Publish to a TAXII 2.1 collection (issue 18): the Export page's objects (same scope,
 * closure and highest TLP as the STIX export) go to a writable collection of a configured
 * server. main sends them in envelopes and waits for the server's status; objects it did
 * not take are listed with the server's reason and can be sent again.
 */
import { Alert, Button, Card, Group, Progress, Select, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCloudUpload } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublishCollectionView, PublishOutcomeView, TaxiiServerView } from '../../../core/ipc/taxiiPublishChannels.ts';
import { invoke, subscribe } from '../ipc/client.ts';
import { TaxiiServerForm } from './TaxiiServerForm.tsx';

type StixObject = Record<string, unknown>;

interface Props {
  /** The objects the STIX export would write, and the note on what the TLP withheld. */
  collect: () => Promise<{ objects: StixObject[]; withheld: string | null }>;
  disabled: boolean;
}

/** Failures listed one by one; the rest are counted. */
const LISTED_FAILURES = 20;

const collectionKey = (collection: PublishCollectionView): string => `${collection.apiRoot} ${collection.id}`;
const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function TaxiiPublishCard({ collect, disabled }: Props) {
  const { t } = useTranslation();
  const [servers, setServers] = useState<TaxiiServerView[]>([]);
  const [persistent, setPersistent] = useState(false);
  const [serverId, setServerId] = useState<string | null>(null);
  const [collections, setCollections] = useState<PublishCollectionView[] | null>(null);
  const [collection, setCollection] = useState<string | null>(null);
  const [editing, setEditing] = useState<TaxiiServerView | 'new' | null>(null);
  const [busy, setBusy] = useState<'collections' | 'preparing' | 'publishing' | null>(null);
  const [progress, setProgress] = useState<{ phase: string; done: number; total: number } | null>(null);
  const [result, setResult] = useState<{ outcome: PublishOutcomeView; title: string; withheld: string | null; retry: StixObject[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  // Only the last server chosen may fill the collection list.
  const asked = useRef(0);
  const chooseServer = useCallback(async (id: string | null) => {
    const ask = (asked.current += 1);
    setServerId(id);
    setCollections(null);
    setCollection(null);
    setError(null);
    if (id === null) return;
    setBusy('collections');
    try {
      const found = await invoke('taxii-publish:collections', { serverId: id });
      if (ask !== asked.current) return;
      setCollections(found);
      const first = found.find((candidate) => candidate.canWrite);
      setCollection(first ? collectionKey(first) : null);
    } catch (failure) {
      if (ask === asked.current) setError(message(failure));
    } finally {
      if (ask === asked.current) setBusy(null);
    }
  }, []);

  const loadServers = useCallback(
    async (choose: string | null) => {
      const listed = await invoke('taxii-publish:servers');
      setServers(listed.servers);
      setPersistent(listed.secretsPersistent);
      await chooseServer(choose ?? listed.servers[0]?.id ?? null);
    },
    [chooseServer],
  );

  useEffect(() => {
    invoke('taxii-publish:servers')
      .then((listed) => {
        setServers(listed.servers);
        setPersistent(listed.secretsPersistent);
        return chooseServer(listed.servers[0]?.id ?? null);
      })
      .catch((failure: unknown) => setError(message(failure)));
  }, [chooseServer]);

  const writable = (collections ?? []).filter((candidate) => candidate.canWrite);
  const chosen = writable.find((candidate) => collectionKey(candidate) === collection);

  const publish = async (given?: StixObject[]) => {
    if (serverId === null || chosen === undefined) return;
    setError(null);
    setResult(null);
    setBusy('preparing');
    const taskId = crypto.randomUUID();
    const stop = subscribe('task:progress', (event) => {
      if (event.taskId === taskId) setProgress({ phase: event.phase, done: event.done, total: event.total ?? 0 });
    });
    try {
      const { objects, withheld } = given ? { objects: given, withheld: null } : await collect();
      if (objects.length === 0) {
        setError(t('exports.taxii.nothing'));
        return;
      }
      setBusy('publishing');
      setProgress({ phase: 'sending', done: 0, total: objects.length });
      const outcome = await invoke('taxii-publish:publish', { serverId, apiRoot: chosen.apiRoot, collectionId: chosen.id, taskId, objects });
      const refused = new Set([...outcome.failures, ...outcome.pending].map((failure) => failure.id));
      setResult({ outcome, title: chosen.title, withheld, retry: objects.filter((object) => refused.has(String(object['id']))) });
    } catch (failure) {
      setError(t('exports.taxii.failed', { message: message(failure) }));
    } finally {
      stop();
      setBusy(null);
      setProgress(null);
    }
  };

  const remove = async (id: string) => {
    await invoke('taxii-publish:remove-server', { id });
    await loadServers(null);
  };

  const notTaken = result ? [...result.outcome.failures, ...result.outcome.pending] : [];
  return (
    <Card withBorder radius="lg" padding="lg" data-testid="taxii-publish">
      <Stack gap="md">
        <Text fw={600}>{t('exports.taxii.title')}</Text>
        <Text size="sm" c="dimmed">
          {t('exports.taxii.hint')}
        </Text>
        {servers.length === 0 ? (
          <Text size="sm">{t('exports.taxii.noServers')}</Text>
        ) : (
          <Group align="flex-end">
            <Select label={t('exports.taxii.server')} value={serverId} onChange={(id) => void chooseServer(id)} data={servers.map((server) => ({ value: server.id, label: server.title }))} allowDeselect={false} style={{ flex: 1 }} data-testid="taxii-publish-server" />
            <Button variant="default" onClick={() => setEditing(servers.find((server) => server.id === serverId) ?? null)} disabled={serverId === null}>
              {t('exports.taxii.editServer')}
            </Button>
            <Button variant="default" color="red" onClick={() => serverId !== null && void remove(serverId).catch((failure: unknown) => setError(message(failure)))} disabled={serverId === null || busy !== null}>
              {t('exports.taxii.removeServer')}
            </Button>
          </Group>
        )}
        <Group>
          <Button variant="default" onClick={() => setEditing('new')} data-testid="taxii-add-server">
            {t('exports.taxii.addServer')}
          </Button>
        </Group>
        {busy === 'collections' && <Text size="sm" c="dimmed">{t('exports.taxii.loadingCollections')}</Text>}
        {collections !== null && writable.length === 0 && <Text size="sm">{t('exports.taxii.noWritable')}</Text>}
        {writable.length > 0 && (
          <Select
            label={t('exports.taxii.collection')}
            description={collections !== null && collections.length > writable.length ? t('exports.taxii.readOnlyCount', { count: collections.length - writable.length }) : undefined}
            value={collection}
            onChange={setCollection}
            data={writable.map((candidate) => ({ value: collectionKey(candidate), label: `${candidate.title} — ${candidate.apiRootTitle}` }))}
            allowDeselect={false}
            data-testid="taxii-publish-collection"
          />
        )}
        <Group>
          <Button leftSection={<IconCloudUpload size={16} />} onClick={() => void publish()} loading={busy === 'preparing' || busy === 'publishing'} disabled={disabled || chosen === undefined || busy !== null} data-testid="taxii-publish-run">
            {t('exports.taxii.publish')}
          </Button>
        </Group>
        {busy === 'preparing' && <Text size="sm" c="dimmed">{t('exports.taxii.preparing')}</Text>}
        {progress !== null && (
          <Stack gap={4} data-testid="taxii-publish-progress">
            <Progress value={progress.total === 0 ? 0 : (100 * progress.done) / progress.total} animated aria-label={t('exports.taxii.title')} />
            <Text size="sm" c="dimmed">
              {t(progress.phase === 'waiting' ? 'exports.taxii.waiting' : 'exports.taxii.sending', { done: progress.done, total: progress.total })}
            </Text>
          </Stack>
        )}
        {error !== null && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {result !== null && (
          <Alert color={notTaken.length > 0 || result.withheld ? 'orange' : 'green'} icon={notTaken.length > 0 ? <IconAlertTriangle size={18} /> : <IconCheck size={18} />} data-testid="taxii-publish-outcome">
            <Stack gap={4}>
              <Text size="sm">{t('exports.taxii.done', { count: result.outcome.succeeded, collection: result.title })}</Text>
              {result.withheld && <Text size="sm">{result.withheld}</Text>}
              {notTaken.length > 0 && (
                <>
                  <Text size="sm">{t('exports.taxii.failedCount', { count: notTaken.length })}</Text>
                  {notTaken.slice(0, LISTED_FAILURES).map((failure) => (
                    <Text key={failure.id} size="xs" ff="monospace">
                      {failure.id}: {failure.message}
                    </Text>
                  ))}
                  {notTaken.length > LISTED_FAILURES && <Text size="xs">{t('exports.taxii.moreFailures', { count: notTaken.length - LISTED_FAILURES })}</Text>}
                  {result.retry.length > 0 && (
                    <Group>
                      <Button size="xs" variant="light" onClick={() => void publish(result.retry)} disabled={busy !== null} data-testid="taxii-publish-retry">
                        {t('exports.taxii.retry', { count: result.retry.length })}
                      </Button>
                    </Group>
                  )}
                </>
              )}
            </Stack>
          </Alert>
        )}
      </Stack>
      {editing !== null && (
        <TaxiiServerForm
          server={editing === 'new' ? null : editing}
          secretsPersistent={persistent}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            loadServers(saved.id).catch((failure: unknown) => setError(message(failure)));
          }}
        />
      )}
    </Card>
  );
}
