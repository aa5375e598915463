package org.unionhub.jobfairs.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.personal.PersonalData;
import org.unionhub.api.personal.SqlPersonalData;

/**
 * What the job fairs hold on a member: his applications with their CVs and CV files, his applications on the job
 * board and to training programmes. Erasure keeps statuses, dates and amounts (figures count them), deletes the CV
 * files and blanks names, phones, ID numbers, skills and notes. A paid training subsidy is an accounting record: kept.
 */
@Component(service = PersonalData.class)
public class JobFairsPersonalData extends SqlPersonalData {

    /** What erased text fields that may not be empty say instead. */
    static final String ERASED = "已删除";

    @Activate
    public JobFairsPersonalData(@Reference(target = "(unionhub.module=jobfairs)") ModuleDatabase db) {
        super("jobfairs", db);
    }

    @Override
    protected void declare(Declarations d) {
        String applications = "(SELECT ID FROM JOBFAIRS_APPLICATION WHERE MEMBER_ID = ?)";
        d.section("applications", "SELECT ID, FAIR_ID, POSITION_ID, EMPLOYER_ID, STATUS, CV_NAME, CV_PHONE, CV_EMAIL, "
                + "CV_EDUCATION, CV_EXPERIENCE_YEARS, CV_SKILLS, CV_WORK_HISTORY, CV_EXPECTED_SALARY, NOTE, SUBMITTED_AT, "
                + "VIEWED_AT, INTERVIEW_AT, OFFERED_AT, HIRED_AT, CLOSED_AT, CONSENT_ID FROM JOBFAIRS_APPLICATION "
                + "WHERE MEMBER_ID = ? ORDER BY ID")
                .section("jobApplications", "SELECT ID, JOB_ID, APPLICANT_KIND, NAME, PHONE, ID_MASKED, EDUCATION, "
                        + "EXPERIENCE_YEARS, SKILLS, STATUS, NOTE, SUBMITTED_AT, CONSENT_ID, ID_NUMBER_CONSENT_ID "
                        + "FROM JOBFAIRS_JOB_APPLICATION WHERE MEMBER_ID = ? ORDER BY ID")
                .section("programmeApplications", "SELECT ID, PROGRAMME_ID, APPLICANT_KIND, NAME, PHONE, ID_MASKED, "
                        + "WORKPLACE, STATUS, NOTE, AMOUNT_PAID, SUBMITTED_AT, PAID_AT, CONSENT_ID, ID_NUMBER_CONSENT_ID "
                        + "FROM JOBFAIRS_PROGRAMME_APPLICATION WHERE MEMBER_ID = ? ORDER BY ID")
                .attachments("applications", "SELECT APPLICATION_ID AS ID, 'cv' AS FILE_NAME, CONTENT_TYPE, SIZE_BYTES "
                        + "FROM JOBFAIRS_ATTACHMENT WHERE APPLICATION_ID IN " + applications + " ORDER BY APPLICATION_ID",
                        "SELECT CONTENT FROM JOBFAIRS_ATTACHMENT WHERE APPLICATION_ID = ? AND APPLICATION_ID IN " + applications)
                .hold("programme application", "a paid training subsidy is an accounting record, kept 30 years "
                        + "(会计档案管理办法 art. 14)", "SELECT ID FROM JOBFAIRS_PROGRAMME_APPLICATION WHERE MEMBER_ID = ? "
                        + "AND PAID_AT IS NOT NULL ORDER BY ID")
                .erase("applications", "DELETE FROM JOBFAIRS_ATTACHMENT WHERE APPLICATION_ID IN " + applications)
                .erase("applications", "UPDATE JOBFAIRS_APPLICATION SET CV_NAME = '" + ERASED + "', CV_PHONE = '', "
                        + "CV_EMAIL = NULL, CV_SKILLS = NULL, CV_WORK_HISTORY = NULL, NOTE = NULL WHERE MEMBER_ID = ?")
                .erase("jobApplications", "UPDATE JOBFAIRS_JOB_APPLICATION SET NAME = '" + ERASED + "', PHONE = '', "
                        + "ID_SEALED = NULL, ID_MASKED = NULL, SKILLS = NULL, NOTE = NULL WHERE MEMBER_ID = ?")
                .erase("programmeApplications", "UPDATE JOBFAIRS_PROGRAMME_APPLICATION SET NAME = '" + ERASED + "', "
                        + "PHONE = '', ID_SEALED = NULL, ID_MASKED = NULL, WORKPLACE = NULL, NOTE = NULL WHERE MEMBER_ID = ?");
        String ended = "(SELECT A.ID FROM JOBFAIRS_APPLICATION A JOIN JOBFAIRS_FAIR F ON F.ID = A.FAIR_ID WHERE F.ENDS_AT < ?)";
        d.retention("application.cv", "the CV and CV file of an application, counted from the end of its fair", 180,
                "个人信息保护法 art. 19: a CV serves the fair's hiring; half a year after the fair covers its offers and "
                + "probation; statuses and dates stay for the figures",
                "DELETE FROM JOBFAIRS_ATTACHMENT WHERE APPLICATION_ID IN " + ended,
                "UPDATE JOBFAIRS_APPLICATION SET CV_NAME = '" + ERASED + "', CV_PHONE = '', CV_EMAIL = NULL, CV_SKILLS = NULL, "
                        + "CV_WORK_HISTORY = NULL, NOTE = NULL WHERE CV_NAME <> '" + ERASED + "' AND ID IN " + ended);
        ApplicantRetention.declare(d, ERASED);
        // a non-member applicant's key is "id:" + the blind index of his ID number; a member's is "member:<id>"
        d.sealed("JOBFAIRS_JOB_APPLICATION", "ID", "ID_SEALED", "APPLICANT_KEY", "id:")
                .sealed("JOBFAIRS_PROGRAMME_APPLICATION", "ID", "ID_SEALED", "APPLICANT_KEY", "id:");
    }
}
