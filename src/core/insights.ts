/**
 * Insights: read-only views over the open journal for the insights screen (charts of themes and
 * words over time, a calendar of writing days, themes that travel together, prompts answered,
 * firsts, and "on this day"). Pure queries: nothing is cached or written.
 */
export { computeInsights } from './insights/compute';
export { onThisDay } from './insights/on-this-day';
export type * from './insights/types';
