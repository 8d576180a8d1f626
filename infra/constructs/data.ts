import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { tableSpec } from '../../functions/lib/table-spec.js';
import { acknowledge } from '../nag.js';

/**
 * The data layer: the one DynamoDB table built from `tableSpec` (the same spec the local bootstrap
 * uses), its customer-managed key, and the pepper mixed into access-code hashes.
 */
export class Data extends Construct {
  readonly table: dynamodb.Table;
  readonly tableKey: kms.Key;
  /** Secret mixed into access-code hashes; handed to the functions as ACCESS_CODE_PEPPER. */
  readonly accessCodePepper: secretsmanager.Secret;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    this.tableKey = new kms.Key(this, 'TableKey', {
      description: 'AidFlow: encrypts the application table, its stream and its backups',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
      pendingWindow: Duration.days(30),
    });

    this.table = new dynamodb.Table(this, tableSpec.logicalName, {
      partitionKey: { name: tableSpec.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: tableSpec.sortKey, type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.tableKey,
      stream: dynamodb.StreamViewType[tableSpec.streamViewType],
      timeToLiveAttribute: tableSpec.ttlAttribute,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const gsi of tableSpec.globalSecondaryIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: gsi.indexName,
        partitionKey: { name: gsi.partitionKey, type: dynamodb.AttributeType.STRING },
        sortKey: { name: gsi.sortKey, type: dynamodb.AttributeType.STRING },
        // Keys (and a few immutable attributes) only: see tableSpec. A deployed table whose index
        // projects ALL cannot be changed in place (CloudFormation refuses a projection change):
        // docs/performance.md says how to migrate one.
        ...(gsi.nonKeyAttributes.length === 0
          ? { projectionType: dynamodb.ProjectionType.KEYS_ONLY }
          : { projectionType: dynamodb.ProjectionType.INCLUDE, nonKeyAttributes: [...gsi.nonKeyAttributes] }),
      });
    }

    this.accessCodePepper = new secretsmanager.Secret(this, 'AccessCodePepper', {
      description: 'AidFlow: pepper mixed into applicant access-code hashes (ACCESS_CODE_PEPPER)',
      generateSecretString: { passwordLength: 48, excludePunctuation: true, includeSpace: false },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(
      this.accessCodePepper,
      'AwsSolutions-SMG4',
      'The pepper is part of every stored access-code hash: rotating it would silently invalidate all ' +
        'access codes already given to applicants. Rotation needs a versioned-pepper scheme in the handlers first.',
    );
  }
}
