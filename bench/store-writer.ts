import { readdirSync, readFileSync } from 'node:fs';

/**
 * DynamoDB Local runs every request of a database file, reads included, through one SQLite writer
 * thread (`SQLiteQueue`); it is the serial part of the store (docs/performance.md §15: busy about
 * two thirds of the time, in the bare baseline and end to end alike). The kernel keeps each thread's time on a CPU and its time waiting
 * for one (`/proc/<pid>/task/<tid>/schedstat`, ns), so what a workload costs that thread is read
 * exactly, without sampling. Linux only: elsewhere every figure is undefined.
 */
export interface WriterSample {
  readonly at: number;
  readonly threads: ReadonlyMap<string, { readonly cpuNs: number; readonly queuedNs: number }>;
}

export interface WriterUse {
  readonly tid: string;
  readonly cpuMs: number;
  /** Runnable but waiting for a core: the machine's other work in the writer's way. */
  readonly queuedMs: number;
  /** (on a CPU + waiting for one) ÷ wall time; the rest is idle or waiting on the disk. */
  readonly busyShare: number;
}

export function sampleWriters(pid: number | undefined): WriterSample | undefined {
  if (!pid) return undefined;
  try {
    const threads = new Map<string, { cpuNs: number; queuedNs: number }>();
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const dir = `/proc/${pid}/task/${tid}`;
      if (!readFileSync(`${dir}/comm`, 'utf8').startsWith('SQLiteQueue')) continue;
      const [cpuNs = Number.NaN, queuedNs = Number.NaN] = readFileSync(`${dir}/schedstat`, 'utf8')
        .trim()
        .split(' ')
        .map(Number);
      threads.set(tid, { cpuNs, queuedNs });
    }
    return { at: performance.now(), threads };
  } catch {
    return undefined;
  }
}

/** Each writer thread's use between two samples, the busiest first. */
export function writerUse(before: WriterSample | undefined, after: WriterSample | undefined): WriterUse[] {
  if (!before || !after) return [];
  const wallMs = after.at - before.at;
  const uses: WriterUse[] = [];
  for (const [tid, end] of after.threads) {
    const start = before.threads.get(tid) ?? { cpuNs: 0, queuedNs: 0 };
    const cpuMs = (end.cpuNs - start.cpuNs) / 1e6;
    const queuedMs = (end.queuedNs - start.queuedNs) / 1e6;
    if (!Number.isFinite(cpuMs) || !Number.isFinite(queuedMs)) continue;
    uses.push({ tid, cpuMs, queuedMs, busyShare: wallMs > 0 ? (cpuMs + queuedMs) / wallMs : 0 });
  }
  return uses.sort((a, b) => b.cpuMs - a.cpuMs);
}
