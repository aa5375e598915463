package org.unionhub.fairs.internal;

import java.util.ArrayList;
import java.util.List;

import org.unionhub.api.MemberDirectory;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;
import org.unionhub.fairs.api.Application;
import org.unionhub.fairs.api.ApplicationStatus;
import org.unionhub.fairs.api.Fair;

/**
 * The steps a caller may take on a stall application now, for {@code GET …/applications/{id}/actions} (issue 20: the
 * console offers only these): {@code withdraw} while it holds or waits for a stall, {@code accept} an open offer
 * (the applicant or an officer), {@code reject} (an officer of the fair's organisation or above).
 */
public final class ApplicationActions {

    /** The application's id and status, and the steps the caller may take on it now. */
    public record StallApplicationSteps(long applicationId, String status, List<String> actions) {
    }

    private ApplicationActions() {
    }

    /** {@code a} is the application as the caller may read it (so he is its applicant or an officer of the fair). */
    public static StallApplicationSteps of(Caller caller, Fair fair, Application a, MemberDirectory directory) {
        boolean officer = caller.isAdmin() || caller.hasRole(Roles.OFFICER) && fair.orgId() != null
                && caller.canManage(fair.orgId(), directory);
        List<String> out = new ArrayList<>();
        if (a.status().isActive()) {
            out.add("withdraw");
        }
        if (a.status() == ApplicationStatus.OFFERED) {
            out.add("accept");
        }
        if (officer && a.status().isActive()) {
            out.add("reject");
        }
        return new StallApplicationSteps(a.id(), a.status().name(), out);
    }
}
