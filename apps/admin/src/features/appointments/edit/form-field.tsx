"use client";
/**
 * One appointment field as a labelled input, picked by the field's legacy
 * type (checkbox, date, time, number, text), registered with the form, and
 * showing its error (client or server) underneath.
 */
import { appointmentFields, legacyName } from "@plano/schema";
import type { ReactNode } from "react";
import { CheckboxField, Field, inputClasses } from "~/components/ui/field";
import type { WritableKey } from "./form-model";
import { fieldLabels } from "./field-labels";
import type { AppointmentFormState } from "./use-appointment-form";

const legacyTypeOf = new Map<string, string>(appointmentFields.map((field) => [field.key, field.type]));
const inputTypeFor: Record<string, string> = { date: "date", time: "time", integer: "number", string: "text" };

export interface FormFieldProps {
  state: AppointmentFormState;
  name: WritableKey;
  /** Derived or server-kept: shown, not typed into. */
  readOnly?: boolean;
  multiline?: boolean;
  /** A <select> instead of an input: its options. */
  options?: ReactNode;
  /** Hide the label visually (a grid's headers already say it); screen readers still hear it. */
  compact?: boolean;
  /** Called after the value changed (the schedule re-derives). */
  onTyped?: (name: WritableKey) => void;
  /** Suggestions: the id of a <datalist>. */
  list?: string;
  className?: string;
  autoFocus?: boolean;
}

export function FormField({ state, name, readOnly, multiline, options, compact, onTyped, list, className, autoFocus }: FormFieldProps) {
  const { form } = state;
  const error = form.formState.errors[name]?.message;
  const registration = form.register(name, { onChange: () => onTyped?.(name) });
  const legacyType = legacyTypeOf.get(name) ?? "string";
  const label = <span className={compact ? "sr-only" : undefined}>{fieldLabels[name]}</span>;
  // FileMaker users know the legacy parameter name: a tooltip, not a grey label beside every field.
  const title = legacyTitle(name);

  if (legacyType === "boolean") {
    return <CheckboxField label={fieldLabels[name]} error={error} disabled={readOnly} title={title} {...registration} />;
  }
  return (
    <Field label={label} error={error} className={className}>
      {(control) =>
        options ? (
          // biome-ignore lint/a11y/noAutofocus: only a caller that opens a field for editing (a dialog's first field) passes it.
          <select {...control} {...registration} disabled={readOnly} title={title} autoFocus={autoFocus} className={inputClasses}>
            {options}
          </select>
        ) : multiline ? (
          <textarea {...control} {...registration} readOnly={readOnly} rows={3} title={title} className={inputClasses} />
        ) : (
          <input
            {...control}
            {...registration}
            readOnly={readOnly}
            title={title}
            list={list}
            type={inputTypeFor[legacyType] ?? "text"}
            className={`${inputClasses} ${readOnly ? "bg-slate-50 text-slate-600" : ""}`}
          />
        )
      }
    </Field>
  );
}

/** The tooltip naming a field's FileMaker (legacy API) parameter. */
export const legacyTitle = (name: WritableKey) => `FileMaker parameter: ${legacyName(name)}`;

/** A select's options: a "none" entry, then one per record. */
export function recordOptions<T extends { id: number }>(records: readonly T[], none: string, labelOf: (record: T) => string): ReactNode {
  return (
    <>
      <option value="">{none}</option>
      {records.map((record) => (
        <option key={record.id} value={record.id}>
          {labelOf(record)}
        </option>
      ))}
    </>
  );
}
