/**
 * A comparison as text for a terminal (the `npm run readout -- compare …` CLI): how the accounts
 * were grouped, what each side mentions that the others do not, then each side's key sentences
 * with their attribution lines, and the other events the query matches (`--offset N` shows one).
 */
import type { ComparisonAnswer } from '../search/compare/comparison.js';
import { groupingLine } from '../search/compare/grouping-line.js';
import { attributionLine, numberedQuote, type TextStyle } from './answer-text.js';
import { wrapText } from './wrap-text.js';

/** The comparison as text, wrapped at `style.width` when it is set. */
export function renderComparisonText(answer: ComparisonAnswer, style: TextStyle): string {
  const lines: string[] = [];
  for (const note of answer.query.notes) lines.push(`note: ${note}`);
  const event = answer.event;
  if (!event) {
    const nothing = answer.kind === 'nothing_to_compare' ? 'nothing to compare in' : 'no event found for';
    lines.push(`${nothing}: ${answer.query.text}`);
    return wrapText(lines.join('\n'), style.width);
  }
  lines.push(groupingLine(event));
  if (event.accounts.length >= 2) {
    for (const account of event.accounts) {
      const mentions =
        account.mentionsOnly.length > 0 ? account.mentionsOnly.join('; ') : '(nothing the others do not)';
      lines.push(`only ${account.name} mentions: ${mentions}`);
    }
  }
  for (const account of event.accounts) {
    lines.push(
      '',
      `== ${account.name}${account.quotations > 0 ? ` (${account.quotations} quotations)` : ''}`,
    );
    account.statements.forEach((statement, index) => {
      lines.push(numberedQuote(index + 1, statement.excerpt, style));
      lines.push(`   ${attributionLine(statement)}`);
    });
  }
  if (event.alsoQuoted.length > 0) lines.push('', `also quoted: ${event.alsoQuoted.join(', ')}`);
  const others = answer.events.filter((other) => other.index !== answer.offset);
  if (others.length > 0) {
    lines.push('', 'other events the words match:');
    for (const other of others)
      lines.push(
        `  --offset ${other.index}: ${other.title} (${other.articles === 1 ? '1 article' : `${other.articles} articles`})`,
      );
  }
  return wrapText(lines.join('\n'), style.width);
}
