package org.unionhub.modelworkers.api;

/**
 * EventAdmin topics of the module ({@code org/unionhub/modelworkers/...}). Properties: {@code recordId},
 * {@code orgId}, and for a status change {@code from}, {@code to}; never the ID-card number.
 */
public final class ModelWorkerEvents {

    public static final String MODULE = "modelworkers";
    public static final String RECORD_CREATED = "org/unionhub/modelworkers/RECORD_CREATED";
    public static final String RECORD_UPDATED = "org/unionhub/modelworkers/RECORD_UPDATED";
    public static final String STATUS_CHANGED = "org/unionhub/modelworkers/STATUS_CHANGED";
    public static final String NOMINATION_DECIDED = "org/unionhub/modelworkers/NOMINATION_DECIDED";
    public static final String SUBSIDY_PAID = "org/unionhub/modelworkers/SUBSIDY_PAID";

    private ModelWorkerEvents() {
    }
}
