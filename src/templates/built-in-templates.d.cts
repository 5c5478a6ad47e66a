import type Handlebars from 'handlebars';

/** The built-in templates precompiled, by source text; null in the sources. */
declare const precompiled: ReadonlyMap<string, Parameters<typeof Handlebars.template>[0]> | null;
export = precompiled;
