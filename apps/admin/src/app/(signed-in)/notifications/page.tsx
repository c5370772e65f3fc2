import type { Metadata } from "next";
import { NotificationsView } from "~/features/notifications/notifications-view";
import { HydrateClient, serverApi } from "~/trpc/server";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  await (await serverApi()).notification.list.prefetch();
  return (
    <HydrateClient>
      <NotificationsView />
    </HydrateClient>
  );
}
