import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { WORKSPACE_ROOT } from './paths';

/** Impacts that fail a page (DESIGN: every page passes axe-core without serious/critical ones). */
const FAILING_IMPACTS = new Set(['serious', 'critical']);

/**
 * axe-core's serious and critical violations on the page as it is now, one readable line per
 * element: the rule, its impact, what it means, the element and axe's advice for it.
 */
export async function axeProblems(page: Page, where: string): Promise<string[]> {
  // Only violations are collected: the details of passes and incomplete results cost time.
  const results = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze();
  return results.violations
    .filter((violation) => FAILING_IMPACTS.has(violation.impact ?? ''))
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${where}: ${violation.id} (${violation.impact}) ${violation.help}\n` +
          `    at ${node.target.join(' ')}\n` +
          `    ${node.failureSummary?.replace(/\s*\n\s*/g, ' ') ?? ''}`,
      ),
    );
}

/**
 * What scrolls or is cut off sideways: the page itself, and any table wider than the box it sits
 * in (a table's own container need not clip it for its last column to fall off a phone).
 *
 * One box may scroll sideways: a data table's own, when it is a named region that takes
 * keyboard focus (`role="region"`, `tabindex="0"`, `aria-label`), so that a keyboard can scroll
 * it and a screen reader announces it. A table of many months or categories cannot reflow into
 * 390 px without losing its rows and columns, and WCAG 1.4.10 exempts such tables.
 */
export async function overflowProblems(page: Page, where: string): Promise<string[]> {
  const problems = await page.evaluate(() => {
    const found: string[] = [];
    const isTableScroller = (element: Element) =>
      element.matches('[role="region"][tabindex="0"][aria-label]') &&
      element.querySelector('table') !== null;
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) {
      found.push(`the page scrolls sideways (${root.scrollWidth} px > ${root.clientWidth} px)`);
    }
    const describe = (element: Element) =>
      element.tagName.toLowerCase() +
      (element.id ? `#${element.id}` : '') +
      Array.from(element.classList, (name) => `.${name}`).join('');
    for (const table of Array.from(document.querySelectorAll('table'))) {
      // The nearest ancestor that is a box of its own (custom elements are inline by default).
      let box = table.parentElement;
      while (box && ['inline', 'contents'].includes(getComputedStyle(box).display)) {
        box = box.parentElement;
      }
      if (!box || isTableScroller(box)) continue;
      const style = getComputedStyle(box);
      const inner =
        box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const width = table.getBoundingClientRect().width;
      if (width > inner + 1) {
        found.push(
          `${describe(table)} is ${Math.round(width)} px wide in ${describe(box)} of ${Math.round(inner)} px`,
        );
      }
    }
    // Boxes that clip or scroll their content sideways: a phone user would miss what is cut
    // off. Text cut with an ellipsis on purpose, 1 px visually hidden text and a field's own
    // text (it scrolls as one types) are fine.
    for (const element of Array.from(document.body.querySelectorAll('*'))) {
      const style = getComputedStyle(element);
      if (
        !element.matches('input, select, textarea') &&
        !isTableScroller(element) &&
        style.overflowX !== 'visible' &&
        style.textOverflow !== 'ellipsis' &&
        element.clientWidth > 1 &&
        element.scrollWidth > element.clientWidth + 1
      ) {
        found.push(
          `${describe(element)} cuts off or scrolls sideways (${element.scrollWidth} px in ${element.clientWidth} px)`,
        );
      }
    }
    return found;
  });
  return problems.map((problem) => `${where}: ${problem}`);
}

/**
 * The paths of the app's routes, read from its route files so that a new page has to be given a
 * visit here (the spec fails on a route it does not know). Redirects ('' and '**') are left out.
 */
export function appRoutePaths(): string[] {
  const files = ['app.routes.ts', 'household.routes.ts'].map((name) =>
    readFileSync(join(WORKSPACE_ROOT, 'client', 'src', 'app', name), 'utf8'),
  );
  const paths = files.flatMap((text) =>
    [...text.matchAll(/\bpath:\s*'([^']*)'/g)].map((match) => match[1]),
  );
  return [...new Set(paths)].filter((path) => path !== '' && path !== '**');
}

/** The element that has focus, described for a failure message. */
export function focusedElement(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element) return 'nothing';
    return `${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 40)}"`;
  });
}
