package org.unionhub.mutualaid.internal;

import java.sql.SQLException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.security.Caller;
import org.unionhub.api.todo.SqlTodos;
import org.unionhub.api.todo.TodoSource;

/**
 * Mutual aid's 待办: the claims in the caller's organisation chain waiting for the step his role takes — a reviewer
 * the submitted ones (not those of his own organisation, which a higher union reviews) and the second reviews, an
 * approver those under review, a payer the approved ones cleared for payment.
 */
@Component(service = TodoSource.class)
public class MutualAidTodos extends SqlTodos {

    private static final String CLAIMS = "SELECT COUNT(*) FROM MUTUALAID_CLAIM WHERE STATUS = ";

    @Activate
    public MutualAidTodos(@Reference(target = "(unionhub.module=mutualaid)") ModuleDatabase db,
            @Reference MemberDirectory directory) {
        super("mutualaid", db, directory);
    }

    @Override
    protected boolean handles(Caller caller) {
        return Access.handlesClaims(caller);
    }

    @Override
    protected void count(Counts counts) throws SQLException {
        Caller caller = counts.caller();
        boolean admin = caller.isAdmin();
        if (admin || caller.hasRole(Descriptor.CLAIMS_REVIEWER)) {
            counts.addBelow("claims.submitted", "待审核理赔", "/mutualaid/claims?status=SUBMITTED", "ORG_ID",
                    CLAIMS + "'SUBMITTED'");
            counts.add("claims.second-review", "待复核理赔", "/mutualaid/claims?status=APPROVED", "ORG_ID",
                    CLAIMS + "'APPROVED' AND SECOND_REVIEW = 'PENDING'");
        }
        if (admin || caller.hasRole(Descriptor.CLAIMS_APPROVER)) {
            counts.add("claims.under-review", "待核准理赔", "/mutualaid/claims?status=UNDER_REVIEW", "ORG_ID",
                    CLAIMS + "'UNDER_REVIEW'");
        }
        if (admin || caller.hasRole(Descriptor.FUND_PAYER)) {
            counts.add("claims.approved", "待支付理赔", "/mutualaid/claims?status=APPROVED", "ORG_ID",
                    CLAIMS + "'APPROVED' AND SECOND_REVIEW <> 'PENDING'");
        }
    }
}
