package org.example.stations.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.function.Supplier;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.unionhub.api.AuditLog;
import org.unionhub.api.HubSettings;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.db.ModuleDatabase;

/**
 * What every rules class of the module works with: the database, the audit log, the member directory, events, the
 * hub's time zone and the module's current settings (which change without a restart, so they are read each time).
 */
final class ModuleContext {

    final ModuleDatabase db;
    final AuditLog audit;
    final MemberDirectory directory;
    private final HubSettings settings;
    private final EventAdmin eventAdmin;
    private final Supplier<ModuleConfig> config;

    ModuleContext(ModuleDatabase db, AuditLog audit, MemberDirectory directory, HubSettings settings, EventAdmin eventAdmin,
            Supplier<ModuleConfig> config) {
        this.db = db;
        this.audit = audit;
        this.directory = directory;
        this.settings = settings;
        this.eventAdmin = eventAdmin;
        this.config = config;
    }

    ModuleConfig config() {
        return config.get();
    }

    /** The slot length in minutes: the configured one when it divides a day into slots of 5 minutes or more, else 60. */
    int slotMinutes() {
        int m = config().slot_minutes();
        return m >= 5 && 1440 % m == 0 ? m : 60;
    }

    ZoneId zone() {
        return settings.zone();
    }

    OffsetDateTime local(Instant t) {
        return t == null ? null : t.atZone(zone()).toOffsetDateTime();
    }

    /** Posts an event; callers post only after their transaction committed. */
    void post(Event event) {
        eventAdmin.postEvent(event);
    }
}
