import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { withoutSdkLogFilter } from '../sdk-log-filter.js';
import type { Notifier, OutboundMessage } from './notifier.js';

export interface AwsNotifierOptions {
  readonly region: string;
  /** The verified SES sender address; the function's role may send from no other. */
  readonly from: string;
  readonly smsSenderId?: string;
}

/**
 * E-mail through SES SendEmail, SMS straight to the phone number through SNS Publish.
 *
 * SES through its classic API (2010-12-01), not SES v2: the same `ses:SendEmail` action on the same
 * identity, for a plain text message the same request, and the same query protocol as SNS. The v2
 * client cannot be tree-shaken by esbuild: its generated schemas use computed keys (`{ [_h]: … }`),
 * which esbuild must treat as side effects, so every one of its ~100 operations' schemas stayed in
 * the bundle (47 KB of 60 for one command; aws/aws-sdk-js-v3#7607). Classic SES: 25 KB, and no
 * REST-JSON protocol beside the query one.
 */
export function awsNotifier(options: AwsNotifierOptions): Notifier {
  const ses = withoutSdkLogFilter(new SESClient({ region: options.region }));
  const sns = withoutSdkLogFilter(new SNSClient({ region: options.region }));
  return {
    async send(message: OutboundMessage) {
      if (message.channel === 'email') {
        const out = await ses.send(
          new SendEmailCommand({
            Source: options.from,
            Destination: { ToAddresses: [message.to] },
            Message: {
              Subject: { Data: message.subject, Charset: 'UTF-8' },
              Body: { Text: { Data: message.text, Charset: 'UTF-8' } },
            },
          }),
        );
        return { messageId: out.MessageId ?? '' };
      }
      const out = await sns.send(
        new PublishCommand({
          PhoneNumber: message.to,
          Message: message.text,
          MessageAttributes: {
            // Transactional: delivered even to numbers on "do not disturb" hours, best reliability.
            'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
            ...(options.smsSenderId
              ? { 'AWS.SNS.SMS.SenderID': { DataType: 'String', StringValue: options.smsSenderId } }
              : {}),
          },
        }),
      );
      return { messageId: out.MessageId ?? '' };
    },
  };
}
