/**
 * A refusal that names the school's own records (the lines still in a tier, the tier itself) names them
 * in the reader's language: the Welsh name where the school gave one, the English where it did not
 * (docs/welsh.md).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, type ApiErrorBody } from '../../shared/api/contract';
import { createI18n } from '../../shared/i18n';
import { errorWords } from '../../shared/i18n/apiErrors';
import type { TypedBackend } from '../backend';
import { createTestBackend, type TestBackend } from '../../test/support/testBackend';

let school: TestBackend;
let backend: TypedBackend;
beforeEach(() => {
  school = createTestBackend({ mode: 'browser', today: '2026-11-24' });
  backend = school.backend;
});
afterEach(() => school.close());

async function refusalOf(name: string, input: unknown): Promise<ApiErrorBody> {
  try {
    await backend.call(name, input);
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return (error as ApiError).toBody();
  }
  throw new Error(`${name} was accepted`);
}

describe('a refusal naming the school’s records', () => {
  it('names a tier and its lines by their Welsh names to a Welsh reader, and by their English names to an English one', async () => {
    const year = backend.invoke('year.get', {}).data;
    const line = year.lines[0]!;
    // One line with a Welsh name of its own, in a tier with one too.
    backend.invoke('lines.update', { id: line.id, changes: { nameCy: 'Clwb darllen' } });
    const tier = year.tiers.find((t) => t.id === line.tierId)!;
    const tiers = year.tiers.map((t) => ({ ...t, nameCy: t.id === tier.id ? 'Haen y clwb' : t.nameCy }));
    backend.invoke('tiers.set', { tiers });
    const refusal = await refusalOf('tiers.set', { tiers: tiers.filter((t) => t.id !== tier.id) });
    expect(refusal.reason).toBe('tierUsedByLines');

    const welsh = errorWords(refusal, createI18n('cy').t, 'cy');
    expect(welsh).toContain('“Haen y clwb”');
    expect(welsh).toContain('“Clwb darllen”');
    expect(welsh).not.toContain(`“${tier.name}”`);
    expect(welsh).not.toContain(`“${line.name}”`);

    const english = errorWords(refusal, createI18n('en').t, 'en');
    expect(english).toContain(`“${tier.name}”`);
    expect(english).toContain(`“${line.name}”`);
    expect(english).not.toContain('Clwb darllen');
  });

  it('names a record with no Welsh name by its English name in Welsh too', async () => {
    const year = backend.invoke('year.get', {}).data;
    const line = year.lines[0]!;
    backend.invoke('lines.update', { id: line.id, changes: { nameCy: '' } });
    const tier = year.tiers.find((t) => t.id === line.tierId)!;
    const refusal = await refusalOf('tiers.set', { tiers: year.tiers.filter((t) => t.id !== tier.id) });
    expect(errorWords(refusal, createI18n('cy').t, 'cy')).toContain(`“${line.name}”`);
  });
});
