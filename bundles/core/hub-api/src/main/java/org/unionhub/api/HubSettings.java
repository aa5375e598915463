package org.unionhub.api;

import java.time.ZoneId;

import org.osgi.annotation.versioning.ProviderType;

/** The installation's own settings (PID {@code org.unionhub.hub}): which region runs it, and whether it is a demo. */
@ProviderType
public interface HubSettings {

    String regionName();

    String regionCode();

    ZoneId zone();

    /** A demo install seeds sample data and known accounts; modules seed theirs when this is true. */
    boolean demo();
}
