/**
 * Adds or edits a TAXII 2.1 server to publish to (issue 18). The password or token goes to
 * main, which keeps it in the OS keychain; it never comes back, so editing shows only
 * whether one is stored.
 */
import { Button, Group, Modal, PasswordInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaxiiServerView } from '../../../core/ipc/taxiiPublishChannels.ts';
import { invoke } from '../ipc/client.ts';

type Auth = TaxiiServerView['auth'];

interface Props {
  server: TaxiiServerView | null;
  secretsPersistent: boolean;
  onClose: () => void;
  onSaved: (server: TaxiiServerView) => void;
}

export function TaxiiServerForm({ server, secretsPersistent, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(server?.title ?? '');
  const [url, setUrl] = useState(server?.url ?? '');
  const [auth, setAuth] = useState<Auth>(server?.auth ?? 'basic');
  const [username, setUsername] = useState(server?.username ?? '');
  const [secret, setSecret] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const saved = await invoke('taxii-publish:save-server', {
        ...(server ? { id: server.id } : {}),
        title: title.trim(),
        url: url.trim(),
        auth,
        ...(auth === 'basic' ? { username } : {}),
        // Empty keeps the stored secret when editing; none is needed without sign-in.
        ...(auth !== 'none' && secret !== '' ? { secret } : {}),
      });
      onSaved(saved);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setSaving(false);
    }
  };

  const secretLabel = auth === 'bearer' ? t('exports.taxii.form.token') : t('exports.taxii.form.password');
  const secretHint = [server?.secretSet ? t('exports.taxii.form.secretKept') : null, secretsPersistent ? t('exports.taxii.form.secretKeychain') : t('exports.taxii.form.secretMemory')].filter(Boolean).join(' ');

  return (
    <Modal opened onClose={saving ? () => undefined : onClose} title={t('exports.taxii.form.title')} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Stack gap="sm">
          <TextInput label={t('exports.taxii.form.name')} value={title} onChange={(event) => setTitle(event.currentTarget.value)} required data-autofocus data-testid="taxii-server-name" />
          <TextInput label={t('exports.taxii.form.url')} description={t('exports.taxii.form.urlHint')} value={url} onChange={(event) => setUrl(event.currentTarget.value)} required type="url" data-testid="taxii-server-url" />
          <Select
            label={t('exports.taxii.form.auth')}
            value={auth}
            onChange={(value) => setAuth(value === 'none' || value === 'bearer' ? value : 'basic')}
            data={[
              { value: 'none', label: t('exports.taxii.form.authNone') },
              { value: 'basic', label: t('exports.taxii.form.authBasic') },
              { value: 'bearer', label: t('exports.taxii.form.authBearer') },
            ]}
            allowDeselect={false}
            data-testid="taxii-server-auth"
          />
          {auth === 'basic' && <TextInput label={t('exports.taxii.form.username')} value={username} onChange={(event) => setUsername(event.currentTarget.value)} autoComplete="off" data-testid="taxii-server-username" />}
          {auth !== 'none' && <PasswordInput label={secretLabel} description={secretHint} value={secret} onChange={(event) => setSecret(event.currentTarget.value)} autoComplete="off" data-testid="taxii-server-secret" />}
          {error !== null && (
            <Text c="red" size="sm" role="alert">
              {error}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={saving}>
              {t('exports.taxii.form.cancel')}
            </Button>
            <Button type="submit" loading={saving} data-testid="taxii-server-save">
              {t('exports.taxii.form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
