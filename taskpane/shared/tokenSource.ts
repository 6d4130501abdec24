// Where a task pane gets its token for the add-in's API, as a port: nested app authentication or
// Office SSO inside Office, the stand-in's token door in the preview. The API client asks it for a
// token before each call, and for a fresh one once when the server answers 401.

export interface TokenSource {
  /**
   * A bearer token for the API's scope (access_as_user). Never logged, never shown.
   * @param options - fresh: skip any cached token (the server refused the last one)
   * @throws with a French / English message when the user cannot be signed in
   */
  token(options?: { readonly fresh?: boolean }): Promise<string>;
}
