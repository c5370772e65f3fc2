/** A stand-in for Mandrill that accepts every email, on the port the API server sends to. */
import http from "node:http";

export async function acceptEmailsOn(port: number): Promise<{ received: number; close(): Promise<void> }> {
  const state = { received: 0 };
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      state.received += 1;
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify([{ status: "sent", _id: `e2e-${state.received}`, reject_reason: null }]));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    get received() {
      return state.received;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
