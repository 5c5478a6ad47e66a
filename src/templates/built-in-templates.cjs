// Running from the sources there are no precompiled templates: they are compiled when first used. The build writes
// the real module in this one's place in dist (scripts/build-templates.mjs), and the bundle holds it.
'use strict';
module.exports = null;
