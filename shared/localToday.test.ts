/**
 * Today is the person's calendar day, not UTC's: just after midnight on a British summer night UTC is still
 * on the day before, and a review dated today was refused as a date in the future.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestBackend } from '../test/support/testBackend';
import { localToday } from './localToday';

describe('today where Mapio runs', () => {
  const zone = process.env.TZ;
  beforeEach(() => {
    process.env.TZ = 'Europe/London';
    vi.useFakeTimers({ toFake: ['Date'] });
    // 00:30 on 2 July 2026 in Wales (British Summer Time); still 1 July in UTC.
    vi.setSystemTime(new Date('2026-07-01T23:30:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('is the local calendar date, zero-padded', () => {
    expect(localToday()).toBe('2026-07-02');
    expect(localToday(new Date(2026, 8, 1, 23, 59))).toBe('2026-09-01');
  });

  it('lets an ALNCo date an IDP review today just after midnight, and refuses tomorrow', async () => {
    const school = createTestBackend({ mode: 'browser' });
    try {
      const learner = school.backend.invoke('year.get', {}).data.learners[0]!;
      await school.backend.call('learners.update', { id: learner.id, changes: { idpLastReviewed: '2026-07-02' } });
      expect(school.backend.invoke('year.get', {}).data.learners[0]!.idpLastReviewed).toBe('2026-07-02');
      await expect(school.backend.call('learners.update', { id: learner.id, changes: { idpLastReviewed: '2026-07-03' } })).rejects.toThrow();
    } finally {
      school.close();
    }
  });
});
