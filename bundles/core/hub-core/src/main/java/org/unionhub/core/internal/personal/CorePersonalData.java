package org.unionhub.core.internal.personal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.personal.PersonalData;
import org.unionhub.api.personal.SqlPersonalData;

/**
 * What the core holds on a member: his record, his accounts and his requests (his consents, which include those given
 * for the modules' records about him, are added by {@link MyData}). Erasure keeps the row (its id,
 * organisation, employment form and joining date carry every module's figures) and blanks what names him; his
 * accounts are disabled and signed out. The hub runs the core's erasure after every module's, because modules find
 * records by the member's blind index, which this one clears.
 */
@Component(service = PersonalData.class)
public class CorePersonalData extends SqlPersonalData {

    /** The name an erased member keeps: NAME is NOT NULL and lists sort by it. */
    public static final String ERASED_NAME = "已注销会员";

    @Activate
    public CorePersonalData(@Reference(target = "(unionhub.module=core)") ModuleDatabase db) {
        super("core", db);
    }

    @Override
    protected void declare(Declarations d) {
        d.section("member", "SELECT ID, NAME, PHONE, ORG_ID, EMPLOYMENT_FORM, NEW_FORM_KIND, CARD_NUMBER, JOINED_ON, "
                + "ID_MASKED, CREATED_AT, UPDATED_AT FROM HUB_MEMBER WHERE ID = ?")
                .section("accounts", "SELECT USERNAME, ROLES, ENABLED, CREATED_AT FROM HUB_ACCOUNT WHERE MEMBER_ID = ? "
                        + "ORDER BY USERNAME")
                .section("dataRequests", "SELECT ID, KIND, DETAIL, STATUS, DECISION_REASON, CREATED_AT, DECIDED_AT "
                        + "FROM HUB_DATA_REQUEST WHERE MEMBER_ID = ? ORDER BY ID")
                .erase("accounts", "DELETE FROM HUB_TOKEN WHERE USERNAME IN (SELECT USERNAME FROM HUB_ACCOUNT WHERE MEMBER_ID = ?)")
                .erase("accounts", "UPDATE HUB_ACCOUNT SET ENABLED = FALSE WHERE MEMBER_ID = ?")
                .erase("dataRequests", "UPDATE HUB_DATA_REQUEST SET DETAIL = NULL WHERE MEMBER_ID = ?")
                .erase("member", "UPDATE HUB_MEMBER SET NAME = '" + ERASED_NAME + "', PHONE = NULL, CARD_NUMBER = NULL, "
                        + "ID_SEALED = NULL, ID_INDEX = NULL, ID_MASKED = NULL WHERE ID = ?");
        d.retention("dataRequest.detail", "a member's own words in a decided correction or deletion request", 1095,
                "个人信息保护法 art. 19 (no longer than the purpose needs): kept while the decision may be disputed, the "
                + "3-year limitation period of 民法典 art. 188",
                "UPDATE HUB_DATA_REQUEST SET DETAIL = NULL WHERE DETAIL IS NOT NULL AND DECIDED_AT < ?");
        // the idempotency filter sweeps these itself, but only while keyed requests keep coming
        d.retention("idempotency.answers", "full answers kept for an Idempotency-Key's repeat (they hold whatever the "
                + "answer held: members, claims, CVs)", 1, "个人信息保护法 art. 19: a repeat only comes within minutes; "
                + "kept 24 hours (issue 20)", "DELETE FROM HUB_IDEMPOTENCY WHERE CREATED_AT < ?");
        d.sealed("HUB_MEMBER", "ID", "ID_SEALED", "ID_INDEX", "");
    }
}
