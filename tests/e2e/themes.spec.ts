import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { coreCall, createJournal, expectAccessible } from './app';

// Themes of the user's own: made, used on an entry, renamed, merged and deleted through the
// Manage themes dialog, with the counts in the Themes navigation following along.

function themesUi(page: Page) {
  const nav = page.getByRole('navigation', { name: 'Themes' });
  const dialog = page.getByRole('dialog', { name: 'Manage themes' });
  return {
    nav,
    dialog,
    navButton: (name: RegExp) => nav.getByRole('button', { name }),
    row: (label: string) => dialog.getByRole('listitem', { name: label, exact: true }),
    async addTheme(label: string) {
      await dialog.getByLabel('New theme name', { exact: true }).fill(label);
      await dialog.getByRole('button', { name: 'Add theme', exact: true }).click();
      await expect(dialog.getByRole('listitem', { name: label, exact: true })).toBeVisible();
    },
  };
}

test('own themes: create, tag, rename, merge, delete; entries keep their text', async ({
  page,
  appUrl,
}) => {
  await page.goto(appUrl);
  await createJournal(page);
  const ui = themesUi(page);

  await ui.nav.getByRole('button', { name: 'Manage themes' }).click();
  await expect(ui.dialog).toBeVisible();
  await ui.addTheme('Grief');
  await ui.addTheme('Sorrow');
  await expectAccessible(page, 'manage themes dialog');
  await page.keyboard.press('Escape');
  await expect(ui.dialog).toBeHidden();
  await expect(ui.navButton(/^Grief 0$/)).toBeVisible();

  await page.getByRole('button', { name: 'New entry', exact: true }).click();
  await page.getByRole('textbox', { name: 'Entry', exact: true }).click();
  await page.keyboard.type('The first winter without her.');
  const entryThemes = page.getByRole('group', { name: 'Entry themes' });
  await entryThemes.getByRole('button', { name: 'Grief', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  await expect(ui.navButton(/^Grief 1$/)).toBeVisible();

  await ui.nav.getByRole('button', { name: 'Manage themes' }).click();
  await ui.row('Grief').getByLabel('Name for Grief').fill('Loss');
  await ui.row('Grief').getByRole('button', { name: 'Save', exact: true }).click();
  await expect(ui.row('Loss')).toBeVisible();
  await expect(ui.navButton(/^Loss 1$/)).toBeVisible();
  await expect(entryThemes.getByRole('button', { name: 'Loss', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  await ui.row('Loss').getByLabel('Merge into').selectOption({ label: 'Sorrow' });
  await ui.row('Loss').getByRole('button', { name: 'Merge', exact: true }).click();
  // Nothing is merged until the person has read what merging does and confirmed it.
  const confirmMerge = ui.row('Loss').getByRole('group', { name: 'Merge Loss' });
  await expect(confirmMerge).toContainText(
    'Merge Loss into Sorrow? Its entry will be tagged Sorrow. Its name will suggest Sorrow instead. Loss is then removed; this cannot be undone.',
  );
  await confirmMerge.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirmMerge).toHaveCount(0);
  await expect(ui.navButton(/^Loss 1$/)).toBeVisible();
  await ui.row('Loss').getByRole('button', { name: 'Merge', exact: true }).click();
  await ui.row('Loss').getByRole('button', { name: 'Merge themes', exact: true }).click();
  await expect(ui.row('Loss')).toHaveCount(0);
  await expect(ui.navButton(/^Sorrow 1$/)).toBeVisible();

  await ui.row('Sorrow').getByRole('button', { name: 'Delete', exact: true }).click();
  await ui.row('Sorrow').getByRole('button', { name: 'Delete theme', exact: true }).click();
  await expect(ui.row('Sorrow')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(ui.navButton(/^Sorrow/)).toHaveCount(0);
  await expect(ui.navButton(/^Trust 0$/)).toBeVisible();

  // The entry itself is untouched: only the tag went away.
  await expect(page.getByRole('region', { name: 'Entries' }).getByRole('option')).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'Entries' })).toContainText('first winter');
});

test('a suggested theme: shown after a pause with why, added, counted; one turned down stays down', async ({
  page,
  appUrl,
  bridge,
}) => {
  await page.goto(appUrl);
  await createJournal(page);
  const ui = themesUi(page);
  await page.getByRole('button', { name: 'New entry', exact: true }).click();
  await page.getByRole('textbox', { name: 'Entry', exact: true }).click();
  await page.keyboard.type(
    'I drafted a text to my brother asking him to take the kids on Saturday, then deleted it. ' +
      'Later I told my boss I won’t answer emails at weekends any more.',
  );
  const suggested = page.getByRole('region', { name: 'Suggested themes' });
  await expect(suggested).toBeVisible();
  const asking = suggested.getByRole('listitem').filter({ hasText: 'Asking for help' });
  await expect(asking).toBeVisible();
  await asking.getByRole('button', { name: 'Why?' }).click();
  await expect(asking).toContainText('“');
  await expect(asking.getByRole('button', { name: 'Why?' })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await expectAccessible(page, 'entry with theme suggestions');
  if (process.env.LEAN_ON_SCREENSHOTS) {
    await page.screenshot({ path: 'tmp/screenshots/theme-suggestions.png', fullPage: true });
  }

  await asking.getByRole('button', { name: 'Add Asking for help' }).click();
  const entryThemes = page.getByRole('group', { name: 'Entry themes' });
  await expect(entryThemes.getByRole('button', { name: 'Asking for help' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(suggested.getByRole('listitem').filter({ hasText: 'Asking for help' })).toHaveCount(
    0,
  );
  await expect(ui.navButton(/^Asking for help 1$/)).toBeVisible();

  // Boundaries is turned down, and stays down when the entry is opened again.
  const boundaries = suggested.getByRole('listitem').filter({ hasText: 'Boundaries' });
  await expect(boundaries).toBeVisible();
  await boundaries.getByRole('button', { name: 'Not this: Boundaries' }).click();
  await expect(boundaries).toHaveCount(0);

  const listed = await coreCall<{
    entries: Array<{ id: string; themes: Array<{ id: string; source: string }> }>;
  }>(bridge, 'listEntries', {});
  const entry = listed.entries[0]!;
  expect(entry.themes).toEqual([{ id: 'asking-for-help', source: 'suggested' }]);
  const suggest = async (input: Record<string, unknown>) =>
    (await coreCall<Array<{ themeId: string }>>(bridge, 'suggestThemes', input)).map(
      (suggestion) => suggestion.themeId,
    );
  const text = 'Later I told my boss I won’t answer emails at weekends any more.';
  // The same words suggest Boundaries in general, but never again for this entry.
  expect(await suggest({ text })).toContain('boundaries');
  expect(await suggest({ text, entryId: entry.id })).not.toContain('boundaries');
});

test('words given to an own theme make entries that use them suggest it', async ({
  page,
  appUrl,
}) => {
  await page.goto(appUrl);
  await createJournal(page);
  const ui = themesUi(page);
  await ui.nav.getByRole('button', { name: 'Manage themes' }).click();
  await ui.addTheme('Money worries');
  const row = ui.row('Money worries');
  await row.getByLabel('Words that suggest it').fill('rent, budget , overdraft');
  await row.getByRole('button', { name: 'Save words' }).click();
  await expect(row.getByLabel('Words that suggest it')).toHaveValue('rent, budget, overdraft');
  await expectAccessible(page, 'manage themes with keywords');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'New entry', exact: true }).click();
  await page.getByRole('textbox', { name: 'Entry', exact: true }).click();
  await page.keyboard.type('The rent went up again, so I sat with the budget all evening.');
  const suggested = page.getByRole('region', { name: 'Suggested themes' });
  await expect(suggested.getByRole('listitem').filter({ hasText: 'Money worries' })).toBeVisible();
  await suggested.getByRole('button', { name: 'Add Money worries' }).click();
  await expect(ui.navButton(/^Money worries 1$/)).toBeVisible();
});
