import type { RiskCategory } from "./types";

/** Splits a whitespace-separated word list. */
function words(list: string): string[] {
  return list.trim().split(/\s+/);
}

/*
 * Word lists behind the classifier. They describe English verbs as tool names and descriptions
 * use them, not any one server: a word belongs here only if it means the same thing in most
 * MCP servers.
 */

const VERB_FAMILIES: Record<RiskCategory, readonly string[]> = {
  read: words(`
    get list search describe read fetch show query find view retrieve lookup inspect check count
    compare explain echo ping browse navigate visit download preview analyze analyse summarize
    summarise validate verify diff screenshot hover scan discover return load grep tail watch
    estimate calculate compute test poll peek measure monitor audit export
  `),
  write: words(`
    create update set register copy log transition add write edit move rename upload send tag post
    put patch apply insert save store push fork merge commit reply comment react assign unassign
    label publish submit approve reject accept decline close reopen archive unarchive restore import
    sync enable disable toggle configure modify change replace append prepend mark star pin unpin
    follow unfollow invite share schedule reschedule stop pause resume restart scale promote link
    unlink attach detach connect reconnect disconnect subscribe unsubscribe notify email
    forward fill click type press drag finalize mount unmount lock unlock cancel reset clone
    duplicate initialize init mute unmute upsert manage recreate transfer rotate grant annotate
    draft book reserve order request record track rollback revert resize emulate rebase
  `),
  destructive: words(`
    delete remove purge drop destroy truncate wipe revoke erase kill terminate uninstall evict prune
    clear clean cleanup flush shred rm del nuke discard expunge deprovision decommission unregister
    obliterate
  `),
  execute: words(`
    run exec execute eval evaluate shell deploy redeploy invoke spawn script launch install
    reinstall upgrade interpret sh bash
  `),
  financial: words(`
    charge refund pay payout withdraw purchase buy bill reimburse deposit checkout tip donate
  `),
};

/** Verb → category, for the base form of every verb above. */
export const VERB_CATEGORY: ReadonlyMap<string, RiskCategory> = new Map(
  Object.entries(VERB_FAMILIES).flatMap(([category, verbs]) =>
    verbs.map((verb) => [verb, category as RiskCategory] as const),
  ),
);

/** Verbs that say only "begin doing": the word after them tells what is done (start_search, start_process). */
export const AUX_VERBS: ReadonlySet<string> = new Set(
  words("start begin trigger initiate perform make attempt try help allow let"),
);

/** Words that are as often nouns as verbs; in a name they are verbs only in first position. */
export const NOUN_VERBS: ReadonlySet<string> = new Set(
  words(`
    request order record track log comment tag label type link draft book star pin mark share schedule
    react email view check count test watch return load export bill tip
  `),
);

/** HTTP methods that generated names put before the real verb (API-post-search). */
export const HTTP_METHODS: ReadonlySet<string> = new Set(words("post put patch"));

/** Nouns that name something runnable; after an auxiliary verb, or alone in a name, they mean execute. */
export const EXECUTE_NOUNS: ReadonlySet<string> = new Set(
  words("process command shell script terminal repl subprocess"),
);

/** Money nouns clear enough to count in a name or in a description's first sentence. */
export const MONEY_NOUNS: ReadonlySet<string> = new Set(
  words("payment refund invoice billing payout fund money checkout payroll charge"),
);

/** Money nouns that are ambiguous in prose ("subscription updates", "sort order"): they count only in a name. */
export const MONEY_NAME_NOUNS: ReadonlySet<string> = new Set(
  words("subscription price pricing coupon discount dispute order balance fee wallet withdrawal"),
);

/** Words that widen an action to many things at once. */
export const BULK_WORDS: ReadonlySet<string> = new Set(
  words("all entire every everything bulk recursive recursively whole any arbitrary"),
);

/** Phrases that say a change cannot be taken back. */
export const IRREVERSIBLE_PATTERN =
  /\b(permanent(?:ly)?|irreversibl[ey]|can(?:not|'t| not) be (?:undone|recovered|restored|reversed)|unrecoverable|will be lost)\b/i;

/** Phrases that promise no side effects. */
export const READ_ONLY_PATTERN =
  /\b(read-?only|read only (?:mode|access|transaction|query|queries)|does not (?:modify|change|write)|without (?:modifying|changing)|no side[- ]effects)\b/i;

/** Phrases that say the tool runs code or commands. */
export const EXECUTE_PATTERN =
  /\b(shell commands?|terminal (?:process|session|commands?)|arbitrary (?:code|commands?)|repl|command[- ]line|javascript|(?:execute|run)s? (?:code|commands?|scripts?))\b/i;
