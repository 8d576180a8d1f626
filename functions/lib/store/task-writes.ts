import { keys } from './keys.js';

/**
 * Closes an open task with its decision, for one transaction: conditional on the task still being
 * open at the version read, so two people deciding at once never both win. Leaving the open-tasks
 * index (REMOVE gsi2) takes it out of every inbox.
 */
export function taskDecisionUpdate(
  table: string,
  task: { taskId: string; version: number },
  decision: unknown,
) {
  return {
    Update: {
      TableName: table,
      Key: keys.task(task.taskId),
      UpdateExpression:
        'SET #status = :decided, #decision = :decision, #version = :next REMOVE gsi2pk, gsi2sk',
      ConditionExpression: '#status = :open AND #version = :expected',
      ExpressionAttributeNames: { '#status': 'status', '#decision': 'decision', '#version': 'version' },
      ExpressionAttributeValues: {
        ':decided': 'decided',
        ':open': 'open',
        ':decision': decision,
        ':expected': task.version,
        ':next': task.version + 1,
      },
    },
  };
}
