package org.unionhub.fairs.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code org.unionhub.fairs}: keys {@code stall.fee.per.day} and {@code offer.check.seconds}. */
@ObjectClassDefinition(name = "UnionHub fairs", description = "Union fairs: stall fees and stall offers")
public @interface FairsConfig {

    @AttributeDefinition(name = "Stall fee per day (CNY)", description = "Default for fairs that set none; waived for merchants offering member discounts")
    String stall_fee_per_day() default "150.00";

    @AttributeDefinition(name = "Offer check interval (seconds)", description = "How often expired stall offers pass to the next in line")
    int offer_check_seconds() default 60;
}
