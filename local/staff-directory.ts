import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { demoPassword, demoStaff, hashPassword, type StaffDirectory } from './local-issuer.js';

/**
 * The local stand-in for the Cognito user pool: staff with their groups and a scrypt password
 * hash, kept in the local runtime's own table (never in the application table).
 */
export function dynamoStaffDirectory(doc: DynamoDBDocumentClient, tableName: string): StaffDirectory {
  return {
    async find(username: string) {
      const { Item } = await doc.send(
        new GetCommand({ TableName: tableName, Key: { pk: `STAFF#${username}`, sk: 'STAFF' } }),
      );
      if (!Item) return undefined;
      return {
        username: String(Item.username),
        groups: Item.groups as string[],
        passwordHash: String(Item.passwordHash),
      };
    },
  };
}

/** Seeds the demo staff of API.md (password `demo`) unless they exist already. */
export async function seedDemoStaff(doc: DynamoDBDocumentClient, tableName: string): Promise<void> {
  for (const member of demoStaff) {
    await doc
      .send(
        new PutCommand({
          TableName: tableName,
          Item: {
            pk: `STAFF#${member.username}`,
            sk: 'STAFF',
            username: member.username,
            groups: [...member.groups],
            passwordHash: await hashPassword(demoPassword),
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      )
      .catch((error: Error) => {
        if (error.name !== 'ConditionalCheckFailedException') throw error;
      });
  }
}
