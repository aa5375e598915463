package org.unionhub.mutualaid.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The module's settings, PID {@code org.unionhub.mutualaid}. */
@Component(service = MutualAidSettings.class, configurationPid = "org.unionhub.mutualaid")
@Designate(ocd = MutualAidSettings.Config.class)
public class MutualAidSettings {

    @ObjectClassDefinition(name = "UnionHub mutual aid", description = "Mutual medical aid: limits of uploads and bulk files")
    public @interface Config {
        @AttributeDefinition(name = "Largest attachment (bytes)", description = "Invoices and discharge summaries above it are refused with 413")
        long attachment_maxBytes() default 5L * 1024 * 1024;

        @AttributeDefinition(name = "Most rows in a bulk enrolment")
        int bulk_maxRows() default 10_000;
    }

    private volatile Config config;

    @Activate
    @Modified
    void configure(Config config) {
        this.config = config;
    }

    public long attachmentMaxBytes() {
        return Math.max(1, config.attachment_maxBytes());
    }

    public int bulkMaxRows() {
        return Math.max(1, config.bulk_maxRows());
    }
}
