// One HTTP POST with a hard deadline, for the WeChat adapter (the Alipay SDK brings its own
// client). A timeout or a dropped connection is reported as such, never as a refusal: the
// request may have been processed, and the register must query before it believes anything.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest, type RequestOptions } from 'node:https';

export type PostResult = { ok: true; status: number; text: string } | { ok: false; problem: 'timeout' | 'connection' | 'too_large' };

/** Client certificate (PKCS#12) for WeChat's `secapi` calls. */
export interface ClientCertificate {
  pfx: Buffer;
  passphrase: string;
}

const MAX_REPLY_BYTES = 256 * 1024;

export function postText(
  url: string,
  body: string,
  options: { timeoutMs: number; contentType: string; headers?: Record<string, string>; certificate?: ClientCertificate | null },
): Promise<PostResult> {
  return new Promise((resolve) => {
    const target = new URL(url);
    const tls: RequestOptions = options.certificate ? { pfx: options.certificate.pfx, passphrase: options.certificate.passphrase } : {};
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    let done = false;
    const finish = (r: PostResult) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(r);
    };
    const req = send(
      target,
      {
        method: 'POST',
        headers: { 'content-type': options.contentType, 'content-length': Buffer.byteLength(body), ...options.headers },
        ...(target.protocol === 'https:' ? tls : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > MAX_REPLY_BYTES) {
            req.destroy();
            finish({ ok: false, problem: 'too_large' });
            return;
          }
          chunks.push(c);
        });
        res.on('end', () => finish({ ok: true, status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', () => finish({ ok: false, problem: 'connection' }));
        res.on('aborted', () => finish({ ok: false, problem: 'connection' }));
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      finish({ ok: false, problem: 'timeout' });
    }, options.timeoutMs);
    req.on('error', () => finish({ ok: false, problem: 'connection' }));
    req.end(body);
  });
}
