/** Shown when a change is saved but the proxies could not be told at once (Redis down). */
export const DELAYED_NOTICE =
  "Proxies could not be notified right away (Redis unavailable); they pick up the change when their cache expires, within a minute.";
