package org.unionhub.recuperation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.unionhub.api.AuditLog;
import org.unionhub.api.EmploymentForm;
import org.unionhub.api.HubException;
import org.unionhub.api.HubSettings;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.MemberInfo;
import org.unionhub.api.OrgInfo;
import org.unionhub.api.OrgKind;
import org.unionhub.api.db.DatabaseException;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.SqlWork;
import org.unionhub.api.security.Caller;
import org.unionhub.recuperation.api.SubsidyPolicy;

/**
 * The module's services wired by hand over a real in-memory Derby with the module's own migration, and
 * a small organisation tree like the core's demo: 1 federation; 2 and 3 districts; 4 grassroots and 5
 * new-form federation under 2; 6 grassroots under 3.
 */
final class TestHub {

    final List<Event> events = new CopyOnWriteArrayList<>();
    final List<String> audits = new CopyOnWriteArrayList<>();
    final Map<Long, MemberInfo> members = new ConcurrentHashMap<>();
    final Map<Long, OrgInfo> orgs = Map.of(
            1L, new OrgInfo(1, "市总工会", OrgKind.FEDERATION, null),
            2L, new OrgInfo(2, "海沧区总工会", OrgKind.DISTRICT, 1L),
            3L, new OrgInfo(3, "思明区总工会", OrgKind.DISTRICT, 1L),
            4L, new OrgInfo(4, "港务工会", OrgKind.GRASSROOTS, 2L),
            5L, new OrgInfo(5, "新业态工会联合会", OrgKind.NEW_FORM_FEDERATION, 2L),
            6L, new OrgInfo(6, "软件园工会", OrgKind.GRASSROOTS, 3L));
    final Policies policies = new Policies();
    final ModuleDatabase db;
    final Catalogue catalogue;
    final Bookings bookings;
    final Caller officer = new Caller("officer", java.util.Set.of("officer"), 2L, null);
    /** The region's catalogue (sanatoriums, programmes) is the admins' to write. */
    final Caller admin = new Caller("admin", java.util.Set.of("admin"), null, null);
    private long nextMember = 100;

    static {
        // keep Derby's log in target/, not in the module folder
        System.setProperty("derby.stream.error.file", "target/derby.log");
    }

    TestHub() throws Exception {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:recuperation-" + UUID.randomUUID());
        ds.setCreateDatabase("create");
        migrate(ds);
        db = new Db(ds);
        HubSettings settings = new HubSettings() {
            public String regionName() { return "test"; }
            public String regionCode() { return "T"; }
            public ZoneId zone() { return ZoneId.of("Asia/Shanghai"); }
            public boolean demo() { return false; }
        };
        AuditLog audit = (c, caller, action, entity, id, changes) -> audits.add(action + " " + id);
        MemberDirectory directory = new MemberDirectory() {
            public Optional<MemberInfo> member(long id) { return Optional.ofNullable(members.get(id)); }
            public Optional<OrgInfo> org(long id) { return Optional.ofNullable(orgs.get(id)); }
            public Optional<MemberInfo> memberByCardNumber(String card) {
                return members.values().stream().filter(m -> card.equals(m.cardNumber())).findFirst();
            }
            public boolean isWithin(long orgId, long scope) {
                for (Long o = orgId; o != null; o = orgs.get(o).parentId()) {
                    if (o == scope) {
                        return true;
                    }
                }
                return false;
            }
        };
        EventAdmin eventAdmin = new EventAdmin() {
            public void postEvent(Event e) { events.add(e); }
            public void sendEvent(Event e) { events.add(e); }
        };
        catalogue = new Catalogue(db, audit, settings);
        bookings = new Bookings(db, audit, directory, catalogue, policies, eventAdmin, config(100));
    }

    long member(long org, EmploymentForm form) {
        synchronized (this) {
            long id = nextMember++;
            members.put(id, new MemberInfo(id, "m" + id, org, form, null, null, LocalDate.of(2024, 1, 1)));
            return id;
        }
    }

    void policies(SubsidyPolicy... installed) {
        policies.set(List.of(installed));
    }

    LocalDate today() {
        return catalogue.today();
    }

    static RecuperationConfig config(int maxMembers) {
        return new RecuperationConfig() {
            public Class<? extends Annotation> annotationType() { return RecuperationConfig.class; }
            public int maxMembersPerBooking() { return maxMembers; }
            public int closeDaysBefore() { return 0; }
        };
    }

    private static void migrate(DataSource ds) throws SQLException, IOException {
        StringBuilder sql = new StringBuilder();
        for (String script : List.of("V1__recuperation.sql", "V4__requests_attendance_settlement.sql", "V5__budget_allocations.sql")) {
            try (InputStream in = TestHub.class.getResourceAsStream("/db/migration/" + script)) {
                sql.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            }
        }
        StringBuilder clean = new StringBuilder();
        for (String line : sql.toString().split("\n")) {
            if (!line.trim().startsWith("--")) {
                clean.append(line).append('\n');
            }
        }
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            for (String statement : clean.toString().split(";")) {
                if (!statement.isBlank()) {
                    st.execute(statement);
                }
            }
        }
    }

    /** The core's transaction contract in small: commit, roll back on failure, retry lock conflicts. */
    private static final class Db implements ModuleDatabase {
        private final DataSource ds;

        Db(DataSource ds) {
            this.ds = ds;
        }

        public String moduleId() { return "recuperation"; }

        public DataSource dataSource() { return ds; }

        public <T> T inTransaction(SqlWork<T> work) {
            for (int attempt = 1;; attempt++) {
                try (Connection c = ds.getConnection()) {
                    c.setAutoCommit(false);
                    c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                    try {
                        T result = work.run(c);
                        c.commit();
                        return result;
                    } catch (SQLException | RuntimeException e) {
                        c.rollback();
                        throw e;
                    }
                } catch (SQLException e) {
                    String state = e.getSQLState();
                    if (("40001".equals(state) || "40XL1".equals(state)) && attempt < 8) {
                        sleep(attempt);
                        continue;
                    }
                    if ("23505".equals(state)) {
                        throw HubException.conflict("the record already exists");
                    }
                    throw new DatabaseException(e.getMessage(), e, false);
                }
            }
        }

        public <T> T read(SqlWork<T> work) {
            try (Connection c = ds.getConnection()) {
                return work.run(c);
            } catch (SQLException e) {
                throw new DatabaseException(e.getMessage(), e, false);
            }
        }

        private static void sleep(int attempt) {
            try {
                Thread.sleep(ThreadLocalRandom.current().nextLong(5L << attempt, 20L << attempt));
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
