/**
 * What a bench section must undo if the run is interrupted: its `npm start` children (in process
 * groups of their own) outlive a killed Node process, and its temporary data directories stay
 * behind. DynamoDB Local JVMs end with the process once it exits rather than dies of the signal:
 * `startDynamoDbLocal` kills its JVM on `exit`, which `process.exit` here emits.
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
