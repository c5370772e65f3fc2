import type { Metadata } from "next";
import { WebhooksView } from "~/features/webhooks/webhooks-view";
import { HydrateClient, serverApi } from "~/trpc/server";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  await (await serverApi()).webhook.list.prefetch();
  return (
    <HydrateClient>
      <WebhooksView />
    </HydrateClient>
  );
}
