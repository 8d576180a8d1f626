import { describe, expect, it } from 'vitest';
import { ForegroundFirst } from '../../local/foreground-first.js';

/** A piece of work that runs until released, recording when it started. */
function gated(started: string[], name: string) {
  let release = () => {};
  const done = new Promise<void>((r) => {
    release = r;
  });
  return {
    work: async () => {
      started.push(name);
      await done;
      return name;
    },
    release: () => release(),
  };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('people first, background after, in the local runtime', () => {
  it('runs every background invocation at once while no request is in flight', async () => {
    // Arrange
    const priority = new ForegroundFirst({ backgroundWhileBusy: 1, maxWaitMs: 60_000 });
    const started: string[] = [];
    const jobs = ['a', 'b', 'c'].map((n) => gated(started, n));

    // Act
    const running = jobs.map((j) => priority.background(j.work));
    await tick();

    // Assert
    expect(started).toEqual(['a', 'b', 'c']);
    for (const j of jobs) j.release();
    expect(await Promise.all(running)).toEqual(['a', 'b', 'c']);
    expect(priority.stats.delayed).toBe(0);
  });

  it('lets one background invocation run at a time while a request is in flight, the others in arrival order after it', async () => {
    // Arrange
    const priority = new ForegroundFirst({ backgroundWhileBusy: 1, maxWaitMs: 60_000 });
    const started: string[] = [];
    const request = gated(started, 'request');
    const serving = priority.foreground(request.work);
    const [a, b, c] = ['a', 'b', 'c'].map((n) => gated(started, n));
    if (!a || !b || !c) throw new Error('three jobs');

    // Act
    const running = [a, b, c].map((j) => priority.background(j.work));
    await tick();
    const whileBusy = [...started];
    a.release();
    await tick();
    const afterFirst = [...started];

    // Assert
    expect(whileBusy).toEqual(['request', 'a']);
    expect(afterFirst).toEqual(['request', 'a', 'b']);
    expect(priority.load()).toEqual({ foreground: 1, background: 1, waiting: 1 });
    request.release();
    await serving;
    await tick();
    expect(started).toEqual(['request', 'a', 'b', 'c']);
    b.release();
    c.release();
    await Promise.all(running);
    expect(priority.load()).toEqual({ foreground: 0, background: 0, waiting: 0 });
  });

  it('admits everything waiting the moment the last request ends', async () => {
    // Arrange
    const priority = new ForegroundFirst({ backgroundWhileBusy: 1, maxWaitMs: 60_000 });
    const started: string[] = [];
    const request = gated(started, 'request');
    const serving = priority.foreground(request.work);
    const jobs = ['a', 'b', 'c'].map((n) => gated(started, n));
    const running = jobs.map((j) => priority.background(j.work));
    await tick();

    // Act
    request.release();
    await serving;
    await tick();

    // Assert
    expect(started).toEqual(['request', 'a', 'b', 'c']);
    for (const j of jobs) j.release();
    await Promise.all(running);
    expect(priority.stats.delayed).toBe(2);
  });

  it('never lets a background invocation wait longer than its limit, however long requests keep coming', async () => {
    // Arrange: a request that never ends and a background invocation that holds the only slot.
    const priority = new ForegroundFirst({ backgroundWhileBusy: 1, maxWaitMs: 20 });
    const started: string[] = [];
    const request = gated(started, 'request');
    void priority.foreground(request.work);
    const holder = gated(started, 'holder');
    const holding = priority.background(holder.work);
    const late = gated(started, 'late');

    // Act
    const waitedFor = performance.now();
    const running = priority.background(late.work);
    while (!started.includes('late')) await new Promise((r) => setTimeout(r, 5));
    const waited = performance.now() - waitedFor;

    // Assert
    expect(waited).toBeGreaterThanOrEqual(15);
    expect(priority.load()).toEqual({ foreground: 1, background: 2, waiting: 0 });
    late.release();
    holder.release();
    request.release();
    await Promise.all([running, holding]);
  });

  it('frees the slot of a background invocation that fails', async () => {
    // Arrange
    const priority = new ForegroundFirst({ backgroundWhileBusy: 1, maxWaitMs: 60_000 });
    const started: string[] = [];
    const request = gated(started, 'request');
    const serving = priority.foreground(request.work);
    const failing = priority.background(async () => {
      throw new Error('step failed');
    });
    const next = gated(started, 'next');

    // Act
    const running = priority.background(next.work);
    await expect(failing).rejects.toThrow('step failed');
    await tick();

    // Assert
    expect(started).toEqual(['request', 'next']);
    next.release();
    request.release();
    await Promise.all([running, serving]);
  });
});
