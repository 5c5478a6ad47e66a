import type { ValidateFunction } from 'ajv';

/** The standalone validators of the schemas in schema/, each with the schema text it was compiled from; null in the sources. */
declare const prebuilt: { sources: Record<string, string>; validators: Record<string, ValidateFunction> } | null;
export = prebuilt;
