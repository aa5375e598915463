package org.unionhub.core.internal.memory;

/**
 * When an idle hub's heap is collected: after {@code quietChecks} checks in a row that saw no new young collection,
 * once, and then not until a young collection shows the hub was busy again. A full collection the hub asks for
 * is not a young one, so it does not count as busy.
 */
final class Idleness {

    private final int quietChecks;
    private long lastCount = -1;
    private int quiet;
    private boolean collected;

    Idleness(int quietChecks) {
        this.quietChecks = quietChecks;
    }

    /** Called at each check with the young collections so far and whether the heap is above its initial size. */
    synchronized boolean collectNow(long youngCollections, boolean grown) {
        if (youngCollections != lastCount) {
            lastCount = youngCollections;
            quiet = 0;
            collected = false;
            return false;
        }
        quiet++;
        if (quiet >= quietChecks && grown && !collected) {
            collected = true;
            return true;
        }
        return false;
    }
}
