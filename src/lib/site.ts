// Site-wide constants, from the gazette's config (seeds/gazette.yaml, via src/lib/gazette.ts).
import { gazette } from './gazette.ts';

/** The gazette's name as printed in its running header (《…》 without the brackets). */
export const SITE_NAME = gazette().gazette.name;

/** The body that publishes the gazette (the feed's author). */
export const PUBLISHER = gazette().gazette.publisher;
