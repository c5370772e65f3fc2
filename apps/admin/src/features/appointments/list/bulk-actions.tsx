"use client";
/**
 * One change to one row or to many: confirm, cancel with a reason, reassign,
 * move by N days. Everything goes through `appointment.bulk` (each row with
 * the version the list read, each through the single procedures' rules), in
 * chunks so a long run shows its progress; the outcome is reported per row.
 */
import type { BulkChange, BulkRowResult } from "@plano/schema";
import Link from "next/link";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { LazyDialog as Dialog } from "~/components/ui/lazy-dialog";
import { Field, inputClasses } from "~/components/ui/field";
import { Notice } from "~/components/ui/notice";
import { errorMessageOf } from "~/trpc/errors";
import { api } from "~/trpc/react";
import { PhotographerPicker, type PickerSlot } from "../photographer-picker/photographer-picker";

export interface RowRef {
  id: number;
  updatedAtMt: string;
}

/** Rows per request: small enough that progress moves, large enough that 500 rows are 10 requests. */
const CHUNK = 50;

export interface BulkRun {
  total: number;
  applied: number;
  results: BulkRowResult[];
  error: string | null;
  running: boolean;
  label: string;
}

export function useBulkRunner(onFinished: (results: BulkRowResult[]) => void) {
  const bulk = api.appointment.bulk.useMutation();
  const [run, setRun] = useState<BulkRun | null>(null);

  async function start(label: string, change: BulkChange, rows: RowRef[]) {
    const results: BulkRowResult[] = [];
    setRun({ total: rows.length, applied: 0, results, error: null, running: true, label });
    for (let at = 0; at < rows.length; at += CHUNK) {
      try {
        const answer = await bulk.mutateAsync({ change, rows: rows.slice(at, at + CHUNK) });
        results.push(...answer.results);
        setRun({ total: rows.length, applied: results.length, results: [...results], error: null, running: true, label });
      } catch (error) {
        setRun({ total: rows.length, applied: results.length, results: [...results], error: errorMessageOf(error), running: false, label });
        onFinished(results);
        return;
      }
    }
    setRun({ total: rows.length, applied: results.length, results, error: null, running: false, label });
    onFinished(results);
  }

  return { run, start, dismiss: () => setRun(null) };
}

export function BulkProgress({ run, onDismiss }: { run: BulkRun; onDismiss: () => void }) {
  const count = (status: BulkRowResult["status"]) => run.results.filter((r) => r.status === status).length;
  const problems = run.results.filter((r) => r.status !== "done" || r.reason);
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3 text-sm" data-testid="bulk-progress">
      {run.running ? (
        <div role="status">
          <p>
            {run.label}: {run.applied} of {run.total}…
          </p>
          <progress className="mt-1 w-full" max={run.total} value={run.applied} aria-label={`${run.label} progress`} />
        </div>
      ) : (
        <div role="status" className="flex flex-wrap items-center justify-between gap-2">
          <p>
            <strong>{run.label}:</strong> {count("done")} done, {count("conflict")} changed by someone else meanwhile, {count("invalid")} not possible.
          </p>
          <Button variant="ghost" onClick={onDismiss}>
            Dismiss
          </Button>
        </div>
      )}
      {run.error ? <Notice tone="error">{run.error}</Notice> : null}
      {problems.length > 0 ? (
        <ul className="mt-2 list-disc pl-5">
          {problems.map((r) => (
            <li key={r.id}>
              <Link href={`/appointments/${r.id}`} className="text-indigo-700 underline">
                #{r.id}
              </Link>{" "}
              {r.status === "conflict"
                ? "was changed by someone else; reload the list and try again."
                : r.status === "invalid"
                  ? r.reason
                  : `done; ${r.reason}`}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** The dialogs that collect a change's details; confirm needs none. */
export type ChangeRequest = { kind: "cancel" } | { kind: "reassign"; slot: PickerSlot | null; timeZone: string } | { kind: "move" };

export function ChangeDialog({
  request,
  count,
  onApply,
  onClose,
}: {
  request: ChangeRequest;
  count: number;
  onApply: (change: BulkChange, label: string) => void;
  onClose: () => void;
}) {
  const [reason, setReason] = useState("");
  const [days, setDays] = useState("1");
  const [photographer, setPhotographer] = useState<{ id: number; name: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const what = count === 1 ? "this appointment" : `${count} appointments`;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (request.kind === "cancel") {
      if (reason.trim() === "") return setError("reason: a cancellation needs a reason");
      return onApply({ kind: "cancel", reason: reason.trim() }, `Cancel ${what}`);
    }
    if (request.kind === "move") {
      const n = Number(days);
      if (!Number.isInteger(n) || n === 0 || Math.abs(n) > 366) return setError("days: a whole number of days, not 0, at most 366 either way");
      return onApply({ kind: "move", days: n }, `Move ${what} by ${n} day${Math.abs(n) === 1 ? "" : "s"}`);
    }
    return onApply({ kind: "reassign", photographerUserId: photographer?.id ?? null }, `Reassign ${what}`);
  }

  const titles = { cancel: `Cancel ${what}`, reassign: `Reassign ${what}`, move: `Move ${what}` } as const;
  const descriptions = {
    cancel: "Each client is told by email. Say why.",
    reassign: "Choose who shoots it; each appointment keeps its time.",
    move: "Each appointment keeps its local time and length; negative days move it earlier.",
  } as const;
  return (
    <Dialog open onOpenChange={(open) => (open ? undefined : onClose())} title={titles[request.kind]} description={descriptions[request.kind]}>
      <form noValidate onSubmit={submit} className="flex flex-col gap-3">
        {request.kind === "cancel" ? (
          <Field label="Reason" error={error ?? undefined}>
            {(control) => <textarea {...control} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} className={inputClasses} autoFocus />}
          </Field>
        ) : null}
        {request.kind === "move" ? (
          <Field label="Days" error={error ?? undefined}>
            {(control) => (
              <input
                {...control}
                type="number"
                step={1}
                min={-366}
                max={366}
                value={days}
                onChange={(e) => setDays(e.target.value)}
                className={inputClasses}
                autoFocus
              />
            )}
          </Field>
        ) : null}
        {request.kind === "reassign" ? (
          <PhotographerPicker value={photographer?.id ?? null} onChange={setPhotographer} slot={request.slot} timeZone={request.timeZone} />
        ) : null}
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Back
          </Button>
          <Button type="submit" variant={request.kind === "cancel" ? "danger" : "primary"}>
            {titles[request.kind]}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
