// A private PostgreSQL cluster in a temporary folder, for tests and the bench: its own initdb and
// pg_ctl, listening only on a Unix socket in that folder, removed on stop. PostgreSQL refuses to
// run as root, so when we are root (as CI is) the cluster runs as an unprivileged user (`nobody`
// unless RINGUP_PG_OS_USER names another) through `runuser`, and the folder is handed to it.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

export interface ThrowawayCluster {
  /** A libpq connection string for the cluster's `ringup_hq` database. */
  url: string;
  /** The same for another database of the cluster (created by `createDatabase`). */
  urlFor(database: string): string;
  createDatabase(name: string): void;
  dir: string;
  stop(): void;
}

const BINARIES = ['initdb', 'pg_ctl', 'postgres'];

function hasAll(dir: string): boolean {
  return BINARIES.every((b) => existsSync(join(dir, b)));
}

/**
 * Where PostgreSQL's server programs are: PG_BINDIR, else the PATH (e.g. /usr/local/bin), else
 * Debian's /usr/lib/postgresql/<version>/bin, newest version first (never a hard-coded version).
 */
export function findPgBinDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PG_BINDIR && hasAll(env.PG_BINDIR)) return env.PG_BINDIR;
  for (const dir of (env.PATH ?? '').split(delimiter)) if (dir && hasAll(dir)) return dir;
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => /^\d+(\.\d+)?$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) if (hasAll(join(debian, v, 'bin'))) return join(debian, v, 'bin');
  }
  throw new Error('PostgreSQL server programs (initdb, pg_ctl, postgres) not found: apt-get install -y postgresql, or set PG_BINDIR');
}

function osUser(): { name: string; uid: number; gid: number } | null {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  const name = process.env.RINGUP_PG_OS_USER ?? 'nobody';
  const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
  return { name, uid, gid };
}

export function startThrowawayCluster(options: { fsync?: boolean } = {}): ThrowawayCluster {
  const bin = findPgBinDir();
  const user = osUser();
  const dir = mkdtempSync(join(tmpdir(), 'ringup-pg-'));
  const data = join(dir, 'data');
  const socket = join(dir, 'sock');
  mkdirSync(socket);
  if (user) {
    chownSync(dir, user.uid, user.gid);
    chownSync(socket, user.uid, user.gid);
  }
  const run = (program: string, args: string[]): string => {
    const file = join(bin, program);
    if (user) return execFileSync('runuser', ['-u', user.name, '--', file, ...args], { encoding: 'utf8', cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    return execFileSync(file, args, { encoding: 'utf8', cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  };
  let started = false;
  const stop = () => {
    if (started) {
      try {
        run('pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w']);
      } catch {
        // Already gone: removing the folder is all that is left.
      }
      started = false;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
    const settings = [`-k ${socket}`, "-c listen_addresses=''", '-c max_connections=60', `-c fsync=${options.fsync === false ? 'off' : 'on'}`];
    run('pg_ctl', ['start', '-D', data, '-w', '-t', '60', '-l', join(dir, 'server.log'), '-o', settings.join(' ')]);
    started = true;
    const urlFor = (database: string) => `postgresql://postgres@/${database}?host=${encodeURIComponent(socket)}`;
    const createDatabase = (name: string) => {
      runSql(bin, socket, user, `CREATE DATABASE ${name}`);
    };
    createDatabase('ringup_hq');
    return { url: urlFor('ringup_hq'), urlFor, createDatabase, dir, stop };
  } catch (error) {
    stop();
    throw error;
  }
}

/** One statement through the cluster's own psql (Debian's postgresql-client ships it beside initdb), so set-up stays synchronous. */
function runSql(bin: string, socket: string, user: { name: string } | null, statement: string): void {
  const psql = [join(bin, 'psql'), '/usr/bin/psql'].find((p) => existsSync(p));
  if (!psql) throw new Error('psql not found');
  const args = ['-h', socket, '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-qc', statement];
  if (user) execFileSync('runuser', ['-u', user.name, '--', psql, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  else execFileSync(psql, args, { stdio: ['ignore', 'pipe', 'pipe'] });
}
