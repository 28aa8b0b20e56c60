/** The header the wizard names its trace in on sign-in requests (read by the auth hooks). */
export const TRACE_ID_HEADER = "x-embark-trace-id";
