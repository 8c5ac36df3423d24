import type { Page } from 'playwright-core';

const escapeRegExp = (text: string) => text.replace(/[()[\]{}.*+?^$|\\]/gu, '\\$&');

/**
 * From 公示管理's `tab` to the record of the decision `documentNumber`, by clicking its title; answers
 * the record's id (from its address). What the worker drafts shows after a reload, as a person sees
 * it: with `waitMs` the tab is reloaded until the record is listed.
 */
export async function openDisclosureFromList(
  page: Page,
  tab: string,
  documentNumber: string,
  waitMs = 0,
): Promise<string> {
  await page.getByRole('heading', { name: '公示管理' }).waitFor();
  const link = page.getByRole('link', { name: new RegExp(escapeRegExp(documentNumber), 'u') });
  const until = Date.now() + waitMs;
  for (;;) {
    await page.getByRole('tab', { name: tab, exact: true }).click();
    await page.waitForLoadState('networkidle');
    if ((await link.count()) > 0 || Date.now() > until) break;
    await page.reload();
    await page.getByRole('heading', { name: '公示管理' }).waitFor();
  }
  await link.first().click();
  await page.waitForURL(/\/disclosures\/[^/?#]+$/u);
  await recordHeading(page, documentNumber).waitFor();
  return decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
}

/** The record page's title, once the record has loaded (the layout shows before it). */
const recordHeading = (page: Page, documentNumber: string) =>
  page.getByRole('heading', { name: new RegExp(escapeRegExp(documentNumber), 'u') });

/** Clicks a radio button of an antd Radio.Group by its label (the input itself is hidden). */
export async function choose(page: Page, label: string) {
  await page.locator('label.ant-radio-button-wrapper', { hasText: label }).click();
  if (!(await page.getByRole('radio', { name: label }).isChecked())) throw new Error(`${label} not chosen`);
}

/**
 * Reloads the record of `documentNumber` until it reads 已公示: the lifecycle workflow publishes
 * after the approval. Each look waits for the record itself (not only the layout) to be there.
 */
export async function untilPublished(page: Page, documentNumber: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.getByText('已公示', { exact: true }).first().isVisible())) {
    if (Date.now() > deadline) throw new Error(`not published within ${timeoutMs / 1000} s`);
    await page.waitForTimeout(1_000);
    await page.reload();
    await recordHeading(page, documentNumber).waitFor();
    await page.waitForLoadState('networkidle');
  }
}
