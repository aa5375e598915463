package org.unionhub.mutualaid.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.personal.PersonalData;
import org.unionhub.api.personal.SqlPersonalData;

/**
 * What mutual aid holds on a member: enrolments and covered family, claims with their steps and documents, his
 * ledger entries. Erasure keeps every amount, date, status and organisation (the fund ledger, caps and figures add up
 * as before), deletes the claim documents and blanks hospitals, reasons, notes and family names. A paid claim is an
 * accounting record of the fund: while he has one, a deletion is refused.
 */
@Component(service = PersonalData.class)
public class MutualAidPersonalData extends SqlPersonalData {

    /** What erased text fields that may not be empty say instead. */
    static final String ERASED = "已删除";

    @Activate
    public MutualAidPersonalData(@Reference(target = "(unionhub.module=mutualaid)") ModuleDatabase db) {
        super("mutualaid", db);
    }

    @Override
    protected void declare(Declarations d) {
        String claims = "(SELECT ID FROM MUTUALAID_CLAIM WHERE MEMBER_ID = ?)";
        d.section("enrolments", "SELECT ID, PLAN_ID, ORG_ID, PERIOD_START, ENROLLED_ON, COVERED_FROM, CONTRIBUTION, "
                + "VERSION_NO, CREATED_AT FROM MUTUALAID_ENROLMENT WHERE MEMBER_ID = ? ORDER BY ID")
                .section("family", "SELECT F.ID, F.ENROLMENT_ID, F.NAME, F.RELATION, F.CREATED_AT FROM MUTUALAID_FAMILY F "
                        + "JOIN MUTUALAID_ENROLMENT E ON E.ID = F.ENROLMENT_ID WHERE E.MEMBER_ID = ? ORDER BY F.ID")
                .section("claims", "SELECT ID, PLAN_ID, ENROLMENT_ID, ORG_ID, EVENT, FAMILY_MEMBER_ID, HOSPITAL, ADMITTED_ON, "
                        + "DISCHARGED_ON, TOTAL_EXPENSES, REIMBURSED, SELF_PAID, STATUS, COMPUTED_PAYOUT, PAYOUT, PAYOUT_REASON, "
                        + "DECISION_REASON, SUBMITTED_ON, PAID_ON, CREATED_AT, CONSENT_ID, MEDICAL_CONSENT_ID "
                        + "FROM MUTUALAID_CLAIM WHERE MEMBER_ID = ? ORDER BY ID")
                .section("claimSteps", "SELECT CLAIM_ID, FROM_STATUS, TO_STATUS, OCCURRED_AT, NOTE FROM MUTUALAID_CLAIM_STEP "
                        + "WHERE CLAIM_ID IN " + claims + " ORDER BY ID")
                .section("ledger", "SELECT ID, PLAN_ID, KIND, AMOUNT, ENROLMENT_ID, CLAIM_ID, PAID_BY, BOOKED_ON "
                        + "FROM MUTUALAID_LEDGER WHERE MEMBER_ID = ? ORDER BY ID")
                .attachments("claims", "SELECT ID, FILE_NAME, CONTENT_TYPE, SIZE_BYTES FROM MUTUALAID_ATTACHMENT "
                        + "WHERE CLAIM_ID IN " + claims + " ORDER BY ID",
                        "SELECT CONTENT FROM MUTUALAID_ATTACHMENT WHERE ID = ? AND CLAIM_ID IN " + claims)
                .hold("claim", "a paid claim is an accounting record of the fund, kept 30 years (会计档案管理办法 art. 14)",
                        "SELECT ID FROM MUTUALAID_CLAIM WHERE MEMBER_ID = ? AND PAID_ON IS NOT NULL ORDER BY ID")
                .erase("claims", "DELETE FROM MUTUALAID_ATTACHMENT WHERE CLAIM_ID IN " + claims)
                .erase("claimSteps", "UPDATE MUTUALAID_CLAIM_STEP SET NOTE = NULL WHERE CLAIM_ID IN " + claims)
                .erase("claims", "UPDATE MUTUALAID_CLAIM SET HOSPITAL = '" + ERASED + "', PAYOUT_REASON = NULL, "
                        + "DECISION_REASON = NULL WHERE MEMBER_ID = ?")
                .erase("family", "UPDATE MUTUALAID_FAMILY SET NAME = '" + ERASED + "' WHERE ENROLMENT_ID IN "
                        + "(SELECT ID FROM MUTUALAID_ENROLMENT WHERE MEMBER_ID = ?)");
        String rejected = "(SELECT ID FROM MUTUALAID_CLAIM WHERE STATUS = 'REJECTED' AND UPDATED_AT < ?)";
        d.retention("claim.documents.rejected", "medical documents and the hospital of a rejected claim", 1095,
                "个人信息保护法 arts. 19 and 28 (medical data is sensitive): kept while the rejection may be disputed, the "
                + "3-year limitation period of 民法典 art. 188",
                "DELETE FROM MUTUALAID_ATTACHMENT WHERE CLAIM_ID IN " + rejected,
                "UPDATE MUTUALAID_CLAIM SET HOSPITAL = '" + ERASED + "' WHERE HOSPITAL <> '" + ERASED + "' AND ID IN " + rejected);
        d.retention("claim.documents.paid", "medical documents of a paid claim (the vouchers of a fund payment)", 10950,
                "会计档案管理办法 art. 14: accounting vouchers are kept 30 years; the claim's amounts stay for ever",
                "DELETE FROM MUTUALAID_ATTACHMENT WHERE CLAIM_ID IN "
                        + "(SELECT ID FROM MUTUALAID_CLAIM WHERE STATUS = 'PAID' AND UPDATED_AT < ?)");
    }
}
