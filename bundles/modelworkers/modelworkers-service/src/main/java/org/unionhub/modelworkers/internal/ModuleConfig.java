package org.unionhub.modelworkers.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "UnionHub model workers",
        description = "Title levels of the archive, subsidy eligibility and amounts, nomination materials")
public @interface ModuleConfig {

    String PID = "org.unionhub.modelworkers";

    @AttributeDefinition(name = "Title levels", description = "Codes of the titles the archive knows, highest first")
    String[] levels() default {"NATIONAL_MODEL_WORKER", "NATIONAL_ADVANCED_WORKER", "MAY_DAY_MEDAL",
            "REGIONAL_MODEL_WORKER", "REGIONAL_ADVANCED_WORKER"};

    // A region recommends candidates for national titles upward ("全国劳动模范推荐评选"); only the titles it
    // confers itself are awarded when its reviewer approves.
    @AttributeDefinition(name = "Titles this region confers",
            description = "Codes of the titles a regional approval awards; any other title is recommended upward and "
                    + "recorded when the conferring body has conferred it")
    String[] conferred_levels() default {"REGIONAL_MODEL_WORKER", "REGIONAL_ADVANCED_WORKER"};

    @AttributeDefinition(name = "Statuses eligible for special subsidies")
    String[] subsidy_eligible_statuses() default {"ACTIVE", "RETIRED"};

    // The amounts and the cap are in no report: the region sets them. Empty, a non-demo hub refuses the payments
    // that need them (409 naming the key); a demo hub uses Settings.DEMO_AMOUNTS and DEMO_HARDSHIP_MAX.
    @AttributeDefinition(name = "Yearly special subsidy by level",
            description = "LEVEL=amount in CNY; a person with several titles gets the highest amount. The region's to set")
    String[] annual_amounts() default {};

    @AttributeDefinition(name = "Largest one-off hardship relief (CNY)", description = "The region's to set")
    String hardship_max_amount() default "";

    @AttributeDefinition(name = "Self-paid medical costs that flag a survey for relief (CNY)")
    String survey_medical_threshold() default "50000.00";

    @AttributeDefinition(name = "Nomination materials", description = "The checklist every nomination must attach")
    String[] materials() default {"RECOMMENDATION_FORM", "ACHIEVEMENT_REPORT", "ID_CARD_COPY"};

    @AttributeDefinition(name = "Largest attachment (bytes)")
    int material_max_bytes() default 5 * 1024 * 1024;

    @AttributeDefinition(name = "Largest CSV import (bytes)")
    int import_max_bytes() default 10 * 1024 * 1024;
}
