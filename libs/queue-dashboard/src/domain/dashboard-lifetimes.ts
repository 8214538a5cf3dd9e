/** A ticket only has to survive the hop from the web app to the new tab. */
export const TICKET_TTL_SECONDS = 60;
/** Like an access token's; the account's role is checked again on every request regardless. */
export const SESSION_TTL_SECONDS = 15 * 60;
