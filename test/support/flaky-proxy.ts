// A TCP proxy between the registers and HQ that the test can cut (every connection dropped, new
// ones refused by closing them at once), slow down (each chunk held back), and restore.
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export type ProxyMode = 'up' | 'down' | 'slow';

export interface FlakyProxy {
  port: number;
  setMode(mode: ProxyMode): void;
  close(): Promise<void>;
  stats: { cuts: number; slowSpells: number; dropped: number };
}

export async function startFlakyProxy(targetPort: number, maxDelayMs = 300): Promise<FlakyProxy> {
  let mode: ProxyMode = 'up';
  const live = new Set<Socket>();
  const stats = { cuts: 0, slowSpells: 0, dropped: 0 };
  const relay = (from: Socket, to: Socket) => {
    from.on('data', (chunk: Buffer) => {
      if (mode !== 'slow') {
        to.write(chunk);
        return;
      }
      from.pause();
      setTimeout(
        () => {
          if (!to.destroyed) to.write(chunk);
          from.resume();
        },
        Math.floor(Math.random() * maxDelayMs),
      );
    });
    from.on('end', () => to.end());
  };
  const server: Server = createServer((client) => {
    if (mode === 'down') {
      stats.dropped += 1;
      client.destroy();
      return;
    }
    const upstream = connect(targetPort, '127.0.0.1');
    live.add(client);
    live.add(upstream);
    const gone = () => {
      client.destroy();
      upstream.destroy();
      live.delete(client);
      live.delete(upstream);
    };
    client.on('error', gone).on('close', gone);
    upstream.on('error', gone).on('close', gone);
    relay(client, upstream);
    relay(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    stats,
    setMode: (next) => {
      if (next === 'down' && mode !== 'down') {
        stats.cuts += 1;
        for (const s of live) s.destroy();
        live.clear();
      }
      if (next === 'slow' && mode !== 'slow') stats.slowSpells += 1;
      mode = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of live) s.destroy();
        server.close(() => resolve());
      }),
  };
}
