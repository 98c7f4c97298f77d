// A TCP relay in front of a server (the provider simulator), on real sockets: it passes
// connections through, or refuses them, so a test can take a provider out of reach at the exact
// moment it needs (after the payment request left) without touching the register or the server.
import { createServer, connect, type Server, type Socket } from 'node:net';

export class Relay {
  /** forward: pass everything; once: pass the next connection, then refuse; refuse: close every new connection. */
  mode: 'forward' | 'once' | 'refuse' = 'forward';
  private readonly sockets = new Set<Socket>();
  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(target: number): Promise<Relay> {
    let relay: Relay | null = null;
    const server = createServer((client) => {
      if (!relay || relay.mode === 'refuse') return void client.destroy();
      if (relay.mode === 'once') relay.mode = 'refuse';
      const upstream = connect(target, '127.0.0.1');
      for (const s of [client, upstream]) {
        relay.sockets.add(s);
        s.on('error', () => undefined);
        s.on('close', () => {
          relay?.sockets.delete(s);
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream);
      upstream.pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    relay = new Relay(server, typeof address === 'object' && address ? address.port : 0);
    return relay;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
