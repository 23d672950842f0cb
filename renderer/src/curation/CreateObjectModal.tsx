/**
 * "New…" (issue 17): choose a kind of object, fill in its generated form, create it. From
 * an object's page the new one is linked to it by a relationship of a type the spec
 * defines for the pair; an observable that already exists (same deterministic id) is
 * opened instead of written again. Objects are credited to the analyst (Settings).
 */
import { Alert, Anchor, Modal, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { randomId } from '../../../core/stix/ids.ts';
import type { TlpLevel } from '../../../core/stix/markings.ts';
import { relationshipTypesFor } from '../../../core/stix/model/sros.ts';
import { useAction } from '../app/useAction.ts';
import { DialogActions } from '../investigate/DialogActions.tsx';
import { knowledgeBase, notifyKnowledgeChanged } from '../kb/client.ts';
import { containerTypes } from '../knowledge/stixTypes.ts';
import { useTypeName } from '../knowledge/TypeLabel.tsx';
import { useRouteStore } from '../stores/routeStore.ts';
import { useSelectionStore } from '../stores/selectionStore.ts';
import { useUndoStore } from '../versions/undoStore.ts';
import { buildObject, creatableTypes, valuesFrom, type FormValues } from './forms/formModel.ts';
import { FormErrorsAlert } from './forms/FormErrorsAlert.tsx';
import { ObjectForm } from './forms/ObjectForm.tsx';
import { useFormErrors, type FormErrors } from './forms/useFormErrors.ts';

export type CreateOffer = 'knowledge' | 'observables' | 'reports' | 'any';

interface CreateObjectModalProps {
  offer: CreateOffer;
  onClose: () => void;
  /** The object whose page this was opened from: the new one is related to it. */
  relateTo?: { id: string; type: string; name: string };
  /** What to do with the new (or found) objects; by default the first one's page opens. */
  onCreated?: (ids: string[]) => void;
}

function useGroups(offer: CreateOffer) {
  const { t } = useTranslation();
  const typeName = useTypeName();
  return useMemo(() => {
    const all = creatableTypes();
    const sdo = offer === 'reports' ? all.sdo.filter((type) => containerTypes.includes(type)) : all.sdo;
    const groups = offer === 'observables' ? [['sco', all.sco]] as const : offer === 'reports' ? [['sdo', sdo]] as const : [['sdo', sdo], ['sco', all.sco], ['sro', all.sro]] as const;
    return groups.map(([group, types]) => ({ group: t(`curation.create.groups.${group}`), items: types.map((type) => ({ value: type, label: typeName(type) })) }));
  }, [offer, t, typeName]);
}

export function CreateObjectModal({ offer, onClose, relateTo, onCreated }: CreateObjectModalProps) {
  const { t } = useTranslation();
  const typeName = useTypeName();
  const groups = useGroups(offer);
  const check = useFormErrors();
  const [type, setType] = useState<string | null>(null);
  const [values, setValues] = useState<FormValues>({});
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [profile, setProfile] = useState<{ name: string; defaultTlp: TlpLevel | null } | null | undefined>(undefined);
  const [direction, setDirection] = useState<'out' | 'in'>('out');
  const [relationType, setRelationType] = useState<string | null>(null);
  const { run, busy, error } = useAction();

  useEffect(() => {
    void knowledgeBase().getAnalystProfile({}).then(({ profile: stored }) => setProfile(stored), () => setProfile(null));
  }, []);

  const choose = (next: string | null) => {
    setType(next);
    setErrors(null);
    setRelationType(null);
    if (next) setValues(valuesFrom(next, undefined, { tlp: profile?.defaultTlp ?? null, now: new Date().toISOString() }));
  };

  const relationChoices = useMemo(() => {
    if (!relateTo || !type) return [];
    return direction === 'out' ? relationshipTypesFor(type, relateTo.type) : relationshipTypesFor(relateTo.type, type);
  }, [relateTo, type, direction]);
  const relation = relationType !== null && relationChoices.includes(relationType) ? relationType : (relationChoices[0] ?? 'related-to');

  const save = () =>
    run(async () => {
      if (!type) return;
      const now = new Date().toISOString();
      const object = buildObject(type, values, now);
      const found = check(type, object);
      setErrors(found);
      if (found.count > 0) return;
      const objects = [object];
      if (relateTo) {
        const [source, target] = direction === 'out' ? [object['id'], relateTo.id] : [relateTo.id, object['id']];
        objects.push({ type: 'relationship', spec_version: '2.1', id: randomId('relationship'), created: now, modified: now, relationship_type: relation, source_ref: source, target_ref: target });
      }
      const result = await knowledgeBase().createObjects({ objects });
      notifyKnowledgeChanged();
      const first = result.objects[0];
      if (!first) return;
      onClose();
      // Like an edit, a create can be taken back from the undo notice (nothing to undo when the observable existed).
      // A sighting or relationship has no name of its own: the notice names its kind, never its id.
      const named = first.summary.name && first.summary.name !== first.summary.id ? first.summary.name : typeName(first.summary.type);
      if (!first.existed) useUndoStore.getState().offerUndo({ message: t('curation.create.created', { name: named }), undoId: result.undoId });
      if (onCreated) onCreated(result.objects.map((created) => created.summary.id));
      // An observable that was already stored is opened: that is the one the analyst typed.
      if (!onCreated || first.existed) useSelectionStore.getState().openDetail(first.summary.id);
    });

  return (
    <Modal opened onClose={onClose} title={type ? t('curation.create.titleOf', { type: typeName(type) }) : t('curation.create.title')} size="xl">
      <Stack gap="md" data-testid="create-object">
        {profile === null && (
          <Alert color="yellow" data-testid="create-no-profile">
            {t('curation.create.noProfile')}{' '}
            <Anchor size="sm" onClick={() => { onClose(); useRouteStore.getState().navigate('settings'); }}>
              {t('nav.settings')}
            </Anchor>
          </Alert>
        )}
        <Select label={t('curation.create.chooseType')} description={t('curation.create.chooseTypeHint')} data={groups} value={type} onChange={choose} searchable required data-autofocus data-testid="create-type" />
        {type && relateTo && (
          <Stack gap={6}>
            <SegmentedControl size="xs" value={direction} onChange={(next) => setDirection(next === 'in' ? 'in' : 'out')} data={[{ value: 'out', label: t('curation.create.directions.out', { name: relateTo.name }) }, { value: 'in', label: t('curation.create.directions.in', { name: relateTo.name }) }]} aria-label={t('curation.create.direction')} />
            <Select label={t('curation.create.relateAs', { name: relateTo.name })} description={t('curation.create.relateTypeHint', { count: relationChoices.length })} data={relationChoices} value={relation} onChange={setRelationType} allowDeselect={false} searchable data-testid="create-relation-type" />
          </Stack>
        )}
        {type && (
          <>
            <Text size="xs" c="dimmed">
              {t('curation.create.requiredHint')}
            </Text>
            <ObjectForm type={type} values={values} errors={errors?.byField ?? {}} onChange={(key, value) => setValues((current) => ({ ...current, [key]: value }))} />
          </>
        )}
        <FormErrorsAlert errors={errors} />
        <DialogActions error={error} busy={busy} disabled={!type} label={t('curation.create.save')} testId="create-save" onCancel={onClose} onConfirm={() => void save()} />
      </Stack>
    </Modal>
  );
}
