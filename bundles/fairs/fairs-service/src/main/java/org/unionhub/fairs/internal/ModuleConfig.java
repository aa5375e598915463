package org.unionhub.fairs.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code org.unionhub.fairs}: keys {@code stall.fee.per.day} and {@code offer.check.seconds}. */
@ObjectClassDefinition(name = "UnionHub fairs", description = "Union fairs: stall fees and stall offers")
public @interface ModuleConfig {

    // Union fairs offer stalls free of charge (免摊位费); the 150 CNY a day in the reports is what other markets
    // charge. A region that does charge sets its fee here or per fair.
    @AttributeDefinition(name = "Stall fee per day (CNY)", description = "Default for fairs that set none; 0 = no fee (免摊位费). Waived for merchants offering member discounts")
    String stall_fee_per_day() default "0.00";

    @AttributeDefinition(name = "Offer check interval (seconds)", description = "How often expired stall offers pass to the next in line")
    int offer_check_seconds() default 60;

    @AttributeDefinition(name = "Coupon reminder (hours before expiry)", description = "A member's unused coupon is "
            + "announced in his inbox this long before it expires; 0: no reminders")
    int coupon_reminder_hours() default 24;

    @AttributeDefinition(name = "Coupon reminder check interval (seconds)")
    int coupon_reminder_check_seconds() default 600;
}
