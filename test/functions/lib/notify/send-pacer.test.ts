import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { config, resetConfigForTests } from '../../../../functions/lib/config.js';
import { SendPacer, sendPacer, setSendPacerForTests } from '../../../../functions/lib/notify/send-pacer.js';
import { fakePacerTimer as fakeTimer } from '../../../support/pacer-timer.js';

describe('the send pacer', () => {
  it('spaces the sends of a channel evenly at its rate', async () => {
    const timer = fakeTimer();
    const pacer = new SendPacer({ email: 4 }, timer);

    for (let i = 0; i < 4; i++) expect(await pacer.slot('email')).toBe(true);

    expect(timer.slept).toEqual([250, 250, 250]);
  });

  it('does not slow a send that comes after its slot', async () => {
    const timer = fakeTimer();
    const pacer = new SendPacer({ email: 4 }, timer);
    await pacer.slot('email');

    await timer.sleep(400); // the first send took longer than the spacing
    timer.slept.length = 0;
    await pacer.slot('email');

    expect(timer.slept).toEqual([]);
  });

  it('paces each channel on its own rate and leaves a channel without one alone', async () => {
    const timer = fakeTimer();
    const pacer = new SendPacer({ email: 10, sms: 2 }, timer);

    await pacer.slot('sms');
    await pacer.slot('email');
    await pacer.slot('sms');
    const unpaced = new SendPacer({ sms: 2 }, timer);
    await unpaced.slot('email');
    await unpaced.slot('email');

    // The e-mail needed no wait after the first SMS; the second SMS waited its 500 ms.
    expect(timer.slept).toEqual([500]);
  });

  it('refuses a slot later than the caller can use, without reserving it', async () => {
    const timer = fakeTimer();
    const pacer = new SendPacer({ sms: 1 }, timer);
    await pacer.slot('sms');

    const refused = await pacer.slot('sms', timer.now() + 999);
    const granted = await pacer.slot('sms', timer.now() + 1000);

    expect(refused).toBe(false);
    expect(granted).toBe(true);
    // The refusal left the slot free: the next send came one interval after the first, not two.
    expect(timer.slept).toEqual([1000]);
  });
});

describe("the instance's pacer", () => {
  const keys = ['NOTIFY_EMAIL_SENDS_PER_SECOND', 'NOTIFY_SMS_SENDS_PER_SECOND', 'TABLE_NAME'] as const;
  const before = Object.fromEntries(keys.map((key) => [key, process.env[key]]));
  beforeEach(() => {
    process.env.TABLE_NAME = 'aidflow-test';
  });
  afterEach(() => {
    for (const key of keys) {
      if (before[key] === undefined) delete process.env[key];
      else process.env[key] = before[key];
    }
    resetConfigForTests();
    setSendPacerForTests(undefined);
  });

  it('takes its rates from the configuration (infra sets each consumer its share)', () => {
    process.env.NOTIFY_EMAIL_SENDS_PER_SECOND = '7';
    process.env.NOTIFY_SMS_SENDS_PER_SECOND = '0.5';
    resetConfigForTests();

    expect(config()).toMatchObject({ NOTIFY_EMAIL_SENDS_PER_SECOND: 7, NOTIFY_SMS_SENDS_PER_SECOND: 0.5 });
    expect(sendPacer()).toBe(sendPacer());
  });

  it('fails at cold start on a rate that is not a positive number', () => {
    process.env.NOTIFY_EMAIL_SENDS_PER_SECOND = '0';
    resetConfigForTests();

    expect(() => config()).toThrow(/NOTIFY_EMAIL_SENDS_PER_SECOND/);
  });
});
