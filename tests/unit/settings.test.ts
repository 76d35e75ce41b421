import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { PASSPHRASE, call, createTestJournal, failCode } from './helpers';

describe('journal settings', () => {
  it('start at five minutes of auto-lock and keep a change across lock and unlock', async () => {
    const { service } = await createTestJournal();
    expect(await call(service, 'getSettings')).toEqual(DEFAULT_SETTINGS);
    expect(await call(service, 'updateSettings', { autoLockMinutes: 0 })).toEqual({
      ...DEFAULT_SETTINGS,
      autoLockMinutes: 0,
    });
    await call(service, 'lock');
    expect(await failCode(service, 'getSettings')).toBe('LOCKED');
    await call(service, 'unlock', { passphrase: PASSPHRASE });
    expect(await call(service, 'getSettings')).toEqual({ ...DEFAULT_SETTINGS, autoLockMinutes: 0 });
  });

  it('refuse values outside the choices and keys they do not know', async () => {
    const { service } = await createTestJournal();
    expect(await failCode(service, 'updateSettings', { autoLockMinutes: 7 })).toBe('INVALID_INPUT');
    expect(await failCode(service, 'updateSettings', { autoLockMinutes: '5' })).toBe(
      'INVALID_INPUT',
    );
    expect(await failCode(service, 'updateSettings', { theme: 'dark' })).toBe('INVALID_INPUT');
    expect(await call(service, 'getSettings')).toEqual(DEFAULT_SETTINGS);
  });

  it('read a stored value they cannot understand as the default instead of failing', async () => {
    const { service } = await createTestJournal();
    service.journal.db
      .prepare("INSERT INTO settings (key, value) VALUES ('autoLockMinutes', '{not json')")
      .run();
    expect(await call(service, 'getSettings')).toEqual(DEFAULT_SETTINGS);
    service.journal.db
      .prepare("UPDATE settings SET value = '999' WHERE key = 'autoLockMinutes'")
      .run();
    expect(await call(service, 'getSettings')).toEqual(DEFAULT_SETTINGS);
  });
});
