/**
 * A TCP proxy on 127.0.0.1 that damages connections on purpose: it cuts a connection after a
 * number of bytes from the client, holds it silent for a while, or trickles it slowly. Each new
 * connection asks `plan` what to do; faults are bounded by whoever writes the plan.
 */
import net from 'node:net';

export type Fault =
  | { kind: 'pass' }
  /** Forward this many bytes from the client, then drop both sides. */
  | { kind: 'cut'; afterBytes: number }
  /** Forward this many bytes, then forward nothing more in either direction (the client must give up). */
  | { kind: 'stall'; afterBytes: number }
  /** Forward in small pieces with a pause between them. */
  | { kind: 'slow'; chunkBytes: number; delayMs: number };

export interface FaultyProxy {
  url: string;
  port: number;
  faults: Record<Fault['kind'], number>;
  close(): Promise<void>;
}

export async function startFaultyProxy(targetPort: number, plan: (connection: number) => Fault): Promise<FaultyProxy> {
  const faults: Record<Fault['kind'], number> = { pass: 0, cut: 0, stall: 0, slow: 0 };
  const sockets = new Set<net.Socket>();
  let n = 0;
  const server = net.createServer((client) => {
    const fault = plan(n++);
    faults[fault.kind]++;
    const upstream = net.connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    let forwarded = 0;
    let stalled = false;
    upstream.on('data', (d: Buffer) => {
      if (!stalled) client.write(d);
    });
    if (fault.kind === 'slow') {
      // Trickle both directions: pause the source while a piece waits its turn.
      const trickle = (from: net.Socket, to: net.Socket) => {
        from.removeAllListeners('data');
        from.on('data', (d: Buffer) => {
          from.pause();
          let i = 0;
          const step = () => {
            if (to.destroyed) return;
            to.write(d.subarray(i, i + fault.chunkBytes));
            i += fault.chunkBytes;
            if (i < d.length) setTimeout(step, fault.delayMs);
            else from.resume();
          };
          step();
        });
      };
      trickle(client, upstream);
      return;
    }
    client.on('data', (d: Buffer) => {
      if (stalled) return;
      if (fault.kind === 'pass') return void upstream.write(d);
      const room = fault.afterBytes - forwarded;
      if (d.length < room) {
        forwarded += d.length;
        return void upstream.write(d);
      }
      upstream.write(d.subarray(0, Math.max(0, room)));
      forwarded = fault.afterBytes;
      if (fault.kind === 'cut') setImmediate(end);
      else stalled = true;
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    faults,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
