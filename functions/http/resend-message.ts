import { clock } from '../lib/clock.js';
import { httpRoute } from '../lib/http.js';
import { resendMessage } from '../use-cases/notifications/resend-message.js';

export const handler = httpRoute({ action: 'messages:resend' }, async (req) => ({
  status: 200,
  body: await resendMessage({
    caseId: req.path.caseId ?? '',
    notificationId: req.path.notificationId ?? '',
    principal: req.principal!,
    now: clock.now(),
  }),
}));
