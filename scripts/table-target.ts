import { resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { localCredentials, localRegion } from '../local/dynamodb-local.js';
import { readRuntimeInfo } from '../local/runtime-info.js';

/**
 * The table an operator's script works on: DYNAMODB_ENDPOINT (optional in AWS) and TABLE_NAME from
 * the environment; without them, the local runtime running on AIDFLOW_DATA_DIR (default .data), as
 * it announces itself in <data dir>/runtime.json. Exits 2 when there is none.
 */
export function tableTarget(script: string): { client: DynamoDBClient; tableName: string; local: boolean } {
  const { DYNAMODB_ENDPOINT, TABLE_NAME, AIDFLOW_DATA_DIR } = process.env;
  let endpoint: string | undefined;
  let tableName: string;
  let local = false;
  if (TABLE_NAME) {
    endpoint = DYNAMODB_ENDPOINT || undefined;
    tableName = TABLE_NAME;
  } else {
    const dataDir = resolve(AIDFLOW_DATA_DIR || '.data');
    const running = readRuntimeInfo(dataDir);
    if (!running) {
      console.error(
        `${script}: no table: set TABLE_NAME (and DYNAMODB_ENDPOINT for DynamoDB Local), or start the local runtime (npm start) on ${dataDir}.`,
      );
      process.exit(2);
    }
    ({ dynamoEndpoint: endpoint, tableName } = running);
    local = true;
  }
  // DynamoDB Local takes any credentials; name them when the environment has none, as the runtime does.
  const useLocalCredentials = local || (endpoint !== undefined && !process.env.AWS_ACCESS_KEY_ID);
  const client = new DynamoDBClient({
    ...(endpoint ? { endpoint } : {}),
    region: process.env.AWS_REGION ?? localRegion,
    ...(useLocalCredentials ? { credentials: localCredentials } : {}),
  });
  return { client, tableName, local };
}
