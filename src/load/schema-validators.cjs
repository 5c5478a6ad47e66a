// Running from the sources there are no standalone validators: the schemas are compiled when first used. The build
// writes the real module in this one's place in dist (scripts/build-validators.mjs), and the bundle holds it.
'use strict';
module.exports = null;
