"use client";
/**
 * Someone saved this appointment after it was opened here. Shows, for every
 * field this user changed, the value they started from, the value saved in
 * the meantime ("theirs") and theirs ("mine"), and lets them keep either per
 * field, or reload. Nothing is sent until they decide; where both sides
 * changed a field there is no default choice.
 */
import type { Appointment } from "@plano/schema";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { Dialog } from "~/components/ui/dialog";
import { type ApiValue, type WritableKey, toApiValue, toFormValue, writableKeys } from "./form-model";
import { fieldLabels } from "./field-labels";
import type { AppointmentPatchValues } from "./use-appointment-form";

type Choice = "theirs" | "mine";

const comparable = (key: WritableKey, appointment: Appointment | null) => toApiValue(key, toFormValue(key, appointment?.[key] ?? null)) ?? null;

function shown(key: WritableKey, value: ApiValue | undefined): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  return String(toFormValue(key, value));
}

export interface ConflictResolution {
  /** The fields to save on top of theirs (those where "mine" was chosen). */
  keep: AppointmentPatchValues;
  theirs: Appointment;
}

export function ConflictDialog({
  base,
  theirs,
  mine,
  onResolve,
  onReload,
  onDismiss,
}: {
  base: Appointment;
  theirs: Appointment;
  mine: AppointmentPatchValues;
  onResolve: (resolution: ConflictResolution) => void;
  onReload: (theirs: Appointment) => void;
  /** Closed without deciding (Escape): the edits stay in the form, unsaved; saving again asks again. */
  onDismiss: () => void;
}) {
  const mineKeys = Object.keys(mine) as WritableKey[];
  const changedByThem = (key: WritableKey) => comparable(key, theirs) !== comparable(key, base);
  const [choices, setChoices] = useState<Partial<Record<WritableKey, Choice>>>(() =>
    Object.fromEntries(mineKeys.filter((key) => !changedByThem(key)).map((key) => [key, "mine"])),
  );
  const theirOtherChanges = writableKeys.filter((key) => !(key in mine) && changedByThem(key));
  const undecided = mineKeys.filter((key) => choices[key] === undefined);

  function resolve() {
    const keep = Object.fromEntries(mineKeys.filter((key) => choices[key] === "mine").map((key) => [key, mine[key]]));
    onResolve({ keep, theirs });
  }

  return (
    <Dialog
      open
      wide
      onOpenChange={(open) => (open ? undefined : onDismiss())}
      title="Someone else saved this appointment"
      description={`${theirs.updatedBy ?? "Another user"} saved it after you opened it. Choose, field by field, which value to keep.`}
    >
      <table className="w-full text-left text-sm">
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th scope="col" className="py-1 pr-2">
              Field
            </th>
            <th scope="col" className="py-1 pr-2">
              Was
            </th>
            <th scope="col" className="py-1 pr-2">
              Theirs (saved)
            </th>
            <th scope="col" className="py-1 pr-2">
              Mine
            </th>
            <th scope="col" className="py-1">
              Keep
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {mineKeys.map((key) => (
            <tr key={key} data-testid={`conflict-${key}`} className={changedByThem(key) ? "bg-amber-50" : undefined}>
              <th scope="row" className="py-2 pr-2 font-medium">
                {fieldLabels[key]}
              </th>
              <td className="py-2 pr-2 text-slate-500">{shown(key, comparable(key, base))}</td>
              <td className="py-2 pr-2">{shown(key, comparable(key, theirs))}</td>
              <td className="py-2 pr-2">{shown(key, mine[key])}</td>
              <td className="py-2">
                <fieldset className="flex gap-3">
                  <legend className="sr-only">Keep which value of {fieldLabels[key]}</legend>
                  {(["theirs", "mine"] as const).map((choice) => (
                    <label key={choice} className="flex items-center gap-1">
                      <input
                        type="radio"
                        name={`keep-${key}`}
                        checked={choices[key] === choice}
                        onChange={() => setChoices((current) => ({ ...current, [key]: choice }))}
                      />
                      Keep {choice}
                    </label>
                  ))}
                </fieldset>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {theirOtherChanges.length > 0 ? (
        <div className="mt-4 text-sm">
          <p className="font-medium">They also changed (kept as they saved it):</p>
          <ul className="list-disc pl-5 text-slate-700">
            {theirOtherChanges.map((key) => (
              <li key={key}>
                {fieldLabels[key]}: {shown(key, comparable(key, base))} → {shown(key, comparable(key, theirs))}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="mt-6 flex flex-wrap items-center justify-end gap-2">
        {undecided.length > 0 ? <p className="mr-auto text-sm text-amber-800">Choose a value for {undecided.length} field(s) you both changed.</p> : null}
        <Button variant="secondary" onClick={() => onReload(theirs)}>
          Reload (discard my changes)
        </Button>
        <Button variant="secondary" onClick={() => setChoices(Object.fromEntries(mineKeys.map((key) => [key, "mine"])))}>
          Keep all mine
        </Button>
        <Button onClick={resolve} disabled={undecided.length > 0}>
          Save my choices
        </Button>
      </div>
    </Dialog>
  );
}
