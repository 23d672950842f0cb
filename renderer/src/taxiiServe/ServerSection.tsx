/**
 * The TAXII server's switch and how it listens (issue 18, point 2): on/off applies at once;
 * the address, port, TLS files and limits are saved together, and main's refusal (another
 * address without TLS, a port in use) is shown as main words it.
 */
import { Alert, Button, Code, Collapse, CopyButton, Group, NumberInput, Stack, Switch, Text, TextInput, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconChevronDown, IconChevronRight, IconCopy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaxiiServeView } from '../../../core/ipc/taxiiServeChannels.ts';
import { useAction } from '../app/useAction.ts';
import { useTaxiiServeStore } from './taxiiServeStore.ts';

const KIB = 1024;

function ServerStatus({ view }: { view: TaxiiServeView }) {
  const { t } = useTranslation();
  if (!view.enabled) return <Text size="sm" c="dimmed" data-testid="taxii-serve-off">{t('taxiiServe.server.off')}</Text>;
  if (view.discoveryUrl !== null) {
    return (
      <Alert color="teal" data-testid="taxii-serve-running">
        <Stack gap={6}>
          <Text size="sm">{t('taxiiServe.server.running')}</Text>
          <Group gap="xs" wrap="nowrap">
            <Code data-testid="taxii-serve-discovery" style={{ overflowWrap: 'anywhere' }}>{view.discoveryUrl}</Code>
            <CopyButton value={view.discoveryUrl}>
              {({ copied, copy }) => (
                <Button size="compact-xs" variant="light" leftSection={<IconCopy size={14} />} onClick={copy}>
                  {copied ? t('taxiiServe.server.copied') : t('taxiiServe.server.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Stack>
      </Alert>
    );
  }
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert" data-testid="taxii-serve-error">
      {t('taxiiServe.server.notRunning', { error: view.error ?? '' })}
    </Alert>
  );
}

/** The listening settings as typed, saved together with one button. */
function ListenForm({ view }: { view: TaxiiServeView }) {
  const { t } = useTranslation();
  const configure = useTaxiiServeStore((state) => state.configure);
  const generateCertificate = useTaxiiServeStore((state) => state.generateCertificate);
  const [port, setPort] = useState<number | string>(view.port);
  const [host, setHost] = useState(view.host);
  const [certFile, setCertFile] = useState(view.tls?.certFile ?? '');
  const [keyFile, setKeyFile] = useState(view.tls?.keyFile ?? '');
  const [rate, setRate] = useState<number | string>(view.rateLimitPerMinute);
  const [maxKib, setMaxKib] = useState<number | string>(Math.round(view.maxContentLength / KIB));
  const [advanced, setAdvanced] = useState(false);
  const { run, busy, error } = useAction();
  // A flag, not a sentence: "Saved." follows a change of language.
  const [saved, setSaved] = useState(false);

  const save = () =>
    run(async () => {
      setSaved(false);
      const cert = certFile.trim();
      const key = keyFile.trim();
      if ((cert === '') !== (key === '')) throw new Error(t('taxiiServe.server.tlsBoth'));
      await configure({
        host: host.trim(),
        ...(typeof port === 'number' ? { port } : {}),
        tls: cert === '' ? null : { certFile: cert, keyFile: key },
        ...(typeof rate === 'number' ? { rateLimitPerMinute: rate } : {}),
        ...(typeof maxKib === 'number' ? { maxContentLength: maxKib * KIB } : {}),
      });
      setSaved(true);
    });

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Stack gap="sm">
        <Group align="flex-start" grow>
          <TextInput label={t('taxiiServe.server.host')} description={t('taxiiServe.server.hostHelp')} value={host} onChange={(event) => setHost(event.currentTarget.value)} data-testid="taxii-serve-host" />
          <NumberInput label={t('taxiiServe.server.port')} description={t('taxiiServe.server.portHelp')} min={0} max={65_535} allowDecimal={false} value={port} onChange={setPort} data-testid="taxii-serve-port" />
        </Group>
        <Group align="flex-start" grow>
          <TextInput label={t('taxiiServe.server.certFile')} description={t('taxiiServe.server.tlsHelp')} value={certFile} onChange={(event) => setCertFile(event.currentTarget.value)} data-testid="taxii-serve-cert" />
          <TextInput label={t('taxiiServe.server.keyFile')} description={t('taxiiServe.server.tlsHelp')} value={keyFile} onChange={(event) => setKeyFile(event.currentTarget.value)} data-testid="taxii-serve-key" />
        </Group>
        <Group gap="sm" align="center">
          <Button variant="light" size="xs" loading={busy} onClick={() => void run(() => generateCertificate(host.trim()))} data-testid="taxii-serve-make-certificate">
            {t('taxiiServe.server.makeCertificate')}
          </Button>
          <Text size="xs" c="dimmed" style={{ flex: 1 }}>
            {t('taxiiServe.server.makeCertificateHelp')}
          </Text>
        </Group>
        {view.tlsFingerprint !== null && (
          <div>
            <Text size="sm" fw={500}>
              {t('taxiiServe.server.fingerprint')}
            </Text>
            <Code block data-testid="taxii-serve-fingerprint" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
              {view.tlsFingerprint}
            </Code>
          </div>
        )}
        <UnstyledButton onClick={() => setAdvanced((open) => !open)} aria-expanded={advanced} data-testid="taxii-serve-advanced">
          <Group gap={4}>
            {advanced ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
            <Text size="sm" fw={500}>{t('taxiiServe.server.advanced')}</Text>
          </Group>
        </UnstyledButton>
        <Collapse expanded={advanced}>
          <Group align="flex-start" grow>
            <NumberInput label={t('taxiiServe.server.rateLimit')} description={t('taxiiServe.server.rateLimitHelp')} min={1} max={100_000} allowDecimal={false} value={rate} onChange={setRate} data-testid="taxii-serve-rate" />
            <NumberInput label={t('taxiiServe.server.maxContent')} description={t('taxiiServe.server.maxContentHelp')} min={1} max={512 * KIB} allowDecimal={false} value={maxKib} onChange={setMaxKib} data-testid="taxii-serve-max-content" />
          </Group>
        </Collapse>
        <Group>
          <Button type="submit" variant="default" loading={busy} data-testid="taxii-serve-save">
            {t('taxiiServe.server.save')}
          </Button>
          {saved && <Text size="sm" c="teal">{t('taxiiServe.server.saved')}</Text>}
        </Group>
        {error !== null && (
          <Alert color="red" role="alert" data-testid="taxii-serve-refused">
            {error}
          </Alert>
        )}
      </Stack>
    </form>
  );
}

export function ServerSection({ view }: { view: TaxiiServeView }) {
  const { t } = useTranslation();
  const configure = useTaxiiServeStore((state) => state.configure);
  const { run, busy: switching, error } = useAction();
  return (
    <Stack gap="sm">
      <Switch
        label={t('taxiiServe.server.enabled')}
        description={t('taxiiServe.server.enabledHelp')}
        checked={view.enabled}
        disabled={switching}
        onChange={(event) => {
          const enabled = event.currentTarget.checked;
          void run(() => configure({ enabled }));
        }}
        data-testid="taxii-serve-enabled"
      />
      <ServerStatus view={view} />
      {error !== null && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {/* Starts from the saved settings; after a save they are what was typed. */}
      <ListenForm key={`${view.host}|${view.tls?.certFile ?? ''}`} view={view} />
    </Stack>
  );
}
