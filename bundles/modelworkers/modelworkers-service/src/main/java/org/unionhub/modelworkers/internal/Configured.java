package org.unionhub.modelworkers.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/** Holds the module's settings (PID {@value ModelWorkersConfig#PID}); a change applies to the next request. */
@Component(service = Configured.class, configurationPid = ModelWorkersConfig.PID)
@Designate(ocd = ModelWorkersConfig.class)
public class Configured {

    private volatile Settings settings = Settings.DEFAULTS;

    @Activate
    @Modified
    void configure(ModelWorkersConfig config) {
        settings = Settings.of(config);
    }

    public Settings get() {
        return settings;
    }
}
