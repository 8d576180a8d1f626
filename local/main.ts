import { resolve } from 'node:path';
import { z } from 'zod';
import { demoStaff } from './local-issuer.js';
import { startRuntime } from './runtime.js';

const env = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    AIDFLOW_DATA_DIR: z.string().min(1).default('.data'),
    AIDFLOW_VERBOSE: z.enum(['0', '1']).default('0'),
  })
  .parse(process.env);

const reset = process.argv.includes('--reset');
const verbose = env.AIDFLOW_VERBOSE === '1';
const dataDir = resolve(env.AIDFLOW_DATA_DIR);

const runtime = await startRuntime({
  port: env.PORT,
  dataDir,
  reset,
  log: (line) => {
    if (verbose || !line.startsWith('[')) console.log(line);
  },
}).catch((error: Error) => {
  console.error(`\nAidFlow could not start: ${error.message}\n`);
  process.exit(1);
});

const width = Math.max(...demoStaff.map((s) => s.username.length));
console.log(`
AidFlow is ready at ${runtime.url}  (${runtime.readyMs} ms${runtime.seeded ? ', demo data seeded' : ''})

  API description   ${runtime.url}/openapi.json
  Health            ${runtime.url}/health
  Data              ${dataDir}${reset ? ' (started clean)' : ''}
  Step Functions    ${runtime.sfnEndpoint}  (local endpoint)
  DynamoDB Local    ${runtime.dynamoEndpoint}

Staff sign-in: POST ${runtime.url}/auth/local/token {"username","password"}; every demo password is "demo"
${demoStaff.map((s) => `  ${s.username.padEnd(width)}  ${s.groups.join(', ')}`).join('\n')}

Stop with Ctrl-C; everything is kept in ${dataDir} (npm run reset starts clean).
`);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping AidFlow…`);
  await runtime.stop();
  console.log('Stopped; data kept.');
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
