"use client";
/** The appointment's audit log: who changed what, when, and through which door. */
import { legacyName } from "@plano/schema";
import { Notice, Spinner } from "~/components/ui/notice";
import { formatInstantUtc } from "~/lib/time-display";
import { errorMessageOf } from "~/trpc/errors";
import { api } from "~/trpc/react";
import { fieldLabels } from "../edit/field-labels";

const channelNames: Record<string, string> = { admin: "Admin", trpc: "tRPC API", rest: "REST API (v1)", cli: "Command line" };

function shown(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  return typeof value === "string" ? value : JSON.stringify(value);
}

export function HistoryList({ appointmentId }: { appointmentId: number }) {
  const history = api.appointment.history.useQuery({ id: appointmentId });
  if (history.error) return <Notice tone="error" title="The history could not be loaded.">{errorMessageOf(history.error)}</Notice>;
  if (!history.data) return <Spinner label="Loading history…" />;
  if (history.data.length === 0) return <p className="text-sm text-slate-500">No changes recorded.</p>;
  return (
    <ol className="flex flex-col gap-3" aria-label="Changes, newest first">
      {history.data.map((entry) => (
        <li key={entry.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="history-entry">
          <p className="text-sm">
            <span className="font-semibold capitalize">{entry.action}</span> by <span className="font-medium">{entry.actor}</span>
            <span className="text-slate-500">
              {" "}
              · {formatInstantUtc(entry.at)} · {channelNames[entry.channel] ?? entry.channel}
              {entry.application ? ` (${entry.application})` : ""}
            </span>
          </p>
          <table className="mt-2 text-sm">
            <tbody>
              {Object.entries(entry.changes).map(([field, change]) => (
                <tr key={field}>
                  <th scope="row" className="pr-3 text-left font-medium text-slate-700">
                    {fieldLabels[field as keyof typeof fieldLabels] ?? legacyName(field)}
                  </th>
                  <td className="text-slate-500 line-through decoration-slate-300">{shown(change.before)}</td>
                  <td className="px-2" aria-hidden>
                    →
                  </td>
                  <td>{shown(change.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </li>
      ))}
    </ol>
  );
}
