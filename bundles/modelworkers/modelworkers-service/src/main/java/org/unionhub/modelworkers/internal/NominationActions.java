package org.unionhub.modelworkers.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The steps a caller may take on a nomination now, for {@code GET /nominations/{id}/actions}: the console offers
 * only these (issue 20: no approve/return/reject that is then refused). Each mirrors the check its step makes.
 */
public final class NominationActions {

    /** The nomination's id and state, and the steps ({@code update}, {@code submit}, {@code approve}, {@code forward},
     * {@code return}, {@code reject}, {@code confer}) the caller may take on it now. */
    public record NominationSteps(long nominationId, String state, List<String> actions) {
    }

    /** A subsidy application's id and status, and the steps the caller may take on it now. */
    public record SubsidySteps(long applicationId, String status, List<String> actions) {
    }

    /** What the steps' checks look at, read once. */
    record Facts(NominationState state, boolean manages, boolean reviewsLevel, boolean atRegion, boolean submitter,
            boolean admin) {
    }

    private NominationActions() {
    }

    static List<String> of(Facts f) {
        List<String> out = new ArrayList<>();
        boolean editable = f.state() == NominationState.DRAFT || f.state() == NominationState.RETURNED;
        if (editable && f.manages()) {
            out.add("update");
            out.add("submit");
        }
        boolean decidable = f.state() == NominationState.SUBMITTED && f.reviewsLevel() && (!f.submitter() || f.admin());
        if (decidable) {
            out.add(f.atRegion() ? "approve" : "forward");
            out.add("return");
        }
        if (decidable || f.state() == NominationState.RECOMMENDED && f.admin()) {
            out.add("reject");
        }
        if (f.state() == NominationState.RECOMMENDED && f.admin()) {
            out.add("confer");
        }
        return out;
    }
}
