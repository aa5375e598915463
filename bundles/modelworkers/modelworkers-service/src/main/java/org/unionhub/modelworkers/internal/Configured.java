package org.unionhub.modelworkers.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.unionhub.api.HubSettings;

/** Holds the module's settings (PID {@value ModuleConfig#PID}); a change applies to the next request. */
@Component(service = Configured.class, configurationPid = ModuleConfig.PID)
@Designate(ocd = ModuleConfig.class)
public class Configured {

    private volatile Settings settings = Settings.DEFAULTS;

    /** A demo hub fills the amounts the region left empty with demo ones; a real one asks the region. */
    @Reference
    HubSettings hub;

    @Activate
    @Modified
    void configure(ModuleConfig config) {
        settings = Settings.of(config, hub.demo());
    }

    public Settings get() {
        return settings;
    }
}
