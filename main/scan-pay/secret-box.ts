// Sealing provider secrets at rest. The domain receives a SecretBox and never knows how it seals:
// the desktop shell passes one backed by the OS keychain (Electron safeStorage, in
// main/host/electron-secrets.ts); browser mode and tests use the file key below.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { ServiceError } from '../common/service-error';

export interface SecretBox {
  /** `os`: the operating system's keychain; `file-key`: a key file beside the ledger. */
  readonly kind: 'os' | 'file-key';
  /** The key file's path when secrets are sealed with one (the settings screen names it). */
  readonly keyFile: string | null;
  /** The desktop found no OS keychain worth the name and fell back to the key file (the settings screen says so). */
  readonly keychainMissing: boolean;
  seal(plain: string): Buffer;
  open(sealed: Buffer): string;
}

const VERSION = 1;

/**
 * AES-256-GCM under a random key kept in a file readable by this user only. Weaker than a
 * keychain (anyone who can read the user's files can read the key, and a copy of the data folder
 * carries both), which the settings screen says. The key file is created with mode 0600, and a key file that
 * others can read is refused rather than used.
 */
export class FileKeySecretBox implements SecretBox {
  readonly kind = 'file-key' as const;
  private key: Buffer | null = null;

  constructor(
    readonly path: string,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  readonly keychainMissing = false;

  get keyFile(): string {
    return this.path;
  }

  private loadKey(): Buffer {
    if (this.key) {
      this.checkMode();
      return this.key;
    }
    let key: Buffer;
    try {
      key = readFileSync(this.path);
    } catch {
      key = randomBytes(32);
      try {
        writeFileSync(this.path, key, { mode: 0o600, flag: 'wx' });
      } catch {
        // Another process made it first: use theirs.
        key = readFileSync(this.path);
      }
    }
    this.checkMode();
    if (key.length !== 32) throw new ServiceError('scanpay.secret_store_unavailable', { why: 'bad_key_file' });
    this.key = key;
    return key;
  }

  /** A key file others can read is refused, not used: it would make every sealed secret readable to them. */
  private checkMode(): void {
    if (this.platform === 'win32') return;
    const mode = statSync(this.path).mode & 0o777;
    if ((mode & 0o077) !== 0) throw new ServiceError('scanpay.secret_key_exposed', { path: this.path, mode: mode.toString(8) });
  }

  seal(plain: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.loadKey(), iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
  }

  open(sealed: Buffer): string {
    if (sealed[0] !== VERSION || sealed.length < 29) throw new ServiceError('scanpay.secret_store_unavailable', { why: 'not_sealed_here' });
    const decipher = createDecipheriv('aes-256-gcm', this.loadKey(), sealed.subarray(1, 13));
    decipher.setAuthTag(sealed.subarray(13, 29));
    try {
      return Buffer.concat([decipher.update(sealed.subarray(29)), decipher.final()]).toString('utf8');
    } catch {
      throw new ServiceError('scanpay.secret_store_unavailable', { why: 'wrong_key' });
    }
  }
}
