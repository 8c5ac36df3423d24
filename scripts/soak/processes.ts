/**
 * The soak's processes (scripts/soak/soak.ts): the servers of the soak stack (started by
 * scripts/stack/up.sh, found by their pid files) and the services and worker (started here, as
 * scripts/start.sh does), each killable with SIGKILL and restartable. A process that dies without
 * being killed (a crash) is restarted too, and counted.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, type WriteStream } from 'node:fs';
import path from 'node:path';

export type TEnv = Record<string, string>;

/** The `export NAME=value` lines of .local/<stack>/env.sh, as the shell would read them. */
export function readStackEnv(file: string): TEnv {
  const env: TEnv = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^export ([A-Z0-9_]+)=(.*)$/u.exec(line.trim());
    if (!m) continue;
    let value = m[2]!;
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    env[m[1]!] = value;
  }
  return env;
}

export interface TSoakProcess {
  readonly name: string;
  readonly kind: 'server' | 'service' | 'worker';
  /** SIGKILL, no warning. */
  kill(): Promise<void>;
  start(): Promise<void>;
  /** Resolves when it answers again (or after `timeoutMs`, false). */
  ready(timeoutMs: number): Promise<boolean>;
  crashes: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return true;
    await sleep(250);
  }
  return false;
}

const httpOk = async (url: string) => {
  const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
  return res.ok;
};

function alive(pid: number | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A node program of ours (a service's main.ts or the worker), restarted when it crashes. */
export class NodeProcess implements TSoakProcess {
  crashes = 0;
  private child: ChildProcess | undefined;
  private killing = false;
  private stopped = false;
  private readonly log: WriteStream;

  constructor(
    readonly name: string,
    readonly kind: 'service' | 'worker',
    private readonly root: string,
    private readonly entry: string,
    private readonly env: TEnv,
    logDir: string,
    private readonly readyUrl?: string,
  ) {
    this.log = createWriteStream(path.join(logDir, `${name}.log`), { flags: 'a' });
  }

  start(): Promise<void> {
    this.killing = false;
    // node with tsx as a loader (not the tsx wrapper): SIGKILL then reaches the program itself.
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(this.root, this.entry)], {
      cwd: this.root,
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.pipe(this.log, { end: false });
    child.stderr!.pipe(this.log, { end: false });
    child.on('exit', (code, signal) => {
      if (this.child !== child) return;
      this.child = undefined;
      if (this.killing || this.stopped) return;
      // Not killed by the chaos driver: a crash (e.g. the worker losing Temporal). Counted, restarted.
      this.crashes += 1;
      this.log.write(`\n[soak] ${this.name} exited by itself (code ${code}, signal ${signal}); restarting\n`);
      setTimeout(() => void (this.stopped ? undefined : this.start()), 1000);
    });
    this.child = child;
    return Promise.resolve();
  }

  async kill(): Promise<void> {
    const child = this.child;
    if (!child?.pid) return;
    this.killing = true;
    this.log.write(`\n[soak] SIGKILL ${this.name} (pid ${child.pid})\n`);
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const child = this.child;
    if (!child?.pid) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(15_000)]);
    if (this.child) child.kill('SIGKILL');
  }

  ready(timeoutMs: number): Promise<boolean> {
    if (!this.readyUrl) return Promise.resolve(Boolean(this.child));
    return until(() => httpOk(this.readyUrl!), timeoutMs);
  }
}

/** A server of the stack (PostgreSQL, MinIO, Mailpit, Temporal), restarted through up.sh. */
export class StackServer implements TSoakProcess {
  readonly kind = 'server';
  crashes = 0;

  constructor(
    readonly name: 'postgres' | 'minio' | 'mailpit' | 'temporal',
    private readonly stackDir: string,
    private readonly restart: () => Promise<void>,
    private readonly isReady: () => Promise<boolean>,
  ) {}

  private pid(): number | undefined {
    const file =
      this.name === 'postgres'
        ? path.join(this.stackDir, 'pg', 'postmaster.pid')
        : path.join(this.stackDir, 'run', `${this.name}.pid`);
    if (!existsSync(file)) return undefined;
    const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  }

  async kill(): Promise<void> {
    const pid = this.pid();
    if (!alive(pid)) return;
    process.kill(pid!, 'SIGKILL');
    await until(() => Promise.resolve(!alive(pid)), 10_000);
    if (this.name === 'postgres') {
      // The postmaster's children notice its death and exit; a new one starts once they are gone.
      await sleep(1000);
    }
  }

  start(): Promise<void> {
    return this.restart();
  }

  ready(timeoutMs: number): Promise<boolean> {
    return until(this.isReady, timeoutMs);
  }
}
