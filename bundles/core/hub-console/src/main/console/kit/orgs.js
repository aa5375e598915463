import { api } from './api.js';

/**
 * Every organisation the signed-in account may see (its part of the tree), page by page, up to 5000: for pickers
 * that choose one by name. A province has a few thousand.
 */
export async function allOrgs() {
  const all = [];
  let cursor = null;
  do {
    const page = await api('orgs?limit=200' + (cursor ? '&cursor=' + encodeURIComponent(cursor) : ''));
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && all.length < 5000);
  return all;
}
