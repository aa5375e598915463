package org.unionhub.recuperation.internal;

import java.lang.annotation.Annotation;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.event.Event;
import org.unionhub.api.AuditLog;
import org.unionhub.api.EmploymentForm;
import org.unionhub.api.HubSettings;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.security.Caller;
import org.unionhub.recuperation.api.SubsidyPolicy;
import org.unionhub.testing.RecordedEvents;
import org.unionhub.testing.Region;
import org.unionhub.testing.TestDatabase;
import org.unionhub.testing.TestDirectory;

/**
 * The module's services wired by hand over the test kit's in-memory Derby (the core's and the module's own
 * migrations, through the real migration runner) and its directory's small organisation tree like the core's demo:
 * 1 federation; 2 and 3 districts; 4 grassroots and 5 new-form federation under 2; 6 grassroots under 3.
 */
final class TestHub {

    private final RecordedEvents eventAdmin = new RecordedEvents();
    final List<Event> events = eventAdmin.all();
    final List<String> audits = new CopyOnWriteArrayList<>();
    final TestDirectory directory = TestDirectory.demoTree();
    final Policies policies = new Policies();
    final ModuleDatabase db;
    final Catalogue catalogue;
    final Bookings bookings;
    final Caller officer = new Caller("officer", java.util.Set.of("officer"), 2L, null);
    /** The region's catalogue (sanatoriums, programmes) is the admins' to write. */
    final Caller admin = new Caller("admin", java.util.Set.of("admin"), null, null);

    TestHub() {
        db = TestDatabase.module("recuperation", Bookings.class);
        HubSettings settings = new Region("test", "T", ZoneId.of("Asia/Shanghai"), false);
        AuditLog audit = (c, caller, action, entity, id, changes) -> audits.add(action + " " + id);
        catalogue = new Catalogue(db, audit, settings);
        bookings = new Bookings(db, audit, directory, catalogue, policies, eventAdmin, config(100));
    }

    long member(long org, EmploymentForm form) {
        return directory.newMember(org, form);
    }

    void policies(SubsidyPolicy... installed) {
        policies.set(List.of(installed));
    }

    LocalDate today() {
        return catalogue.today();
    }

    static ModuleConfig config(int maxMembers) {
        return new ModuleConfig() {
            public Class<? extends Annotation> annotationType() { return ModuleConfig.class; }
            public int maxMembersPerBooking() { return maxMembers; }
            public int closeDaysBefore() { return 0; }
        };
    }
}
