/**
 * Settings → Your identity (issue 17): the analyst's name, organisation and optional
 * contact, written as an identity SDO that objects they create name as `created_by_ref`,
 * and the TLP every create form starts with.
 */
import { Alert, Button, Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TLP_ORDER, type TlpLevel } from '../../../core/stix/markings.ts';
import { useAction } from '../app/useAction.ts';
import { knowledgeBase, notifyKnowledgeChanged } from '../kb/client.ts';

export function AnalystIdentityCard() {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [contact, setContact] = useState('');
  const [tlp, setTlp] = useState<TlpLevel | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [stored, setStored] = useState(false);
  const { run, busy, error } = useAction();

  useEffect(() => {
    let live = true;
    void knowledgeBase().getAnalystProfile({}).then(({ profile }) => {
      if (!live || !profile) return;
      setName(profile.name);
      setOrganisation(profile.organisation ?? '');
      setContact(profile.contact ?? '');
      setTlp(profile.defaultTlp);
      setStored(true);
    });
    return () => {
      live = false;
    };
  }, []);

  const save = () =>
    run(async () => {
      setSaved(null);
      const { profile } = await knowledgeBase().saveAnalystProfile({ profile: { name, organisation, contact, defaultTlp: tlp } });
      notifyKnowledgeChanged();
      setStored(true);
      setSaved(t('curation.profile.saved', { name: profile.name }));
    });

  return (
    <Card withBorder radius="lg" padding="lg" data-testid="analyst-identity">
      <Stack gap="sm">
        <div>
          <Title order={3} size="h5">
            {t('curation.profile.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('curation.profile.help')}
          </Text>
        </div>
        {!stored && (
          <Text size="sm" c="yellow.8">
            {t('curation.profile.notSet')}
          </Text>
        )}
        <Group grow align="flex-start">
          <TextInput label={t('curation.profile.name')} required value={name} onChange={(event) => setName(event.currentTarget.value)} data-testid="analyst-name" />
          <TextInput label={t('curation.profile.organisation')} value={organisation} onChange={(event) => setOrganisation(event.currentTarget.value)} data-testid="analyst-organisation" />
        </Group>
        <Group grow align="flex-start">
          <TextInput label={t('curation.profile.contact')} value={contact} onChange={(event) => setContact(event.currentTarget.value)} data-testid="analyst-contact" />
          <Select
            label={t('curation.profile.defaultTlp')}
            description={t('curation.profile.defaultTlpHelp')}
            data={TLP_ORDER.map((level) => ({ value: level, label: `TLP:${level.toUpperCase()}` }))}
            value={tlp}
            onChange={(value) => setTlp(TLP_ORDER.find((level) => level === value) ?? null)}
            clearable
            placeholder={t('curation.profile.noTlp')}
            data-testid="analyst-tlp"
          />
        </Group>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {saved && (
          <Alert color="green" data-testid="analyst-saved">
            {saved}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button onClick={() => void save()} loading={busy} disabled={name.trim() === ''} data-testid="analyst-save">
            {t('curation.profile.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
