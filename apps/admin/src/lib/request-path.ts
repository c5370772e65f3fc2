/** Set by the proxy on every page request: the path and query the user asked for. */
export const REQUEST_PATH_HEADER = "x-plano-path";
