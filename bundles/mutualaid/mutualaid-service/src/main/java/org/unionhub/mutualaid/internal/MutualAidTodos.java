package org.unionhub.mutualaid.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.OrgScope;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;
import org.unionhub.api.todo.TodoSource;

/**
 * Mutual aid's 待办: the claims in the caller's organisation chain waiting for the step his role takes — a reviewer
 * the submitted ones (not those of his own organisation, which a higher union reviews) and the second reviews, an
 * approver those under review, a payer the approved ones cleared for payment.
 */
@Component(service = TodoSource.class)
public class MutualAidTodos implements TodoSource {

    private final ModuleDatabase db;
    private final MemberDirectory directory;

    @Activate
    public MutualAidTodos(@Reference(target = "(unionhub.module=mutualaid)") ModuleDatabase db,
            @Reference MemberDirectory directory) {
        this.db = db;
        this.directory = directory;
    }

    @Override
    public String moduleId() {
        return "mutualaid";
    }

    @Override
    public List<Todo> todos(Caller caller) {
        StringBuilder scope = new StringBuilder();
        List<Object> params = new ArrayList<>();
        if (!Access.handlesClaims(caller) || !OrgScope.appendFor(caller, directory, "ORG_ID", scope, params)) {
            return List.of();
        }
        boolean admin = caller.isAdmin();
        List<Todo> out = new ArrayList<>();
        db.read(c -> {
            if (admin || caller.hasRole(Descriptor.CLAIMS_REVIEWER)) {
                List<Object> p = new ArrayList<>(params);
                String own = "";
                if (!admin && caller.orgId() != null) {
                    own = " AND ORG_ID <> ?";
                    p.add(caller.orgId());
                }
                out.add(new Todo("claims.submitted", "待审核理赔", Sql.count(c, "SELECT COUNT(*) FROM MUTUALAID_CLAIM "
                        + "WHERE STATUS = 'SUBMITTED'" + scope + own, p.toArray()), "/mutualaid/claims?status=SUBMITTED"));
                out.add(new Todo("claims.second-review", "待复核理赔", Sql.count(c, "SELECT COUNT(*) FROM MUTUALAID_CLAIM "
                        + "WHERE STATUS = 'APPROVED' AND SECOND_REVIEW = 'PENDING'" + scope, params.toArray()),
                        "/mutualaid/claims?status=APPROVED"));
            }
            if (admin || caller.hasRole(Descriptor.CLAIMS_APPROVER)) {
                out.add(new Todo("claims.under-review", "待核准理赔", Sql.count(c, "SELECT COUNT(*) FROM MUTUALAID_CLAIM "
                        + "WHERE STATUS = 'UNDER_REVIEW'" + scope, params.toArray()), "/mutualaid/claims?status=UNDER_REVIEW"));
            }
            if (admin || caller.hasRole(Descriptor.FUND_PAYER)) {
                out.add(new Todo("claims.approved", "待支付理赔", Sql.count(c, "SELECT COUNT(*) FROM MUTUALAID_CLAIM "
                        + "WHERE STATUS = 'APPROVED' AND SECOND_REVIEW <> 'PENDING'" + scope, params.toArray()),
                        "/mutualaid/claims?status=APPROVED"));
            }
            return null;
        });
        return out;
    }
}
