import type { Metadata } from "next";
import { NewAppointment } from "~/features/appointments/detail/new-appointment";
import { HydrateClient, serverApi } from "~/trpc/server";

export const metadata: Metadata = { title: "New appointment" };

export default async function NewAppointmentPage() {
  const api = await serverApi();
  await Promise.all([api.directory.offices.prefetch(), api.directory.photographers.prefetch()]);
  return (
    <HydrateClient>
      <NewAppointment />
    </HydrateClient>
  );
}
