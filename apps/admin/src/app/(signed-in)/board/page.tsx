import type { Metadata } from "next";
import { BoardView } from "~/features/board/board-view";
import { boardParamsFrom, boardQueryInput } from "~/features/board/board-params";
import { HydrateClient, serverApi } from "~/trpc/server";

export const metadata: Metadata = { title: "Dispatch board" };

export default async function BoardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = boardParamsFrom(await searchParams, new Date().toISOString().slice(0, 10));
  const api = await serverApi();
  // One batched request: the board (appointments, lanes, queue), offices and photographers.
  await Promise.all([api.appointment.board.prefetch(boardQueryInput(params)), api.directory.offices.prefetch(), api.directory.photographers.prefetch()]);
  return (
    <HydrateClient>
      <BoardView params={params} />
    </HydrateClient>
  );
}
