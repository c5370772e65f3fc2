/**
 * Text that LIKE/ILIKE matches only as itself: its `\`, `%` and `_` escaped
 * with PostgreSQL's default LIKE escape (backslash). Prisma's `contains` does
 * not escape them either, so a search for "%" would otherwise match anything.
 */
export const likeLiteral = (text: string): string => text.replace(/[\\%_]/g, "\\$&");
