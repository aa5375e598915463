package org.unionhub.mutualaid.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.AuditLog;
import org.unionhub.api.HubException;
import org.unionhub.api.HubSettings;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.MemberInfo;
import org.unionhub.api.Validation;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;
import org.unionhub.api.validation.Texts;

/**
 * The family members an enrolment covers (受益职工及家属): named by the member himself or by an officer of his chain.
 * Which claims the plan pays for them is the plan version's {@code familyCovers}.
 */
@Component(service = FamilyMembers.class)
public class FamilyMembers {

    /** Most family members one enrolment may name. */
    static final int MAX_PER_ENROLMENT = 10;

    private final ModuleDatabase db;
    private final AuditLog audit;
    private final HubSettings settings;
    private final MemberDirectory directory;

    @Activate
    public FamilyMembers(@Reference(target = "(unionhub.module=mutualaid)") ModuleDatabase db, @Reference AuditLog audit,
            @Reference HubSettings settings, @Reference MemberDirectory directory) {
        this.db = db;
        this.audit = audit;
        this.settings = settings;
        this.directory = directory;
    }

    public FamilyMember add(Caller caller, long planId, long enrolmentId, FamilyRequest req) {
        Validation v = new Validation();
        String name = Texts.blankToNull(req.name());
        v.required("name", name).maxLength("name", name, 100);
        v.required("relation", req.relation());
        v.throwIfInvalid();
        long id = db.inTransaction(c -> {
            long memberId = enrolmentOf(c, caller, planId, enrolmentId);
            // serialise additions to one enrolment, so that the limit holds under concurrent requests
            Sql.update(c, "UPDATE MUTUALAID_ENROLMENT SET CLAIM_LOCK = CLAIM_LOCK + 1 WHERE ID = ?", enrolmentId);
            if (Sql.count(c, "SELECT COUNT(*) FROM MUTUALAID_FAMILY WHERE ENROLMENT_ID = ?", enrolmentId) >= MAX_PER_ENROLMENT) {
                throw HubException.conflict("name", "an enrolment names at most " + MAX_PER_ENROLMENT + " family members");
            }
            long familyId = Sql.insert(c, "INSERT INTO MUTUALAID_FAMILY (ENROLMENT_ID, NAME, RELATION, CREATED_BY, CREATED_AT) "
                    + "VALUES (?, ?, ?, ?, ?)", enrolmentId, name, req.relation(), caller.username(), Instant.now());
            // the name is personal data: the audit keeps ids and the relation only
            audit.record(c, caller, "mutualaid.family.create", "enrolment", enrolmentId,
                    Map.of("familyMemberId", familyId, "memberId", memberId, "relation", req.relation()));
            return familyId;
        });
        return list(caller, planId, enrolmentId).stream().filter(f -> f.id() == id).findFirst().orElseThrow();
    }

    public List<FamilyMember> list(Caller caller, long planId, long enrolmentId) {
        return db.read(c -> {
            long memberId = enrolmentOf(c, caller, planId, enrolmentId);
            return Sql.list(c, "SELECT * FROM MUTUALAID_FAMILY WHERE ENROLMENT_ID = ? ORDER BY ID", rs -> new FamilyMember(
                    rs.getLong("ID"), enrolmentId, memberId, rs.getString("NAME"), Sql.getEnum(rs, "RELATION", FamilyRelation.class),
                    rs.getString("CREATED_BY"), Times.at(Sql.getInstant(rs, "CREATED_AT"), settings.zone())), enrolmentId);
        });
    }

    /** The enrolment's member, when the caller acts for him; 404 otherwise (an enrolment outside his reach is not his). */
    private long enrolmentOf(Connection c, Caller caller, long planId, long enrolmentId) throws SQLException {
        Object[] e = Sql.one(c, "SELECT MEMBER_ID, ORG_ID FROM MUTUALAID_ENROLMENT WHERE ID = ? AND PLAN_ID = ?",
                rs -> new Object[] {rs.getLong(1), rs.getLong(2)}, enrolmentId, planId)
                .orElseThrow(() -> HubException.notFound("enrolment", enrolmentId));
        long memberId = (Long) e[0];
        long org = directory.member(memberId).map(MemberInfo::orgId).orElse((Long) e[1]);
        if (!Access.actsFor(caller, memberId, org, directory)) {
            throw HubException.notFound("enrolment", enrolmentId);
        }
        return memberId;
    }
}
