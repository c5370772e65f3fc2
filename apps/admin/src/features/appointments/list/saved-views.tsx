"use client";
/**
 * Saved views: the list's filters under a name, stored on the server per user
 * (`view.*`); a shared one is offered to every colleague. Opening a view is
 * following its link, so a view is also just a URL to send.
 */
import Link from "next/link";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { CheckboxField, Field, inputClasses } from "~/components/ui/field";
import { LazyDialog as Dialog } from "~/components/ui/lazy-dialog";
import { Notice } from "~/components/ui/notice";
import { errorMessageOf } from "~/trpc/errors";
import { api } from "~/trpc/react";

export function SavedViews({ query }: { query: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Views…
      </Button>
      {open ? <ViewsDialog query={query} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function ViewsDialog({ query, onClose }: { query: string; onClose: () => void }) {
  const views = api.view.list.useQuery();
  const utils = api.useUtils();
  const save = api.view.save.useMutation({ onSuccess: () => utils.view.list.invalidate() });
  const remove = api.view.delete.useMutation({ onSuccess: () => utils.view.list.invalidate() });
  const [name, setName] = useState("");
  const [shared, setShared] = useState(false);

  return (
    <Dialog open onOpenChange={(next) => (next ? undefined : onClose())} title="Saved views" description="Your views, and the ones colleagues share.">
      <form
        noValidate
        className="flex flex-col gap-2 border-b border-slate-200 pb-4"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate({ name, query, shared }, { onSuccess: () => setName("") });
        }}
      >
        <Field label="Save the current filters as">
          {(control) => <input {...control} value={name} onChange={(e) => setName(e.target.value)} className={inputClasses} autoFocus />}
        </Field>
        <CheckboxField label="Share with colleagues" checked={shared} onChange={(e) => setShared(e.currentTarget.checked)} />
        {save.error ? <Notice tone="error">{errorMessageOf(save.error)}</Notice> : null}
        <div>
          <Button type="submit" disabled={save.isPending || name.trim() === ""}>
            Save view
          </Button>
        </div>
      </form>
      <ul className="mt-3 flex flex-col gap-1" aria-label="Saved views">
        {views.data?.length === 0 ? <li className="text-sm text-slate-600">No saved views yet.</li> : null}
        {views.data?.map((view) => (
          <li key={view.id} className="flex flex-wrap items-center justify-between gap-2 text-sm">
            <Link href={`/appointments?${view.query}`} onClick={onClose} className="font-medium text-indigo-700 underline">
              {view.name}
            </Link>
            <span className="text-slate-600">
              {view.mine ? (view.shared ? "yours, shared" : "yours") : `shared by ${view.ownerName}`}
              {view.mine ? (
                <Button variant="ghost" className="ml-2" onClick={() => remove.mutate({ id: view.id })} aria-label={`Delete view ${view.name}`}>
                  Delete
                </Button>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
