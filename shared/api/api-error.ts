/** What crosses a transport when a call fails: a message key and its parameters, never a stack. */
export interface ApiError {
  code: string;
  params: Record<string, string | number>;
}
