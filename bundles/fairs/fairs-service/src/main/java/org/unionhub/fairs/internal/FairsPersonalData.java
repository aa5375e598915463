package org.unionhub.fairs.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.personal.PersonalData;
import org.unionhub.api.personal.SqlPersonalData;

/**
 * What the union fairs hold on a member: his coupons. Erasure keeps every coupon (batches, redemptions and the fair
 * figures count them) and forgets which of his accounts claimed it.
 */
@Component(service = PersonalData.class)
public class FairsPersonalData extends SqlPersonalData {

    @Activate
    public FairsPersonalData(@Reference(target = "(unionhub.module=fairs)") ModuleDatabase db) {
        super("fairs", db);
    }

    @Override
    protected void declare(Declarations d) {
        d.section("coupons", "SELECT ID, BATCH_ID, SEQ, CODE, ORG_ID, CLAIMED_AT, REDEEMED_AT, MERCHANT_CODE, ORDER_AMOUNT, "
                + "DISCOUNT FROM FAIRS_COUPON WHERE MEMBER_ID = ? ORDER BY ID")
                .erase("coupons", "UPDATE FAIRS_COUPON SET CLAIMED_BY = 'erased' WHERE MEMBER_ID = ? "
                        + "AND CLAIMED_BY IN (SELECT USERNAME FROM HUB_ACCOUNT WHERE MEMBER_ID = ?)");
        d.retention("coupon.claimant", "which account claimed a coupon, after its batch expired", 365,
                "个人信息保护法 art. 19: the claimant matters for disputes over redemption, settled within a year of expiry; "
                + "the coupon, its member and amounts stay for the fair's figures",
                "UPDATE FAIRS_COUPON SET CLAIMED_BY = 'erased' WHERE CLAIMED_BY <> 'erased' AND BATCH_ID IN "
                        + "(SELECT ID FROM FAIRS_COUPON_BATCH WHERE VALID_TO < ?)");
    }
}
