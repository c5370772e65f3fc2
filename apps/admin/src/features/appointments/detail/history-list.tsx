"use client";
/**
 * The appointment's audit log in words: "Moved from Tue 3 Nov 15:45 to 17:15
 * (Berlin) by Sam Scheduler, via FileMaker", with names instead of ids and
 * times in the appointment's zone and in UTC; the field-by-field detail below.
 */
import { type AppointmentChangeEntry, legacyName } from "@plano/schema";
import { Notice, Spinner } from "~/components/ui/notice";
import { usePhotographers } from "~/features/directory/use-directory";
import { errorMessageOf } from "~/trpc/errors";
import { api } from "~/trpc/react";
import { fieldLabels } from "../edit/field-labels";
import { type CurrentStart, describeChange, shownValue, wordsAt } from "./history-words";

export function HistoryList({ appointmentId, timeZone, current }: { appointmentId: number; timeZone: string; current?: CurrentStart }) {
  const history = api.appointment.history.useQuery({ id: appointmentId });
  const photographers = usePhotographers().data ?? [];
  const nameOf = (id: unknown) => (typeof id === "number" ? (photographers.find((p) => p.id === id)?.name ?? `user ${id}`) : null);
  if (history.error)
    return (
      <Notice tone="error" title="The history could not be loaded.">
        {errorMessageOf(history.error)}
      </Notice>
    );
  if (!history.data) return <Spinner label="Loading history…" />;
  if (history.data.length === 0) return <p className="text-sm text-slate-600">No changes recorded.</p>;
  return (
    <ol className="flex flex-col gap-3" aria-label="Changes, newest first">
      {history.data.map((entry: AppointmentChangeEntry) => {
        const words = describeChange(entry, timeZone, nameOf, current);
        return (
          <li key={entry.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="history-entry">
            <p className="text-sm font-medium">{words.sentence}</p>
            {words.utc ? <p className="text-xs text-slate-600">{words.utc}</p> : null}
            <p className="text-xs text-slate-600">{wordsAt(entry.at, timeZone)}</p>
            <details className="mt-2 text-sm">
              <summary className="cursor-pointer text-slate-700">Fields changed ({Object.keys(entry.changes).length})</summary>
              <table className="mt-2">
                <tbody>
                  {Object.entries(entry.changes).map(([field, change]) => (
                    <tr key={field}>
                      <th scope="row" className="pr-3 text-left align-top font-medium text-slate-700" title={`FileMaker parameter: ${legacyName(field)}`}>
                        {fieldLabels[field as keyof typeof fieldLabels] ?? legacyName(field)}
                      </th>
                      <td className="text-slate-600 line-through decoration-slate-400">{shownValue(field, change.before, timeZone, nameOf)}</td>
                      <td className="px-2" aria-hidden>
                        →
                      </td>
                      <td>{shownValue(field, change.after, timeZone, nameOf)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </li>
        );
      })}
    </ol>
  );
}
