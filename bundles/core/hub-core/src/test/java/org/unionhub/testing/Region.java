package org.unionhub.testing;

import java.time.ZoneId;

import org.unionhub.api.HubSettings;

/** The installation settings of a test: a region and whether it is a demo. */
public record Region(String regionName, String regionCode, ZoneId zone, boolean demo) implements HubSettings {

    public static final Region XIAMEN = new Region("厦门市总工会", "350200", ZoneId.of("Asia/Shanghai"), false);

    public Region demo(boolean on) {
        return new Region(regionName, regionCode, zone, on);
    }
}
