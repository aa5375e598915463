package org.unionhub.mutualaid.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/** Holds the module's settings (PID {@code org.unionhub.mutualaid}, {@link ModuleConfig}); a change applies to the next request. */
@Component(service = Configured.class, configurationPid = "org.unionhub.mutualaid")
@Designate(ocd = ModuleConfig.class)
public class Configured {

    private volatile ModuleConfig config;

    @Activate
    @Modified
    void configure(ModuleConfig config) {
        this.config = config;
    }

    public long attachmentMaxBytes() {
        return Math.max(1, config.attachment_maxBytes());
    }

    public int bulkMaxRows() {
        return Math.max(1, config.bulk_maxRows());
    }
}
