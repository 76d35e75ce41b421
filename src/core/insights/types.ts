// The insights' result and option types live in the contract (src/shared/insights.ts), so the
// window and the core read the same definitions.
export type * from '../../shared/insights';
