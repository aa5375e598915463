package org.unionhub.api.db;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.unionhub.api.HubException;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;

/**
 * Keyset paging for a list, the SQL side of {@link PageRequest}: the sort names a list offers, each a NOT NULL
 * column that an index covers together with the id column ({@code CREATE INDEX … (NAME, ID)}), so that every page
 * — first, middle or last — is one index range read of {@code limit + 1} rows instead of an OFFSET walk.
 * <p>
 * The cursor is the sort key and id of the last row, base64url-encoded: opaque to clients, and stable under
 * inserts, since the next page starts strictly after that row whatever was added before it. The query is
 * {@code key >= ? AND (key > ? OR id > ?)} rather than the plain OR form so that Derby (and PostgreSQL) start the
 * index scan at the key.
 * <pre>
 * static final Keyset MEMBERS = Keyset.by("M.ID").sort("name", "M.NAME", String.class);
 * Page&lt;Member&gt; p = MEMBERS.page(c, "SELECT M.ID, M.NAME", " FROM HUB_MEMBER M WHERE M.ORG_PATH LIKE ?",
 *         List.of(path + "%"), page, Members::row);
 * </pre>
 * Instances are immutable; build them once as constants.
 */
public final class Keyset {

    /**
     * Counting stops here: a first page never pays for counting a million rows (measured: counting 10,000 rows cost
     * ten times the page itself; docs/measurements.md). Beyond it {@code totalExact} is false.
     */
    public static final int COUNT_CAP = 1_000;

    private record Sort(String column, Class<?> type) {
    }

    private final String idColumn;
    private final Class<?> idType;
    private final Map<String, Sort> sorts;
    private final String defaultSort;

    private Keyset(String idColumn, Class<?> idType, Map<String, Sort> sorts, String defaultSort) {
        this.idColumn = idColumn;
        this.idType = idType;
        this.sorts = sorts;
        this.defaultSort = defaultSort;
    }

    /** A list whose rows are identified by {@code idColumn} (a unique BIGINT); sort {@code id} is offered. */
    public static Keyset by(String idColumn) {
        return by(idColumn, "id", Long.class);
    }

    /** A list whose rows are identified by a unique NOT NULL column of type Long or String, offered as sort {@code name}. */
    public static Keyset by(String idColumn, String name, Class<?> idType) {
        if (idType != Long.class && idType != String.class) {
            throw new IllegalArgumentException("an id is a Long or a String, not " + idType);
        }
        Map<String, Sort> sorts = new LinkedHashMap<>();
        sorts.put(name, new Sort(idColumn, idType));
        return new Keyset(idColumn, idType, sorts, name);
    }

    /** Offers sort {@code name} on a NOT NULL column of type Long, String, Instant, LocalDate or BigDecimal (money). */
    public Keyset sort(String name, String column, Class<?> type) {
        if (type != Long.class && type != String.class && type != Instant.class && type != LocalDate.class
                && type != BigDecimal.class) {
            throw new IllegalArgumentException("cannot page by " + type);
        }
        Map<String, Sort> more = new LinkedHashMap<>(sorts);
        more.put(name, new Sort(column, type));
        return new Keyset(idColumn, idType, more, defaultSort);
    }

    /** The order when the client names none, e.g. {@code -id} for newest first. */
    public Keyset defaultSort(String sort) {
        parse(sort);
        return new Keyset(idColumn, idType, sorts, sort);
    }

    /** The sort names offered, for documentation and error messages. */
    public List<String> sortNames() {
        return List.copyOf(sorts.keySet());
    }

    /**
     * Reads one page. {@code fromWhere} is the FROM clause and a WHERE clause (use {@code WHERE 1 = 1} when there
     * is no condition) with {@code params} for its placeholders; {@code select} names the columns the mapper reads.
     */
    public <T> Page<T> page(Connection c, String select, String fromWhere, List<Object> params, PageRequest page,
            RowMapper<T> mapper) throws SQLException {
        return page(c, select, fromWhere, params, page, null, mapper);
    }

    /** As {@link #page}, with the sort chosen by the caller when the client names none. */
    public <T> Page<T> page(Connection c, String select, String fromWhere, List<Object> params, PageRequest page,
            String sortWhenNone, RowMapper<T> mapper) throws SQLException {
        String sortName = page.sort() != null ? page.sort() : sortWhenNone != null ? sortWhenNone : defaultSort;
        Order order = parse(sortName);
        Object[] after = page.cursor() == null ? null : decode(page.cursor(), order);
        long total = -1;
        boolean exact = false;
        if (after == null) {
            List<Object> countParams = new ArrayList<>(params);
            countParams.add(COUNT_CAP + 1);
            total = Sql.count(c, "SELECT COUNT(*) FROM (SELECT 1 AS ONE" + fromWhere + " FETCH FIRST ? ROWS ONLY) T",
                    countParams.toArray());
            exact = total <= COUNT_CAP;
            total = Math.min(total, COUNT_CAP);
        }
        StringBuilder sql = new StringBuilder(select).append(", ").append(order.sort.column).append(" AS PAGE_KEY_, ")
                .append(idColumn).append(" AS PAGE_ID_").append(fromWhere);
        List<Object> all = new ArrayList<>(params);
        String cmp = order.descending ? "<" : ">";
        if (after != null) {
            if (order.sort.column.equals(idColumn)) {
                sql.append(" AND ").append(idColumn).append(' ').append(cmp).append(" ?");
                all.add(after[1]);
            } else {
                sql.append(" AND ").append(order.sort.column).append(' ').append(cmp).append("= ? AND (")
                        .append(order.sort.column).append(' ').append(cmp).append(" ? OR ").append(idColumn).append(' ')
                        .append(cmp).append(" ?)");
                all.add(after[0]);
                all.add(after[0]);
                all.add(after[1]);
            }
        }
        String dir = order.descending ? " DESC" : "";
        sql.append(" ORDER BY ").append(order.sort.column).append(dir);
        if (!order.sort.column.equals(idColumn)) {
            sql.append(", ").append(idColumn).append(dir);
        }
        sql.append(" OFFSET ? ROWS FETCH NEXT ? ROWS ONLY");
        all.add(after == null ? page.offset() : 0);
        all.add(page.limit() + 1);
        List<T> items = new ArrayList<>();
        Object[] last = new Object[2];
        Sql.list(c, sql.toString(), rs -> {
            if (items.size() < page.limit()) {
                items.add(mapper.map(rs));
                last[0] = key(rs, order.sort.type);
                last[1] = idType == Long.class ? (Object) rs.getLong("PAGE_ID_") : rs.getString("PAGE_ID_");
            } else {
                items.add(null); // the row past the page: a next page exists; removed below
            }
            return Boolean.TRUE;
        }, all.toArray());
        String next = null;
        if (items.size() > page.limit()) {
            items.remove(items.size() - 1);
            next = encode(order.name, last[0], last[1]);
        }
        return new Page<>(items, total, after == null ? page.offset() : 0, page.limit(), next, exact);
    }

    /**
     * The sort key the page's cursor continues after, when the page is sorted by {@code sortName} ascending (with
     * {@code sortWhenNone} applying as in {@link #page}); null otherwise. A store whose scope is a range of the same
     * column starts that range here, so that the database starts its index scan at the cursor and not at the
     * beginning of the scope (Derby takes one start key per column).
     */
    public Object cursorKey(PageRequest page, String sortWhenNone, String sortName) {
        String wanted = page.sort() != null ? page.sort() : sortWhenNone != null ? sortWhenNone : defaultSort;
        if (page.cursor() == null || !wanted.equals(sortName)) {
            return null;
        }
        return decode(page.cursor(), parse(wanted))[0];
    }

    private record Order(String name, Sort sort, boolean descending) {
    }

    private Order parse(String sort) {
        boolean desc = sort.startsWith("-");
        String name = desc ? sort.substring(1) : sort;
        Sort s = sorts.get(name);
        if (s == null) {
            throw HubException.badRequest("sort", "must be one of " + String.join(", ", sorts.keySet())
                    + ", each optionally preceded by - for descending");
        }
        return new Order(sort, s, desc);
    }

    private static Object key(ResultSet rs, Class<?> type) throws SQLException {
        if (type == Long.class) {
            return rs.getLong("PAGE_KEY_");
        } else if (type == Instant.class) {
            Timestamp t = rs.getTimestamp("PAGE_KEY_");
            return t == null ? null : t.toInstant();
        } else if (type == LocalDate.class) {
            Date d = rs.getDate("PAGE_KEY_");
            return d == null ? null : d.toLocalDate();
        } else if (type == BigDecimal.class) {
            return rs.getBigDecimal("PAGE_KEY_");
        }
        return rs.getString("PAGE_KEY_");
    }

    static String encode(String sort, Object key, Object id) {
        String raw = sort + "\n" + (key == null ? "" : key.toString()) + "\n" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private Object[] decode(String cursor, Order order) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int first = raw.indexOf('\n');
            int lastNl = raw.lastIndexOf('\n');
            if (first < 0 || lastNl == first) {
                throw new IllegalArgumentException("shape");
            }
            if (!raw.substring(0, first).equals(order.name)) {
                throw HubException.badRequest("cursor", "was made for sort " + raw.substring(0, first)
                        + ", not " + order.name + "; start again without a cursor to change the order");
            }
            String value = raw.substring(first + 1, lastNl);
            String idText = raw.substring(lastNl + 1);
            Object id = idType == Long.class ? (Object) Long.valueOf(idText) : idText;
            Class<?> type = order.sort.type;
            Object key = type == Long.class ? (Object) Long.valueOf(value)
                    : type == Instant.class ? Instant.parse(value)
                    : type == LocalDate.class ? LocalDate.parse(value)
                    : type == BigDecimal.class ? new BigDecimal(value) : value;
            return new Object[] {key, id};
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw HubException.badRequest("cursor", "is not a cursor this list gave out; pass nextCursor unchanged");
        }
    }
}
