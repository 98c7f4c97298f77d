// A local scan-to-pay provider for development, the demo and tests: one HTTP server on
// 127.0.0.1 answering both WeChat Pay v2 (XML, MD5/HMAC-SHA256) and Alipay (gateway.do, RSA2)
// as the real APIs do, checking the register's signatures and signing its own replies. Which
// case each payment plays is scripted by amount (see sim-books.ts), as the providers' sandboxes
// choose cases by amount or header.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { WechatSignType } from '../wechat/wechat-sign';
import type { WechatCredentials } from '../wechat/wechat-client';
import type { AlipayCredentials } from '../alipay/alipay-client';
import { SimBooks, type BookEntry, type SimRefundScenario, type SimScenario } from './sim-books';
import type { SimCall, SimState } from './sim-state';
import { handleWechat } from './sim-wechat';
import { handleAlipay } from './sim-alipay';

export interface PaySimulatorOptions {
  port?: number;
  /** How long the customer takes to enter the password (password_then_paid, payerror). */
  passwordMs?: number;
  /** Every reply waits this long first (a provider's own latency). */
  replyDelayMs?: number;
  wechatSignType?: WechatSignType;
  clock?: () => number;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > 64 * 1024) req.destroy();
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export class PaySimulator {
  readonly books: SimBooks;
  /** Milliseconds the simulator spent waiting on purpose (reply delays), for the bench. */
  scriptedDelayTotalMs = 0;
  /** Requests per API method, for tests that check what the register asked. */
  readonly calls: SimCall[] = [];
  private readonly state: SimState;

  private constructor(
    private readonly server: Server,
    readonly port: number,
    private readonly options: PaySimulatorOptions,
    books: SimBooks,
  ) {
    this.books = books;
    this.state = {
      books,
      calls: this.calls,
      wechatKey: randomBytes(16).toString('hex'),
      signType: options.wechatSignType ?? 'HMAC-SHA256',
      alipayKeys: generateKeyPairSync('rsa', { modulusLength: 2048 }),
      appKeys: generateKeyPairSync('rsa', { modulusLength: 2048 }),
      lostRefunds: new Set<string>(),
    };
  }

  static async start(options: PaySimulatorOptions = {}): Promise<PaySimulator> {
    const clock = options.clock ?? Date.now;
    const books = new SimBooks(clock, options.passwordMs ?? 3000);
    let sim: PaySimulator | null = null;
    const server = createServer((req, res) => {
      if (sim) void sim.handle(req, res);
      else res.destroy();
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
    server.keepAliveTimeout = 1000;
    sim = new PaySimulator(server, (server.address() as AddressInfo).port, options, books);
    return sim;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Credentials a register needs to talk to this simulator (its keys are made anew at every start). */
  wechatCredentials(): WechatCredentials {
    return {
      appId: 'wxd930ea5d5a258f4f',
      mchId: '10000100',
      apiKey: this.state.wechatKey,
      signType: this.state.signType,
      certificate: null,
      gateway: this.url,
    };
  }

  alipayCredentials(): AlipayCredentials {
    return {
      appId: '2021000000000001',
      privateKey: this.state.appKeys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      alipayPublicKey: this.state.alipayKeys.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      gateway: `${this.url}/gateway.do`,
    };
  }

  script(...scenarios: SimScenario[]): void {
    this.books.script(...scenarios);
  }

  /** The next refunds (by new refund number) are refused, or accepted and left processing until `settleRefunds`. */
  scriptRefunds(...scenarios: SimRefundScenario[]): void {
    this.books.scriptRefunds(...scenarios);
  }

  /** Every refund still processing (or only those of `refundNos`) ends: a query now answers it as succeeded, or (`closed`) as closed without paying out. */
  settleRefunds(outcome: 'success' | 'closed' = 'success', refundNos?: readonly string[]): void {
    this.books.endProcessing(outcome, refundNos);
  }

  entries(): BookEntry[] {
    return this.books.entries();
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const body = await readBody(req);
      const delay = this.options.replyDelayMs ?? 0;
      if (delay > 0) {
        this.scriptedDelayTotalMs += delay;
        await new Promise((r) => setTimeout(r, delay));
      }
      const url = new URL(req.url ?? '/', this.url);
      if (url.pathname === '/gateway.do') return handleAlipay(this.state, url, body, res);
      return handleWechat(this.state, url.pathname, body, res);
    } catch {
      res.destroy();
    }
  }
}
