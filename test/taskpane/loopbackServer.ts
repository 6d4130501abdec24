// A real HTTP server on loopback for an express app the test writes, answering as a route of the
// add-in server would: the pane's fetch goes over the network to it, nothing of ours is mocked.
import type { AddressInfo } from "node:net";
import type { Express } from "express";

export interface LoopbackServer {
  /** "http://127.0.0.1:PORT" */
  readonly origin: string;
  close(): Promise<void>;
}

export function listenOnLoopback(app: Express): Promise<LoopbackServer> {
  return new Promise((resolve, reject) => {
    const server = app.listen(0, "127.0.0.1", (error?: Error) => {
      if (error !== undefined) return reject(error);
      resolve({
        origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
