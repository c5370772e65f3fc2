/**
 * The tests' API server on a free loopback port: its origin, and a stop that
 * ends kept-alive connections first (server.close alone waits for them).
 */
import type http from "node:http";
import type { AddressInfo } from "node:net";

export interface Listening {
  origin: string;
  stop: () => Promise<void>;
}

export async function listenOnLoopback(server: http.Server): Promise<Listening> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
