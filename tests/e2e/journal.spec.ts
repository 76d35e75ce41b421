import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { GOOD_PASSPHRASE, createJournal, expectAccessible, screens, unlock } from './app';

// The journal window end to end: writing, themes, prompts, browsing, search, trash, locking,
// and hostile paste, through the accessible names of the contract only.

function journal(page: Page) {
  return {
    newEntry: page.getByRole('button', { name: 'New entry', exact: true }),
    editor: page.getByRole('textbox', { name: 'Entry', exact: true }),
    title: page.getByLabel('Title', { exact: true }),
    saved: page.getByRole('status').filter({ hasText: /^Saved$/ }),
    entryThemes: page.getByRole('group', { name: 'Entry themes' }),
    themesNav: page.getByRole('navigation', { name: 'Themes' }),
    entries: page.getByRole('region', { name: 'Entries' }),
    prompts: page.getByRole('region', { name: 'Prompts' }),
    search: page.getByRole('searchbox', { name: 'Search entries' }),
  };
}

function rows(page: Page) {
  return journal(page).entries.getByRole('option');
}

async function writeEntry(page: Page, title: string, text: string) {
  const ui = journal(page);
  await ui.newEntry.click();
  await ui.title.fill(title);
  await ui.editor.click();
  await page.keyboard.type(text);
  await expect(ui.saved).toBeVisible();
}

/** Writes each entry, moves it to the trash, and opens the trash; returns its rows. */
async function trashAndOpenTrash(page: Page, entries: [title: string, text: string][]) {
  const ui = journal(page);
  for (const [title, text] of entries) {
    await writeEntry(page, title, text);
    await page.getByRole('button', { name: 'Move to trash' }).click();
  }
  await expect(rows(page)).toHaveCount(0);
  await ui.themesNav.getByRole('button', { name: 'Trash' }).click();
  const trashed = ui.entries.getByRole('list', { name: 'Trashed entries' }).getByRole('listitem');
  await expect(trashed).toHaveCount(entries.length);
  return trashed;
}

test('write with formatting, tag, lock, refuse a wrong passphrase, unlock, find it intact', async ({
  page,
  appUrl,
}) => {
  await page.goto(appUrl);
  await createJournal(page);
  const ui = journal(page);
  await ui.newEntry.click();
  await ui.title.fill('Asking Sam');
  await ui.editor.click();
  await page.keyboard.type('I asked ');
  await page.keyboard.press('ControlOrMeta+b');
  await page.keyboard.type('out loud');
  await page.keyboard.press('ControlOrMeta+b');
  await page.keyboard.type(' for once.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('- he said yes');
  await page.keyboard.press('Enter');
  await page.keyboard.type('it was fine');
  await ui.entryThemes.getByRole('button', { name: 'Asking for help', exact: true }).click();
  await expect(
    ui.entryThemes.getByRole('button', { name: 'Asking for help', exact: true }),
  ).toHaveAttribute('aria-pressed', 'true');
  await expect(ui.saved).toBeVisible();
  await expectAccessible(page, 'main window with an entry open');

  await screens(page).lockButton.click();
  await unlock(page, 'not the passphrase');
  await expect(screens(page).alert).toBeVisible();
  await unlock(page, GOOD_PASSPHRASE);

  await expect(rows(page)).toHaveCount(1);
  await rows(page).first().click();
  await expect(ui.title).toHaveValue('Asking Sam');
  await expect(ui.editor.locator('strong, b').filter({ hasText: 'out loud' })).toHaveCount(1);
  await expect(ui.editor.locator('ul li')).toHaveText(['he said yes', 'it was fine']);
  await expect(
    ui.entryThemes.getByRole('button', { name: 'Asking for help', exact: true }),
  ).toHaveAttribute('aria-pressed', 'true');
});

test('a prompt starts an entry tagged with its theme; themes browse; search shows snippets', async ({
  page,
  appUrl,
}) => {
  await page.goto(appUrl);
  await createJournal(page);
  const ui = journal(page);
  await writeEntry(page, 'Groceries', 'I carried every bag myself again.');

  await ui.prompts.getByRole('button', { name: 'Write about this' }).click();
  await ui.editor.click();
  await page.keyboard.type('My neighbour offered to water the plants and I let her.');
  await expect(ui.saved).toBeVisible();
  const pressed = ui.entryThemes.locator('[aria-pressed="true"]');
  await expect(pressed).toHaveCount(1);
  const promptTheme = ((await pressed.textContent()) ?? '').trim();
  expect(promptTheme.length).toBeGreaterThan(0);

  await expect(rows(page)).toHaveCount(2);
  await ui.themesNav.getByRole('button', { name: new RegExp(`^${promptTheme}`) }).click();
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('neighbour');
  await ui.themesNav.getByRole('button', { name: 'All entries' }).click();
  await expect(rows(page)).toHaveCount(2);

  await ui.search.fill('carried ba');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first().locator('mark')).toHaveText(['carried', 'bag']);
  await ui.search.fill('"unbalanced ( NEAR OR *');
  await expect(rows(page)).toHaveCount(0);
  await expectAccessible(page, 'main window while searching');
});

test('trash and restore', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await createJournal(page);
  const ui = journal(page);
  const trashed = await trashAndOpenTrash(page, [
    ['Too much', 'I said yes to everything this week.'],
  ]);
  await expectAccessible(page, 'trash');
  await trashed.first().getByRole('button', { name: 'Restore' }).click();
  await expect(trashed).toHaveCount(0);
  await ui.themesNav.getByRole('button', { name: 'All entries' }).click();
  await expect(rows(page)).toHaveCount(1);
});

test('deleting forever and emptying the trash each ask first, and Cancel keeps everything', async ({
  page,
  appUrl,
}) => {
  await page.goto(appUrl);
  await createJournal(page);
  const ui = journal(page);
  const trashed = await trashAndOpenTrash(
    page,
    ['Monday', 'Tuesday', 'Wednesday'].map((title) => [title, `Notes for ${title}.`]),
  );

  const monday = trashed.filter({ hasText: 'Monday' });
  await monday.getByRole('button', { name: 'Delete forever' }).click();
  const confirmDelete = monday.getByRole('group', { name: 'Delete Monday forever' });
  await expect(confirmDelete).toContainText('Delete forever? This cannot be undone.');
  // The confirming button takes focus, so Enter or Space acts and Tab reaches Cancel.
  await expect(confirmDelete.getByRole('button', { name: 'Delete forever' })).toBeFocused();
  await expectAccessible(page, 'trash, confirming a delete');
  await confirmDelete.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirmDelete).toHaveCount(0);
  await expect(trashed).toHaveCount(3);
  await monday.getByRole('button', { name: 'Delete forever' }).click();
  await confirmDelete.getByRole('button', { name: 'Delete forever' }).click();
  await expect(trashed).toHaveCount(2);
  await expect(trashed.filter({ hasText: 'Monday' })).toHaveCount(0);

  await ui.entries.getByRole('button', { name: 'Empty trash' }).click();
  const confirmEmpty = page.getByRole('group', { name: 'Empty trash' });
  await expect(confirmEmpty).toContainText('Every entry in it is deleted forever.');
  await confirmEmpty.getByRole('button', { name: 'Cancel' }).click();
  await expect(trashed).toHaveCount(2);
  await ui.entries.getByRole('button', { name: 'Empty trash' }).click();
  await confirmEmpty.getByRole('button', { name: 'Empty trash' }).click();
  await expect(trashed).toHaveCount(0);
  await ui.themesNav.getByRole('button', { name: 'All entries' }).click();
  await expect(rows(page)).toHaveCount(0);
});

test('what was typed a moment before locking is saved', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await createJournal(page);
  const ui = journal(page);
  await ui.newEntry.click();
  await ui.editor.click();
  await page.keyboard.type('Typed and locked straight away');
  await page.keyboard.press('ControlOrMeta+l');
  await expect(screens(page).unlockButton).toBeVisible();
  await unlock(page, GOOD_PASSPHRASE);
  await expect(rows(page)).toHaveCount(1);
  await rows(page).first().click();
  await expect(ui.editor).toHaveText('Typed and locked straight away');
});

test.describe('hostile paste', () => {
  // Parsing the markup makes Chromium report the inline handlers and styles its policy blocks.
  test.use({ blockedInlineCodeExpected: true });

  test('pasting hostile HTML runs nothing, loads nothing, and keeps the text', async ({
    page,
    appUrl,
  }) => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(appUrl);
    await createJournal(page);
    const ui = journal(page);
    await ui.newEntry.click();
    await ui.editor.click();
    const html = [
      '<h2>Kept heading</h2>',
      '<p>Plain <b>bold</b> text<script>window.pwned = 1; alert(1)</script></p>',
      '<img src="https://example.com/track.png" onerror="window.pwned = 2">',
      '<iframe src="https://example.com/"></iframe>',
      '<p><a href="javascript:window.pwned=3">bad link</a> and <a href="https://example.org/">good link</a></p>',
      '<style>body { display: none }</style>',
    ].join('');
    // A paste event as a browser fires it for HTML copied from a web page (run in the page).
    await ui.editor.focus();
    await page.evaluate(`(() => {
    const data = new DataTransfer();
    data.setData('text/html', ${JSON.stringify(html)});
    data.setData('text/plain', 'fallback');
    const paste = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    document.activeElement.dispatchEvent(paste);
  })()`);
    await expect(ui.editor).toContainText('Kept heading');
    await expect(ui.editor).toContainText('bad link');
    await expect(ui.saved).toBeVisible();
    expect(await page.evaluate('typeof window.pwned')).toBe('undefined');
    expect(dialogs).toEqual([]);
    await expect(ui.editor.locator('img, iframe, script, style')).toHaveCount(0);
    await expect(ui.editor.locator('a[href^="javascript:"]')).toHaveCount(0);
    await expect(ui.editor.locator('a[href="https://example.org/"]')).toHaveCount(1);
  });
});

test('a save the disk refuses keeps the words on screen, says why, and saves on Retry', async ({
  page,
  appUrl,
  bridge,
}) => {
  await page.goto(appUrl);
  await createJournal(page);
  const ui = journal(page);
  await writeEntry(page, 'Full disk', 'First words.');
  // Saves now meet a full disk until space is freed: the bridge answers with the error the core
  // gives for SQLITE_FULL (tests/unit/disk-full.test.ts proves that error on a real full disk).
  // Every save is refused, not just the first: typing on a slow machine can take more than one
  // save, and a later one must not quietly succeed before Retry is tried.
  let diskFull = true;
  let refused = 0;
  await page.route(`${bridge.origin}/api/call`, async (route) => {
    const body = JSON.parse(route.request().postData() ?? '{}') as { method?: string };
    if (body.method === 'updateEntry' && diskFull) {
      refused++;
      // In the bridge's streamed form: one line, the result.
      await route.fulfill({
        status: 200,
        contentType: 'application/x-ndjson',
        body: `${JSON.stringify({
          result: {
            ok: false,
            error: {
              code: 'IO_ERROR',
              message:
                'The disk is full, so the journal could not be saved; free some space and try again.',
            },
          },
        })}\n`,
      });
      return;
    }
    await route.continue();
  });
  await ui.editor.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' More words that must not be lost.');
  const notSaved = page.getByRole('status').filter({ hasText: /^Not saved: The disk is full/ });
  await expect(notSaved).toBeVisible();
  await expect(ui.editor).toContainText('More words that must not be lost.');
  await expectAccessible(page, 'save error');
  expect(refused).toBeGreaterThan(0);
  diskFull = false;
  await page.getByRole('button', { name: 'Retry', exact: true }).click();
  await expect(ui.saved).toBeVisible();

  // What Retry saved is what the journal holds.
  await page.keyboard.press('ControlOrMeta+l');
  await unlock(page, GOOD_PASSPHRASE);
  await rows(page).first().click();
  await expect(ui.editor).toHaveText('First words. More words that must not be lost.');
});
