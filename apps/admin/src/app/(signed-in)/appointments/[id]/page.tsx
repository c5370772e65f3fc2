import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AppointmentDetail } from "~/features/appointments/detail/appointment-detail";
import { planoErrorOf } from "~/trpc/errors";
import { HydrateClient, prefetchError, serverApi } from "~/trpc/server";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: `Appointment #${(await params).id}` };
}

export default async function AppointmentPage({ params }: { params: Promise<{ id: string }> }) {
  const raw = (await params).id;
  if (!/^\d{1,10}$/.test(raw)) notFound();
  const id = Number(raw);
  const api = await serverApi();
  await Promise.all([
    api.appointment.byId.prefetch({ id }),
    api.appointment.history.prefetch({ id }),
    api.directory.offices.prefetch(),
    api.directory.photographers.prefetch(),
  ]);
  if (planoErrorOf(prefetchError("appointment.byId"))?.reason === "not-found") notFound();
  return (
    <HydrateClient>
      <AppointmentDetail id={id} />
    </HydrateClient>
  );
}
