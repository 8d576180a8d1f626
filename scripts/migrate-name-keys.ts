import { migrateNameKeys } from '../local/name-key-migration.js';
import { tableTarget } from './table-target.js';

/*
 * npm run migrate:name-keys — gives every aid case from before the name key (table-spec #37) its
 * key, once (local/name-key-migration.ts). The local runtime does this itself at start; a deployed
 * table needs it once after the deploy that adds `gsi4`, with the pepper intake keys with:
 *
 *   TABLE_NAME=aidflow-prod AWS_REGION=eu-central-1 ACCESS_CODE_PEPPER=… npm run migrate:name-keys
 *
 * Which table: see table-target.ts. Until it has run, the once-a-year rules still find a person's
 * earlier cases under the same spelling (their person key), as before.
 */
const pepper = process.env.ACCESS_CODE_PEPPER;
if (!pepper) {
  console.error('migrate:name-keys: set ACCESS_CODE_PEPPER to the pepper of the deployment (its secret).');
  process.exit(2);
}
const { client, tableName } = tableTarget('migrate:name-keys');
try {
  const { keyed } = await migrateNameKeys(client, tableName, pepper);
  console.log(`migrate:name-keys ${tableName}: ${keyed} aid case(s) keyed`);
} catch (error) {
  console.error(`migrate:name-keys could not update ${tableName}: ${(error as Error).message}`);
  process.exitCode = 2;
} finally {
  client.destroy();
}
