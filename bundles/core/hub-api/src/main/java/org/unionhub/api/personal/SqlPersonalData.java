package org.unionhub.api.personal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.Sql;

/**
 * The usual {@link PersonalData}: a module declares, as SQL over its own tables, the sections it exports, the files
 * it keeps, the records a legal duty holds and the statements that erase. In every statement each {@code ?} is the
 * member's id (write it as often as the query needs it), except the first {@code ?} of an attachment's content
 * query, which is the file's key. Columns become camel-case JSON names ({@code CV_NAME} → {@code cvName}).
 * <pre>
 * protected void declare(Declarations d) {
 *     d.section("coupons", "SELECT ID, BATCH_ID, CODE, CLAIMED_AT FROM FAIRS_COUPON WHERE MEMBER_ID = ? ORDER BY ID")
 *      .erase("coupons", "UPDATE FAIRS_COUPON SET CLAIMED_BY = 'erased' WHERE MEMBER_ID = ?");
 * }
 * </pre>
 * Erasure statements run in the order declared, in one transaction. Retention statements are the exception to the
 * rule above: each {@code ?} in them is the cutoff instant.
 */
public abstract class SqlPersonalData implements PersonalData {

    private final String module;
    private final ModuleDatabase db;
    private volatile Declarations declared;

    protected SqlPersonalData(String module, ModuleDatabase db) {
        this.module = module;
        this.db = db;
    }

    /** Declares the module's sections, files, holds and erasures; called once, on first use. */
    protected abstract void declare(Declarations d);

    @Override
    public String module() {
        return module;
    }

    @Override
    public Map<String, List<Map<String, Object>>> export(long memberId) {
        return db.read(c -> {
            Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
            for (String[] s : declarations().sections) {
                out.put(s[0], rows(c, s[1], memberId));
            }
            return out;
        });
    }

    @Override
    public List<PersonalAttachment> attachments(long memberId) {
        return db.read(c -> {
            List<PersonalAttachment> out = new ArrayList<>();
            for (String[] a : declarations().attachments) {
                out.addAll(Sql.list(c, a[1], rs -> new PersonalAttachment(rs.getString("ID"), a[0], rs.getString("FILE_NAME"),
                        rs.getString("CONTENT_TYPE"), rs.getLong("SIZE_BYTES")), memberIds(a[1], memberId)));
            }
            return out;
        });
    }

    @Override
    public boolean copyAttachment(long memberId, String attachmentId, OutputStream out) throws IOException {
        if (attachmentId == null || !attachmentId.matches("\\d{1,18}")) {
            return false;
        }
        long key = Long.parseLong(attachmentId);
        try {
            return db.read(c -> {
                for (String[] a : declarations().attachments) {
                    if (copy(c, a[2], key, memberId, out)) {
                        return true;
                    }
                }
                return false;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public List<String> retentionHolds(long memberId) {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            for (String[] h : declarations().holds) {
                for (String id : Sql.list(c, h[2], rs -> rs.getString(1), memberIds(h[2], memberId))) {
                    out.add(module + " " + h[0] + " " + id + ": " + h[1]);
                }
            }
            return out;
        });
    }

    @Override
    public Map<String, Integer> erase(long memberId) {
        return db.inTransaction(c -> {
            Map<String, Integer> changed = new LinkedHashMap<>();
            for (String[] e : declarations().erasures) {
                changed.merge(e[0], Sql.update(c, e[1], memberIds(e[1], memberId)), Integer::sum);
            }
            return changed;
        });
    }

    @Override
    public List<RetentionKind> retentionKinds() {
        return declarations().retention.stream().map(r -> r.kind).toList();
    }

    @Override
    public int purge(String kind, Instant cutoff) {
        for (Retained r : declarations().retention) {
            if (r.kind.kind().equals(kind)) {
                return db.inTransaction(c -> {
                    int changed = 0;
                    for (String sql : r.statements) {
                        Object[] params = new Object[(int) sql.chars().filter(ch -> ch == '?').count()];
                        java.util.Arrays.fill(params, cutoff);
                        changed += Sql.update(c, sql, params);
                    }
                    return changed;
                });
            }
        }
        return 0;
    }

    @Override
    public Map<String, List<Long>> consentSubjects(long memberId) {
        return db.read(c -> {
            Map<String, List<Long>> out = new LinkedHashMap<>();
            for (String[] s : declarations().subjects) {
                out.computeIfAbsent(s[0], k -> new ArrayList<>())
                        .addAll(Sql.list(c, s[1], rs -> rs.getLong(1), memberIds(s[1], memberId)));
            }
            return out;
        });
    }

    @Override
    public List<SealedColumn> sealedColumns() {
        return List.copyOf(declarations().sealed);
    }

    private record Retained(RetentionKind kind, List<String> statements) {
    }

    private Declarations declarations() {
        Declarations d = declared;
        if (d == null) {
            d = new Declarations();
            declare(d);
            declared = d;
        }
        return d;
    }

    private static boolean copy(Connection c, String sql, long key, long memberId, OutputStream out) throws SQLException {
        Object[] params = memberIds(sql, memberId);
        params[0] = key;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                try (InputStream in = rs.getBinaryStream(1)) {
                    in.transferTo(out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return true;
            }
        }
    }

    private static List<Map<String, Object>> rows(Connection c, String sql, long memberId) throws SQLException {
        return Sql.list(c, sql, rs -> {
            ResultSetMetaData meta = rs.getMetaData();
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                row.put(camel(meta.getColumnLabel(i)), value(rs.getObject(i)));
            }
            return row;
        }, memberIds(sql, memberId));
    }

    private static Object value(Object v) throws SQLException {
        if (v instanceof Timestamp t) {
            return t.toInstant().toString();
        } else if (v instanceof Date d) {
            return d.toLocalDate().toString();
        } else if (v instanceof Clob clob) {
            return clob.getSubString(1, (int) Math.min(Integer.MAX_VALUE, clob.length()));
        } else if (v instanceof Blob) {
            return null;
        } else if (v instanceof BigDecimal || v instanceof Number || v instanceof Boolean || v instanceof String || v == null) {
            return v;
        }
        return v.toString();
    }

    static String camel(String column) {
        StringBuilder b = new StringBuilder();
        boolean up = false;
        for (char ch : column.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            if (ch == '_') {
                up = b.length() > 0;
            } else {
                b.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return b.toString();
    }

    private static Object[] memberIds(String sql, long memberId) {
        Object[] params = new Object[(int) sql.chars().filter(ch -> ch == '?').count()];
        java.util.Arrays.fill(params, memberId);
        return params;
    }

    /** What a module declares; see the class comment for the SQL each takes. */
    public static final class Declarations {

        private final List<String[]> sections = new ArrayList<>();
        private final List<String[]> attachments = new ArrayList<>();
        private final List<String[]> holds = new ArrayList<>();
        private final List<String[]> erasures = new ArrayList<>();
        private final List<Retained> retention = new ArrayList<>();
        private final List<SealedColumn> sealed = new ArrayList<>();
        private final List<String[]> subjects = new ArrayList<>();

        /** A section of the member's download: the rows {@code sql} answers. */
        public Declarations section(String name, String sql) {
            sections.add(new String[] {name, sql});
            return this;
        }

        /**
         * Files of one section: {@code listSql} answers {@code ID, FILE_NAME, CONTENT_TYPE, SIZE_BYTES} of the member's
         * files; {@code contentSql} answers the content of the file whose key is its first {@code ?} when it is his.
         */
        public Declarations attachments(String section, String listSql, String contentSql) {
            attachments.add(new String[] {section, listSql, contentSql});
            return this;
        }

        /** Records that a legal {@code duty} keeps: {@code sql} answers their ids. */
        public Declarations hold(String record, String duty, String sql) {
            holds.add(new String[] {record, duty, sql});
            return this;
        }

        /**
         * A kind of record kept {@code defaultDays}: {@code statements} (UPDATE or DELETE, run in order in one
         * transaction) purge those whose period ended before the cutoff, each {@code ?} being the cutoff; they should
         * skip rows purged before, so that a second run changes nothing.
         */
        public Declarations retention(String kind, String records, int defaultDays, String legalReason, String... statements) {
            retention.add(new Retained(new RetentionKind(kind, records, defaultDays, legalReason), List.of(statements)));
            return this;
        }

        /** A column sealed with the personal-data key (and its blind index, or null), for a key rotation. */
        public Declarations sealed(String table, String idColumn, String sealedColumn, String indexColumn,
                String indexPrefix) {
            sealed.add(new SealedColumn(table, idColumn, sealedColumn, indexColumn, indexPrefix));
            return this;
        }

        /**
         * Records about the member that consents name as their subject ({@code kind}, as the module passes it to
         * {@link Consents#recordForSubject}): {@code sql} answers their ids.
         */
        public Declarations consentSubject(String kind, String sql) {
            subjects.add(new String[] {kind, sql});
            return this;
        }

        /** An UPDATE or DELETE that erases or anonymises part of {@code section}. */
        public Declarations erase(String section, String sql) {
            erasures.add(new String[] {section, sql});
            return this;
        }
    }
}
