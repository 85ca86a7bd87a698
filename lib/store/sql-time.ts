// Times are stored by Prisma's SQLite adapter as ISO text with "+00:00": raw SQL writes and
// compares them in that same form (text order is then time order).
export const sqlTime = (date: Date) => date.toISOString().replace("Z", "+00:00");
