import { Duration } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import { Construct } from 'constructs';
import type { AppFunctions } from './functions.js';

export interface SchedulesProps {
  readonly functions: AppFunctions;
  /** How often each scheduled function runs; the appeal ladder moves in days, so hourly is prompt. */
  readonly every?: Duration;
}

/**
 * One EventBridge rule per registry function with trigger `schedule` (the appeal deadline
 * sweeper). Locally the runtime's timer and POST /local/clock play this part.
 */
export class Schedules extends Construct {
  readonly rules: readonly events.Rule[];

  constructor(scope: Construct, id: string, props: SchedulesProps) {
    super(scope, id);
    this.rules = props.functions.byTrigger('schedule').map(
      ({ spec, fn }) =>
        new events.Rule(this, `${spec.name}Rule`, {
          description: `Runs ${spec.name}: ${spec.description}`,
          schedule: events.Schedule.rate(props.every ?? Duration.hours(1)),
          // A failed run is retried by the next one (the sweeper is idempotent); two attempts
          // cover a throttled invocation without piling up runs.
          targets: [new targets.LambdaFunction(fn, { retryAttempts: 2, maxEventAge: Duration.minutes(30) })],
        }),
    );
  }
}
