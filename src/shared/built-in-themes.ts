/**
 * The ids of the eight built-in themes, in the order resources/themes.json gives them (a test
 * keeps the two the same). Code that must name a built-in theme uses these.
 */
export const BUILT_IN_THEME_IDS = [
  'trust',
  'asking-for-help',
  'boundaries',
  'vulnerability',
  'receiving',
  'connection',
  'self-reliance',
  'interdependence',
] as const;

export type BuiltInThemeId = (typeof BUILT_IN_THEME_IDS)[number];
