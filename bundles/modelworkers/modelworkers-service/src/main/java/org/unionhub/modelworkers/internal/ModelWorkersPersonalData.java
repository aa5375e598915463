package org.unionhub.modelworkers.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.personal.PersonalData;
import org.unionhub.api.personal.SqlPersonalData;

/**
 * What the model-worker archive holds on a member: the archive records linked to him or bearing his ID number, their
 * titles, history, subsidies, surveys and visits, and nominations of him with their materials. Erasure keeps titles,
 * amounts, years, statuses and organisations (figures and subsidy totals count them), deletes materials and surveys
 * (health data), and blanks names, ID numbers, contacts and free text (notes of visits and subsidy applications,
 * reviewers' comments and decision notes of nominations). A paid subsidy is an accounting record: while he has one, a deletion is
 * refused. The record itself is blanked last, because the statements before it find his rows by its ID number.
 */
@Component(service = PersonalData.class)
public class ModelWorkersPersonalData extends SqlPersonalData {

    /** What erased text fields that may not be empty say instead. */
    static final String ERASED = "已删除";

    @Activate
    public ModelWorkersPersonalData(@Reference(target = "(unionhub.module=modelworkers)") ModuleDatabase db) {
        super("modelworkers", db);
    }

    @Override
    protected void declare(Declarations d) {
        String records = "(SELECT ID FROM MODELWORKERS_RECORD WHERE MEMBER_ID = ? "
                + "OR ID_INDEX = (SELECT ID_INDEX FROM HUB_MEMBER WHERE ID = ?))";
        String nominations = "(SELECT ID FROM MODELWORKERS_NOMINATION WHERE RECORD_ID IN " + records
                + " OR ID_INDEX = (SELECT ID_INDEX FROM HUB_MEMBER WHERE ID = ?))";
        d.section("records", "SELECT ID, NAME, ID_MASKED, BIRTH_DATE, SEX, WORKPLACE, ORG_ID, CONTACT, STATUS, "
                + "SHOWCASE_CITATION, SHOWCASE_CONSENT_AT, CREATED_AT FROM MODELWORKERS_RECORD WHERE ID IN " + records
                + " ORDER BY ID")
                .section("titles", "SELECT RECORD_ID, LEVEL_CODE, YEAR_AWARDED, AWARDING_BODY FROM MODELWORKERS_TITLE "
                        + "WHERE RECORD_ID IN " + records + " ORDER BY ID")
                .section("statusHistory", "SELECT RECORD_ID, FROM_STATUS, TO_STATUS, REASON, CHANGED_AT "
                        + "FROM MODELWORKERS_STATUS_HISTORY WHERE RECORD_ID IN " + records + " ORDER BY ID")
                .section("subsidies", "SELECT ID, RECORD_ID, KIND, SUBSIDY_YEAR, AMOUNT, NOTE, PAID_AT FROM MODELWORKERS_SUBSIDY "
                        + "WHERE RECORD_ID IN " + records + " ORDER BY ID")
                .section("subsidyApplications", "SELECT ID, RECORD_ID, KIND, SUBSIDY_YEAR, AMOUNT, STATUS, APPROVED_AMOUNT, "
                        + "REVIEW_NOTE, APPLIED_AT, PAID_AT FROM MODELWORKERS_SUBSIDY_APPLICATION WHERE RECORD_ID IN "
                        + records + " ORDER BY ID")
                .section("surveys", "SELECT RECORD_ID, SURVEY_YEAR, INCOME_BAND, HEALTH, HOUSING, SELF_PAID_MEDICAL, NEEDS, "
                        + "FLAGGED, FLAG_REASONS, SURVEYED_AT, CONSENT_ID, MEDICAL_CONSENT_ID FROM MODELWORKERS_SURVEY "
                        + "WHERE RECORD_ID IN " + records + " ORDER BY ID")
                .section("visits", "SELECT RECORD_ID, VISITED_ON, OCCASION, GIFT_AMOUNT, NOTE FROM MODELWORKERS_VISIT "
                        + "WHERE RECORD_ID IN " + records + " ORDER BY ID")
                .section("nominations", "SELECT ID, ORG_ID, STATE, CANDIDATE_NAME, ID_MASKED, WORKPLACE, CONTACT, "
                        + "PROPOSED_TITLE, ACHIEVEMENTS, RECORD_ID, DECISION_NOTE, CREATED_AT, SUBMITTED_AT, DECIDED_AT, "
                        + "CONSENT_ID, ID_NUMBER_CONSENT_ID FROM MODELWORKERS_NOMINATION WHERE ID IN " + nominations
                        + " ORDER BY ID")
                // the candidate consented on paper under the nomination; a candidate who is a member sees it as his own
                .consentSubject("nomination", "SELECT ID FROM MODELWORKERS_NOMINATION WHERE ID IN " + nominations)
                // and on paper to each year's care survey, with its health data
                .consentSubject("survey", "SELECT ID FROM MODELWORKERS_SURVEY WHERE RECORD_ID IN " + records)
                .attachments("nominations", "SELECT ID, FILE_NAME, CONTENT_TYPE, SIZE_BYTES FROM MODELWORKERS_MATERIAL "
                        + "WHERE NOMINATION_ID IN " + nominations + " ORDER BY ID",
                        "SELECT CONTENT FROM MODELWORKERS_MATERIAL WHERE ID = ? AND NOMINATION_ID IN " + nominations)
                .hold("subsidy", "a paid subsidy is an accounting record, kept 30 years (会计档案管理办法 art. 14)",
                        "SELECT ID FROM MODELWORKERS_SUBSIDY WHERE RECORD_ID IN " + records + " ORDER BY ID")
                // reviewers' comments and the decision's note may speak of him; the nomination's state stays (before its ID
                // number, by which these statements find it, is blanked)
                .erase("nominations", "UPDATE MODELWORKERS_NOMINATION_COMMENT SET MESSAGE = '" + ERASED + "' "
                        + "WHERE NOMINATION_ID IN " + nominations)
                .erase("nominations", "UPDATE MODELWORKERS_NOMINATION SET DECISION_NOTE = NULL WHERE DECISION_NOTE IS NOT NULL "
                        + "AND ID IN " + nominations)
                .erase("nominations", "DELETE FROM MODELWORKERS_MATERIAL WHERE NOMINATION_ID IN " + nominations)
                .erase("nominations", "UPDATE MODELWORKERS_NOMINATION SET CANDIDATE_NAME = '" + ERASED + "', "
                        + "ID_SEALED = NULL, ID_INDEX = NULL, ID_MASKED = NULL, CONTACT = NULL, ACHIEVEMENTS = NULL "
                        + "WHERE ID IN " + nominations)
                .erase("surveys", "DELETE FROM MODELWORKERS_SURVEY WHERE RECORD_ID IN " + records)
                // an unpaid application's words (his hardship, the reviewer's note) go; kind, year, amounts and status
                // stay for the totals (a paid one is held above)
                .erase("subsidyApplications", "UPDATE MODELWORKERS_SUBSIDY_APPLICATION SET NOTE = NULL, REVIEW_NOTE = NULL "
                        + "WHERE RECORD_ID IN " + records)
                .erase("visits", "UPDATE MODELWORKERS_VISIT SET NOTE = NULL WHERE RECORD_ID IN " + records)
                .erase("statusHistory", "UPDATE MODELWORKERS_STATUS_HISTORY SET REASON = '" + ERASED + "' "
                        + "WHERE RECORD_ID IN " + records)
                .erase("records", "UPDATE MODELWORKERS_RECORD SET NAME = '" + ERASED + "', ID_SEALED = '', "
                        + "ID_INDEX = 'erased-' || TRIM(CAST(ID AS CHAR(20))), ID_MASKED = '', CONTACT = NULL, "
                        + "SHOWCASE_CITATION = NULL WHERE ID IN " + records);
        String rejected = "(SELECT ID FROM MODELWORKERS_NOMINATION WHERE STATE = 'REJECTED' AND DECIDED_AT < ?)";
        d.retention("nomination.rejected", "the materials, ID number and contact of a rejected nomination", 365,
                "个人信息保护法 art. 19: a rejected candidate's papers serve the next year's round at most; the nomination "
                + "and its organisation stay for the quotas and figures",
                "DELETE FROM MODELWORKERS_MATERIAL WHERE NOMINATION_ID IN " + rejected,
                "UPDATE MODELWORKERS_NOMINATION SET ID_SEALED = NULL, ID_INDEX = NULL, ID_MASKED = NULL, CONTACT = NULL "
                        + "WHERE (ID_SEALED IS NOT NULL OR CONTACT IS NOT NULL) AND ID IN " + rejected);
        d.sealed("MODELWORKERS_RECORD", "ID", "ID_SEALED", "ID_INDEX", "")
                .sealed("MODELWORKERS_NOMINATION", "ID", "ID_SEALED", "ID_INDEX", "");
    }
}
