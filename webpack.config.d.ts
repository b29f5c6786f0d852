/** Paths of the custom-function source files, as the build gives them to the metadata plugin. */
export const functionFiles: string[];
declare const config: unknown;
export default config;
