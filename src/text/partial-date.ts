/**
 * Dates as reporters read them: '2016-09-01' → '1 Sep 2016'. The archive stores partial dates
 * ('2016-09', '2016') and day-without-year dates ('--11-21'); each is shown with exactly the
 * precision it has, never padded with invented parts.
 */
const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function monthName(month: string): string | undefined {
  return monthNames[Number(month) - 1];
}

/**
 * A stored publication date for display, or null when it is absent or not one of the stored
 * shapes.
 *
 * @example formatPublished('--11-21') // '21 Nov'
 */
export function formatPublished(published: string | null | undefined): string | null {
  if (!published) return null;
  let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(published);
  if (match) {
    const month = monthName(match[2]!);
    return month ? `${Number(match[3])} ${month} ${match[1]}` : null;
  }
  match = /^(\d{4})-(\d{2})$/.exec(published);
  if (match) {
    const month = monthName(match[2]!);
    return month ? `${month} ${match[1]}` : null;
  }
  if (/^\d{4}$/.test(published)) return published;
  match = /^--(\d{2})-(\d{2})$/.exec(published);
  if (match) {
    const month = monthName(match[1]!);
    return month ? `${Number(match[2])} ${month}` : null;
  }
  return null;
}

/** An ISO timestamp as '21 Nov 2025, 15:02 UTC'; the raw text when it does not parse. */
export function formatTimestamp(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const day = formatPublished(date.toISOString().slice(0, 10)) ?? iso;
  return `${day}, ${date.toISOString().slice(11, 16)} UTC`;
}
