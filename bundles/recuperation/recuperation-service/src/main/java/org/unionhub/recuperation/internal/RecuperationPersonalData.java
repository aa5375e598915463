package org.unionhub.recuperation.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.personal.PersonalData;
import org.unionhub.api.personal.SqlPersonalData;

/**
 * What recuperation holds on a member: his requests for a trip and his places on bookings, with the reason for his
 * subsidy category. Erasure keeps places, days, subsidies and settlements (quotas, budgets and figures count them)
 * and blanks his own words and the reasons. A settled place is part of a settlement the union paid: kept.
 */
@Component(service = PersonalData.class)
public class RecuperationPersonalData extends SqlPersonalData {

    /** What erased text fields that may not be empty say instead. */
    static final String ERASED = "已删除";

    @Activate
    public RecuperationPersonalData(@Reference(target = "(unionhub.module=recuperation)") ModuleDatabase db) {
        super("recuperation", db);
    }

    @Override
    protected void declare(Declarations d) {
        d.section("requests", "SELECT ID, PROGRAMME_ID, ORG_ID, NOTE, STATUS, BOOKING_ID, CREATED_AT, CONSENT_ID, "
                + "MEDICAL_CONSENT_ID FROM RECUPERATION_REQUEST WHERE MEMBER_ID = ? ORDER BY ID")
                .section("places", "SELECT ID, BOOKING_ID, PROGRAMME_ID, CATEGORY, QUOTA_CATEGORY, SUBSIDY, REASON, "
                        + "ATTENDED_DAYS, COMPLETED, SETTLED FROM RECUPERATION_BOOKED_MEMBER WHERE MEMBER_ID = ? ORDER BY ID")
                .hold("place", "a settled stay belongs to a settlement the union paid, an accounting record kept 30 years "
                        + "(会计档案管理办法 art. 14)", "SELECT ID FROM RECUPERATION_BOOKED_MEMBER WHERE MEMBER_ID = ? "
                        + "AND SETTLED IS NOT NULL ORDER BY ID")
                .erase("requests", "UPDATE RECUPERATION_REQUEST SET NOTE = NULL WHERE MEMBER_ID = ?")
                .erase("places", "UPDATE RECUPERATION_BOOKED_MEMBER SET REASON = '" + ERASED + "' WHERE MEMBER_ID = ?");
        d.retention("request.note", "a member's own words in his request for a trip (often about his health)", 730,
                "个人信息保护法 arts. 19 and 28 (health is sensitive): the note serves the booking, kept two years for the "
                + "settlement and its audit; the request itself stays for the figures",
                "UPDATE RECUPERATION_REQUEST SET NOTE = NULL WHERE NOTE IS NOT NULL AND CREATED_AT < ?");
    }
}
