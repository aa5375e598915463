package org.unionhub.mutualaid.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.HubException;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.MemberInfo;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;

/**
 * The review steps the caller may take on a claim now, by its status, his roles, his level and the duties he
 * already took on it: the console offers only these. The steps themselves check the same rules again.
 */
@Component(service = ClaimActions.class)
public class ClaimActions {

    /** The answer of {@code GET /claims/{id}/actions}: names of the step endpoints the caller may call now. */
    public record View(long claimId, String status, List<String> actions) {
    }

    private final ModuleDatabase db;
    private final MemberDirectory directory;

    @Activate
    public ClaimActions(@Reference(target = "(unionhub.module=mutualaid)") ModuleDatabase db,
            @Reference MemberDirectory directory) {
        this.db = db;
        this.directory = directory;
    }

    public View of(Caller caller, long id) {
        return db.read(c -> {
            Object[] row = Sql.one(c, "SELECT STATUS, MEMBER_ID, ORG_ID, SECOND_REVIEW FROM MUTUALAID_CLAIM WHERE ID = ?",
                    rs -> new Object[] {rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4)}, id)
                    .orElseThrow(() -> HubException.notFound("claim", id));
            String status = (String) row[0];
            long memberId = (Long) row[1];
            long org = directory.member(memberId).map(MemberInfo::orgId).orElse((Long) row[2]);
            if (!Access.readsClaim(caller, memberId, org, directory)) {
                throw HubException.notFound("claim", id);
            }
            boolean handles = Access.reviews(caller, org, directory);
            Map<Duty, String> taken = Duties.taken(c, id);
            List<String> actions = new ArrayList<>();
            boolean rejects = handles && (Access.hasDutyRole(caller, Duty.REVIEW) || Access.hasDutyRole(caller, Duty.APPROVE));
            switch (status) {
                case "SUBMITTED" -> {
                    if (may(caller, handles, taken, Duty.REVIEW) && Access.higherLevel(caller, (Long) row[2])) {
                        actions.add("review");
                    }
                    addIf(actions, handles && Access.hasDutyRole(caller, Duty.REVIEW), "return");
                    addIf(actions, rejects, "reject");
                }
                case "UNDER_REVIEW" -> {
                    addIf(actions, may(caller, handles, taken, Duty.APPROVE), "approve");
                    addIf(actions, handles && Access.hasDutyRole(caller, Duty.REVIEW), "return");
                    addIf(actions, rejects, "reject");
                }
                case "RETURNED" -> {
                    addIf(actions, Access.actsFor(caller, memberId, org, directory), "resubmit");
                    addIf(actions, rejects, "reject");
                }
                case "APPROVED" -> {
                    if ("PENDING".equals(row[3])) {
                        boolean second = may(caller, handles, taken, Duty.SECOND_REVIEW);
                        addIf(actions, second, "second-review");
                        addIf(actions, second, "reject");
                    } else {
                        addIf(actions, may(caller, handles, taken, Duty.PAY), "pay");
                    }
                }
                default -> {
                    // PAID and REJECTED are final
                }
            }
            return new View(id, status, actions);
        });
    }

    private static boolean may(Caller caller, boolean handles, Map<Duty, String> taken, Duty duty) {
        return handles && Access.hasDutyRole(caller, duty) && Duties.conflicting(taken, caller, duty) == null;
    }

    private static void addIf(List<String> actions, boolean ok, String action) {
        if (ok) {
            actions.add(action);
        }
    }
}
