import { readdirSync, readFileSync } from 'node:fs';

/**
 * What a bench section must undo if the run is interrupted: its DynamoDB Local JVMs and `npm start`
 * children outlive a killed Node process, and its temporary data directories stay behind.
 */
type Cleanup = () => Promise<unknown> | unknown;

const pending = new Set<Cleanup>();
let installed = false;

/**
 * Runs `cleanup` if the process gets SIGINT or SIGTERM before the returned function is called
 * (call it once the section has cleaned up by itself). On such a signal every pending cleanup
 * runs, then the process exits 130 (SIGINT) or 143 (SIGTERM), as a shell reports a killed job.
 */
export function cleanUpOnInterrupt(cleanup: Cleanup): () => void {
  if (!installed) {
    installed = true;
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void interrupted(signal));
  }
  pending.add(cleanup);
  return () => pending.delete(cleanup);
}

async function interrupted(signal: 'SIGINT' | 'SIGTERM'): Promise<void> {
  console.error(`bench: ${signal}; stopping what it started and removing its temporary data`);
  await Promise.allSettled([...pending].map(async (cleanup) => cleanup()));
  process.exit(signal === 'SIGINT' ? 130 : 143);
}

/**
 * Ends any DynamoDB Local JVM whose data lives under `dir`: one still starting when the signal
 * came is not yet known to the section that started it. Linux (/proc); elsewhere nothing.
 */
export function killJvmsUnder(dir: string): void {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return;
  }
  for (const pid of pids) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmdline.includes('DynamoDBLocal') && cmdline.includes(dir)) process.kill(Number(pid), 'SIGKILL');
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
}
