package org.unionhub.jobfairs.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "UnionHub job fairs", description = "Limits of the job fairs module")
public @interface ModuleConfig {

    String PID = "org.unionhub.jobfairs";

    @AttributeDefinition(name = "CV attachment size limit (bytes)", description = "Larger attachments are refused with 413")
    int attachment_max_bytes() default 5 * 1024 * 1024;

    @AttributeDefinition(name = "Longest stay of a position on the year-round board (days)",
            description = "A posting's expiresOn may be at most this many days ahead; the region sets it")
    int board_max_days() default 180;
}
