package org.unionhub.api.figures;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.unionhub.api.HubSettings;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.Sql;

/**
 * The usual {@link ModuleFigures}: each figure is one grouped query over the module's own database. A module
 * extends it as a DS component, passes its id, its figures, its database and the hub's settings (for the time zone
 * that turns the period's dates into instants), and adds one query per figure in {@link #count}.
 * <pre>
 * protected void count(Counts counts) throws SQLException {
 *     counts.add("fairs", "SELECT ORG_ID, COUNT(*) FROM FAIRS_FAIR WHERE STARTS_AT &gt;= ? AND STARTS_AT &lt; ? GROUP BY ORG_ID",
 *             counts.start(), counts.end());
 * }
 * </pre>
 */
public abstract class SqlFigures implements ModuleFigures {

    private final String module;
    private final List<Figure> figures;
    private final ModuleDatabase db;
    private final HubSettings settings;

    protected SqlFigures(String module, List<Figure> figures, ModuleDatabase db, HubSettings settings) {
        this.module = module;
        this.figures = List.copyOf(figures);
        this.db = db;
        this.settings = settings;
    }

    @Override
    public String module() {
        return module;
    }

    @Override
    public List<Figure> figures() {
        return figures;
    }

    @Override
    public Map<Long, Map<String, BigDecimal>> countedAt(LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(settings.zone()).toInstant();
        Instant end = to.atStartOfDay(settings.zone()).toInstant();
        return db.read(c -> {
            Counts counts = new Counts(c, from, to, start, end);
            count(counts);
            return counts.values;
        });
    }

    /** Adds the period's counts, one {@link Counts#add} per figure (several for a figure counted in several tables). */
    protected abstract void count(Counts counts) throws SQLException;

    /** The period, as dates ({@code from}, {@code to}: for DATE columns) and as instants (for TIMESTAMP columns). */
    public static final class Counts {

        private final Connection connection;
        private final LocalDate from;
        private final LocalDate to;
        private final Instant start;
        private final Instant end;
        private final Map<Long, Map<String, BigDecimal>> values = new HashMap<>();

        Counts(Connection connection, LocalDate from, LocalDate to, Instant start, Instant end) {
            this.connection = connection;
            this.from = from;
            this.to = to;
            this.start = start;
            this.end = end;
        }

        public LocalDate from() {
            return from;
        }

        public LocalDate to() {
            return to;
        }

        public Instant start() {
            return start;
        }

        public Instant end() {
            return end;
        }

        /**
         * Runs {@code sql}, which answers (organisation id, value) rows — {@code SELECT ORG_ID, COUNT(*) … GROUP BY
         * ORG_ID} — and adds each value to {@code figure} of its organisation; NULL values are skipped.
         */
        public void add(String figure, String sql, Object... params) throws SQLException {
            Sql.forEach(connection, sql, rs -> {
                BigDecimal v = rs.getBigDecimal(2);
                if (v != null) {
                    values.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).merge(figure, v, BigDecimal::add);
                }
                return null;
            }, params);
        }
    }
}
