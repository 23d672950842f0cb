/**
 * What the validator (core/stix/validate.ts, the one imports use) says about the object
 * a form built, per field and in the analyst's language. Warnings (a value outside an
 * open vocabulary) do not stop a save, so only errors are shown.
 */
import { useTranslation } from 'react-i18next';
import type { Issue } from '../../../../core/stix/issues.ts';
import type { JsonObject } from '../../../../core/stix/model/properties.ts';
import { validateObject } from '../../../../core/stix/validate.ts';
import { fieldOfIssue, fieldsFor } from './formModel.ts';
import { usePropertyLabel } from './ObjectForm.tsx';

export interface FormErrors {
  /** Field key → what is wrong with it. */
  byField: Record<string, string>;
  /** Problems of the whole object, or of fields the form does not show. */
  general: string[];
  count: number;
}

export function useFormErrors(): (type: string, object: JsonObject) => FormErrors {
  const { t, i18n } = useTranslation();
  const label = usePropertyLabel();
  const say = (issue: Issue): string => {
    const field = fieldOfIssue(issue.path);
    const key = i18n.exists(`curation.issues.${issue.rule}`) ? issue.rule : 'other';
    return t(`curation.issues.${key}` as 'curation.issues.other', { field: field ? label(field) : '', detail: issue.message });
  };
  return (type, object) => {
    const shown = new Set(fieldsFor(type).map((field) => field.key));
    const errors: FormErrors = { byField: {}, general: [], count: 0 };
    for (const issue of validateObject(object)) {
      if (issue.severity !== 'error') continue;
      errors.count += 1;
      const field = fieldOfIssue(issue.path);
      if (field && shown.has(field)) errors.byField[field] ??= say(issue);
      else errors.general.push(say(issue));
    }
    return errors;
  };
}
