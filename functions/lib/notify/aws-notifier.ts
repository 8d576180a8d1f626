import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import type { Notifier, OutboundMessage } from './notifier.js';

export interface AwsNotifierOptions {
  readonly region: string;
  /** The verified SES sender address; the function's role may send from no other. */
  readonly from: string;
  readonly smsSenderId?: string;
}

/** E-mail through SES (v2 SendEmail), SMS straight to the phone number through SNS Publish. */
export function awsNotifier(options: AwsNotifierOptions): Notifier {
  const ses = new SESv2Client({ region: options.region });
  const sns = new SNSClient({ region: options.region });
  return {
    async send(message: OutboundMessage) {
      if (message.channel === 'email') {
        const out = await ses.send(
          new SendEmailCommand({
            FromEmailAddress: options.from,
            Destination: { ToAddresses: [message.to] },
            Content: {
              Simple: {
                Subject: { Data: message.subject, Charset: 'UTF-8' },
                Body: { Text: { Data: message.text, Charset: 'UTF-8' } },
              },
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
