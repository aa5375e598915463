package org.unionhub.modelworkers.internal;

/** The fixed answers of the annual living-conditions survey. */
public final class Survey {

    private Survey() {
    }

    public enum IncomeBand { BELOW_LOCAL_MINIMUM, LOW, MIDDLE, HIGH }

    public enum Health { GOOD, FAIR, POOR, SERIOUS_ILLNESS }

    public enum Housing { ADEQUATE, CROWDED, INADEQUATE }
}
