package org.unionhub.mutualaid.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The module's settings (PID {@code org.unionhub.mutualaid}), held by {@link Configured}. */
@ObjectClassDefinition(name = "UnionHub mutual aid", description = "Mutual medical aid: limits of uploads and bulk files")
public @interface ModuleConfig {
    @AttributeDefinition(name = "Largest attachment (bytes)", description = "Invoices and discharge summaries above it are refused with 413")
    long attachment_maxBytes() default 5L * 1024 * 1024;

    @AttributeDefinition(name = "Most rows in a bulk enrolment")
    int bulk_maxRows() default 10_000;
}
