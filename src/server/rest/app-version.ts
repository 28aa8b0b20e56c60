import packageJson from "../../../package.json" with { type: "json" };

/** The version Embark reports in /api/health and the OpenAPI document. */
export const APP_VERSION: string = packageJson.version;
