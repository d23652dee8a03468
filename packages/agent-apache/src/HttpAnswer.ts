/** What one HTTP GET came to: the response's status code, or why there was none. */
export type HttpAnswer = { readonly status: number } | { readonly error: string };
