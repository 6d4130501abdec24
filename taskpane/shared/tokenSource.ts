// Where a task pane gets its token for the add-in's API, as a port: nested app authentication or
// Office SSO inside Office, the stand-in's token door in the preview. The API client asks it for a
// token before each call, and for a fresh one once when the server answers 401 (interactively when
// the server says Microsoft 365 wants the user: consent, multi-factor).

export interface TokenOptions {
  readonly fresh?: boolean | undefined;
  readonly interactive?: boolean | undefined;
}

export interface TokenSource {
  /**
   * A bearer token for the API's scope (access_as_user). Never logged, never shown.
   * @param options - fresh: skip any cached token (the server refused the last one); interactive:
   *   sign the user in with a prompt (a popup) where the source can, for consent or verification
   * @throws with a French / English message when the user cannot be signed in
   */
  token(options?: TokenOptions): Promise<string>;
}
