package org.unionhub.api.db;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Small JDBC helpers so that module stores read as SQL and not as boilerplate. Parameters may be
 * {@code null}, enums (stored by name), {@code java.time} values (dates as DATE, instants and
 * offset date-times as UTC TIMESTAMP) and the usual JDBC types.
 */
public final class Sql {

    private Sql() {
    }

    public static <T> List<T> list(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
                return out;
            }
        }
    }

    /**
     * Runs the query and hands each row to {@code each} as the cursor reaches it, keeping none: exports stream
     * a million rows through this with the heap holding one row (or the caller's batch) at a time.
     */
    public static void forEach(Connection c, String sql, RowMapper<?> each, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            ps.setFetchSize(500);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    each.map(rs);
                }
            }
        }
    }

    public static <T> Optional<T> one(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(mapper.map(rs)) : Optional.empty();
            }
        }
    }

    public static long count(Connection c, String sql, Object... params) throws SQLException {
        return one(c, sql, rs -> rs.getLong(1), params).orElse(0L);
    }

    /** Executes an UPDATE/DELETE/INSERT and answers the number of rows changed. */
    public static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        }
    }

    /** Executes an INSERT into a table with an identity column and answers the generated key. */
    public static long insert(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(ps, params);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no generated key for: " + sql);
                }
                return keys.getLong(1);
            }
        }
    }

    public static void bind(PreparedStatement ps, Object... params) throws SQLException {
        java.sql.ParameterMetaData meta = null;
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            int idx = i + 1;
            if (p == null) {
                // Derby wants the column's own type for a NULL; PostgreSQL accepts it too
                if (meta == null) {
                    meta = ps.getParameterMetaData();
                }
                int type;
                try {
                    type = meta.getParameterType(idx);
                } catch (SQLException unknown) {
                    type = Types.VARCHAR;
                }
                ps.setNull(idx, type);
            } else if (p instanceof Enum<?> e) {
                ps.setString(idx, e.name());
            } else if (p instanceof LocalDate d) {
                ps.setDate(idx, Date.valueOf(d));
            } else if (p instanceof Instant t) {
                ps.setTimestamp(idx, Timestamp.from(t));
            } else if (p instanceof OffsetDateTime t) {
                ps.setTimestamp(idx, Timestamp.from(t.toInstant()));
            } else if (p instanceof LocalDateTime t) {
                ps.setTimestamp(idx, Timestamp.valueOf(t));
            } else if (p instanceof Boolean b) {
                ps.setBoolean(idx, b);
            } else if (p instanceof BigDecimal b) {
                ps.setBigDecimal(idx, b);
            } else {
                ps.setObject(idx, p);
            }
        }
    }

    /** The SQLState Derby and PostgreSQL both answer when a unique or primary key refuses a row. */
    public static final String DUPLICATE_KEY = "23505";

    /**
     * True when {@code e}, any cause of it, or any exception chained by {@link SQLException#getNextException()}
     * is a unique-key violation: a concurrent request made the same row first. Drivers and the hub's
     * {@link DatabaseException} wrap the {@link SQLException} differently (Derby chains batch failures with
     * {@code getNextException}, a {@code SqlWork} failure arrives as the cause), so every module asks this
     * one place instead of comparing the state by hand.
     */
    public static boolean isDuplicateKey(Throwable e) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Throwable> todo = new ArrayDeque<>();
        if (e != null) {
            todo.add(e);
        }
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue; // a cycle in the chain
            }
            if (t instanceof SQLException s) {
                if (DUPLICATE_KEY.equals(s.getSQLState())) {
                    return true;
                }
                if (s.getNextException() != null) {
                    todo.add(s.getNextException());
                }
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
        }
        return false;
    }

    public static Long getLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    public static Integer getInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    public static LocalDate getDate(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    public static Instant getInstant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    public static <E extends Enum<E>> E getEnum(ResultSet rs, String column, Class<E> type) throws SQLException {
        String v = rs.getString(column);
        return v == null ? null : Enum.valueOf(type, v);
    }
}
