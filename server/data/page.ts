// Cursor pages, newest first: a page is read with one row more than it shows, so whether another
// page follows is known without counting; the next cursor is the last shown row's id.

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A requested page size held to 1..max. */
export const pageSize = (limit: number, max: number): number => Math.min(Math.max(1, Math.trunc(limit)), max);

/** Prisma's arguments for the page after `cursor` (the first page without one). */
export const cursorArgs = (cursor: string | undefined, limit: number) => ({
  take: limit + 1,
  ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
});

/** The page of rows read with `cursorArgs`, each shown through `view`. */
export function pageOf<Row extends { id: string }, Item>(
  rows: Row[],
  limit: number,
  view: (row: Row) => Item,
): Page<Item> {
  const shown = rows.slice(0, limit);
  return { items: shown.map(view), nextCursor: rows.length > limit ? shown.at(-1)!.id : null };
}
