/**
 * Edit (issue 17, point 2): the create form, prefilled with the stored version. Saving
 * writes a new version through the knowledge base's `editObject` (versions/, engineer B's
 * contract): same id and `created`, a later `modified`, the previous version kept in the
 * history; a version stored meanwhile (a feed ran) is refused rather than overwritten.
 */
import { Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JsonObject } from '../../../core/stix/model/properties.ts';
import { useAction } from '../app/useAction.ts';
import { DialogActions } from '../investigate/DialogActions.tsx';
import { knowledgeBase, notifyKnowledgeChanged } from '../kb/client.ts';
import { buildObject, valuesFrom, type FormValues } from './forms/formModel.ts';
import { FormErrorsAlert } from './forms/FormErrorsAlert.tsx';
import { ObjectForm } from './forms/ObjectForm.tsx';
import { useFormErrors, type FormErrors } from './forms/useFormErrors.ts';

interface EditRequest {
  id: string;
  object: JsonObject;
  expectedModified: string | undefined;
}
type EditApi = { editObject?: (request: EditRequest) => Promise<unknown> };

export function EditObjectModal({ stix, name, onClose }: { stix: JsonObject; name: string; onClose: () => void }) {
  const { t } = useTranslation();
  const type = String(stix['type']);
  const check = useFormErrors();
  const [values, setValues] = useState<FormValues>(() => valuesFrom(type, stix, { tlp: null, now: new Date().toISOString() }));
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const { run, busy, error } = useAction();

  const save = () =>
    run(async () => {
      // `modified` is the knowledge base's to set (strictly later than the stored one).
      const object = buildObject(type, values, new Date().toISOString(), stix);
      const found = check(type, object);
      setErrors(found);
      if (found.count > 0) return;
      const api = knowledgeBase() as unknown as EditApi;
      if (typeof api.editObject !== 'function') throw new Error(t('curation.editUnavailable'));
      await api.editObject({ id: String(stix['id']), object, expectedModified: typeof stix['modified'] === 'string' ? stix['modified'] : undefined });
      notifyKnowledgeChanged();
      onClose();
    });

  return (
    <Modal opened onClose={onClose} title={t('curation.editTitle', { name })} size="xl">
      <Stack gap="md" data-testid="edit-object">
        <Text size="xs" c="dimmed">
          {t('curation.create.requiredHint')}
        </Text>
        <ObjectForm type={type} values={values} errors={errors?.byField ?? {}} onChange={(key, value) => setValues((current) => ({ ...current, [key]: value }))} />
        <FormErrorsAlert errors={errors} />
        <DialogActions error={error} busy={busy} label={t('curation.saveEdit')} testId="edit-save" onCancel={onClose} onConfirm={() => void save()} />
      </Stack>
    </Modal>
  );
}
