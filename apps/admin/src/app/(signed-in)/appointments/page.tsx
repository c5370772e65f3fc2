import type { Metadata } from "next";
import { AppointmentsView } from "~/features/appointments/list/appointments-view";
import { listInputFromParams } from "~/features/appointments/list/parse-list-params";
import { HydrateClient, serverApi } from "~/trpc/server";

export const metadata: Metadata = { title: "Appointments" };

export default async function AppointmentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const input = listInputFromParams(await searchParams);
  const api = await serverApi();
  // Awaited (one batched request to the API server) so the first paint already shows the rows.
  await Promise.all([api.appointment.list.prefetch(input), api.directory.offices.prefetch(), api.directory.photographers.prefetch()]);
  return (
    <HydrateClient>
      <AppointmentsView input={input} />
    </HydrateClient>
  );
}
