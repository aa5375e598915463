package org.unionhub.core.internal;

import java.time.DateTimeException;
import java.time.ZoneId;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionhub.api.HubSettings;

@Component(configurationPid = "org.unionhub.hub")
@Designate(ocd = HubSettingsImpl.Config.class)
public class HubSettingsImpl implements HubSettings {

    @ObjectClassDefinition(name = "UnionHub installation", description = "The region that runs this hub")
    public @interface Config {
        @AttributeDefinition(name = "Region name", description = "e.g. 厦门市总工会")
        String region_name() default "UnionHub demo region";

        @AttributeDefinition(name = "Region code", description = "Administrative division code, e.g. 350200")
        String region_code() default "000000";

        @AttributeDefinition(name = "Time zone")
        String zone() default "Asia/Shanghai";

        @AttributeDefinition(name = "Demo", description = "Seed sample data and known demo accounts")
        boolean demo() default false;
    }

    private final Logger logger = LoggerFactory.getLogger(HubSettingsImpl.class);
    private volatile Config config;
    private volatile ZoneId zone;

    @Activate
    @Modified
    void configure(Config config) {
        this.config = config;
        ZoneId z;
        try {
            z = ZoneId.of(config.zone());
        } catch (DateTimeException e) {
            logger.warn("Unknown time zone '{}' in org.unionhub.hub; using Asia/Shanghai", config.zone());
            z = ZoneId.of("Asia/Shanghai");
        }
        this.zone = z;
    }

    @Override
    public String regionName() {
        return config.region_name();
    }

    @Override
    public String regionCode() {
        return config.region_code();
    }

    @Override
    public ZoneId zone() {
        return zone;
    }

    @Override
    public boolean demo() {
        return config.demo();
    }
}
