import { type Page } from '@playwright/test';
import { type Bridge, expect, test } from './fixtures';
import { coreCall, createJournal, expectAccessible, paragraphDoc } from './app';

// The Insights view, empty and with writing, in light and dark; its tables; and "On this day"
// in the sidebar. Charts are drawn by Recharts; each has a table of the same figures.

function localDay(offsetDays = 0, offsetYears = 0): string {
  const date = new Date();
  date.setFullYear(date.getFullYear() - offsetYears);
  date.setDate(date.getDate() - offsetDays);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

async function addEntry(
  bridge: Bridge,
  title: string,
  entryDate: string,
  themes: string[],
  words = 'I asked my neighbour to water the plants while I was away.',
) {
  await coreCall(bridge, 'createEntry', {
    title,
    doc: paragraphDoc(words),
    entryDate,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    themes: themes.map((id) => ({ id, source: 'manual' })),
  });
}

function insightsUi(page: Page) {
  const view = page.getByRole('region', { name: 'Insights' });
  return {
    open: page.getByRole('button', { name: 'Insights', exact: true }),
    view,
    figure: (name: string) => view.getByRole('figure', { name }),
  };
}

test('Insights on an empty journal says so kindly and passes axe', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await createJournal(page);
  const ui = insightsUi(page);
  await ui.open.click();
  await expect(ui.view.getByRole('heading', { name: 'Nothing to show yet' })).toBeVisible();
  await expectAccessible(page, 'empty insights');
  await ui.view.getByRole('button', { name: 'Back to writing' }).click();
  await expect(ui.view).toHaveCount(0);
});

test('Insights shows themes over time, days, words, pairs and firsts, each also as a table', async ({
  page,
  appUrl,
  bridge,
}) => {
  await page.goto(appUrl);
  await createJournal(page);
  await addEntry(bridge, 'Asked for a lift', localDay(40), ['asking-for-help', 'trust']);
  await addEntry(bridge, 'Said no on Friday', localDay(39), ['boundaries']);
  await addEntry(bridge, 'Let her carry the bag', localDay(2), ['receiving', 'trust']);
  await addEntry(bridge, 'Nothing much', localDay(1), []);
  await addEntry(bridge, 'The same day, last year', localDay(0, 1), ['connection']);
  await page.reload();

  // On this day: last year's entry waits in the sidebar.
  const onThisDay = page.getByRole('region', { name: 'On this day' });
  await expect(onThisDay.getByRole('button', { name: /A year ago/ })).toBeVisible();

  const ui = insightsUi(page);
  await ui.open.click();
  await expect(ui.view.getByRole('status').filter({ hasText: /4 entries/ })).toBeVisible();
  for (const name of [
    'Themes over time',
    'Days you wrote',
    'Words written',
    'Themes that appear together',
    'Firsts',
  ]) {
    await expect(
      name === 'Firsts' ? ui.view.getByRole('region', { name }) : ui.figure(name),
    ).toBeVisible();
  }
  // Drawn by the charting library, and reachable from the keyboard.
  const themesChart = ui.figure('Themes over time');
  await expect(themesChart.locator('svg.recharts-surface').first()).toBeVisible();
  await expect(themesChart.locator('[tabindex="0"]').first()).toBeAttached();
  await expectAccessible(page, 'insights, light');
  await page.screenshot({ path: 'tmp/screenshots/insights-light.png', fullPage: true });

  // The same figures as a table.
  await ui
    .figure('Themes that appear together')
    .getByRole('button', { name: 'Show as a table' })
    .click();
  const pairs = ui.figure('Themes that appear together').getByRole('table');
  await expect(
    pairs.getByRole('row', { name: /Trust \+ Asking for help|Asking for help \+ Trust/ }),
  ).toContainText('1');
  await expect(pairs.getByRole('row')).toHaveCount(3); // header + two pairs
  await ui.figure('Days you wrote').getByRole('button', { name: 'Show as a table' }).click();
  await expect(ui.figure('Days you wrote').getByRole('table').getByRole('row')).toHaveCount(5);
  await expectAccessible(page, 'insights with tables');

  // All time brings last year's entry in; weeks regroup the chart.
  await ui.view.getByRole('radio', { name: 'All time' }).check();
  await expect(ui.view.getByRole('status').filter({ hasText: /5 entries/ })).toBeVisible();
  await ui.view.getByRole('radio', { name: 'Week' }).check();
  await ui.figure('Themes over time').getByRole('button', { name: 'Show as a table' }).click();
  await expect(
    ui.figure('Themes over time').getByRole('columnheader', { name: 'Week' }),
  ).toBeVisible();

  // A first opens its entry.
  await ui.view
    .getByRole('region', { name: 'Firsts' })
    .getByRole('button', { name: 'Asked for a lift' })
    .first()
    .click();
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Asked for a lift');

  await page.emulateMedia({ colorScheme: 'dark' });
  await ui.open.click();
  await expect(ui.figure('Themes over time')).toBeVisible();
  await expectAccessible(page, 'insights, dark');
  await page.screenshot({ path: 'tmp/screenshots/insights-dark.png', fullPage: true });
});
