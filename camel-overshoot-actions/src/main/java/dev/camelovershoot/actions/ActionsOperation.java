package dev.camelovershoot.actions;

/** What an {@code overshoot-actions:} producer does with an exchange. */
public enum ActionsOperation {
    /** Takes a result exchange; the body becomes the list of actions (or events) it completed, possibly empty. */
    detect,
    /** Ends the open events; the body becomes their list. */
    flush,
    /** The body becomes the stored actions the query headers select, oldest first. */
    query,
    /** The body becomes the counts by action name, in first-seen order. */
    summary,
    /** Writes the store to the endpoint's exportJson and exportCsv files; the body becomes the list of files. */
    export,
    /** Empties the store. */
    clear
}
