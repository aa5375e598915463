package org.unionhub.jobfairs.internal;

import org.unionhub.api.personal.SqlPersonalData.Declarations;

/**
 * How long the job board's and the programmes' applications keep the applicant's name, phone, ID number and free
 * text, counted from the application's last change (its last decision): the status, dates and amounts stay for the
 * figures, the application's row and its consent ids too. A paid study subsidy is an accounting record and is never
 * purged here (会计档案管理办法 art. 14: 30 years). The blind index that kept "once per position" is replaced too:
 * it is derived from the ID number.
 */
final class ApplicantRetention {

    private ApplicantRetention() {
    }

    static void declare(Declarations d, String erased) {
        String key = "APPLICANT_KEY = CASE WHEN APPLICANT_KEY LIKE 'id:%' THEN 'erased-' || TRIM(CAST(ID AS CHAR(20))) "
                + "ELSE APPLICANT_KEY END";
        d.retention("jobApplication.applicant", "the applicant's name, phone, ID number and skills in a job-board "
                + "application, counted from its last change", 180, "个人信息保护法 art. 19: the application serves the "
                + "position's hiring; half a year after its last step covers the offer and probation; status and dates stay "
                + "for the figures",
                "UPDATE JOBFAIRS_JOB_APPLICATION SET NAME = '" + erased + "', PHONE = '', ID_SEALED = NULL, ID_MASKED = NULL, "
                        + "SKILLS = NULL, NOTE = NULL, " + key + " WHERE NAME <> '" + erased + "' AND UPDATED_AT < ?");
        d.retention("programmeApplication.applicant", "the applicant's name, phone, ID number and workplace in a "
                + "study-subsidy or training application that paid nothing, counted from its last change", 365,
                "个人信息保护法 art. 19: the application serves the programme's review and its year's report; a paid "
                + "subsidy is kept 30 years as an accounting record (会计档案管理办法 art. 14)",
                "UPDATE JOBFAIRS_PROGRAMME_APPLICATION SET NAME = '" + erased + "', PHONE = '', ID_SEALED = NULL, "
                        + "ID_MASKED = NULL, WORKPLACE = NULL, NOTE = NULL, " + key + " WHERE NAME <> '" + erased
                        + "' AND PAID_AT IS NULL AND UPDATED_AT < ?");
    }
}
