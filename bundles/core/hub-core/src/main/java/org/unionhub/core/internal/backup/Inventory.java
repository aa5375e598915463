package org.unionhub.core.internal.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a backup must give back: every table's row count and content checksum, the mutual-aid fund balances, and
 * the SHA-256 of files. The same code reads the backup copy when the backup is taken and the restored database
 * when it is checked, so equal figures mean equal data.
 */
public final class Inventory {

    /** One table: rows and an order-independent checksum of their contents (the sum of each row's hash). */
    public record TableFigures(long rows, String checksum) {
    }

    private Inventory() {
    }

    /** Every base table of the connection's schema, by name. Plain JDBC metadata, so PostgreSQL answers too. */
    public static Map<String, TableFigures> tables(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet rs = meta.getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        Map<String, TableFigures> out = new TreeMap<>();
        for (String table : names) {
            out.put(table, figures(c, table));
        }
        return out;
    }

    private static TableFigures figures(Connection c, String table) throws SQLException {
        MessageDigest sha = sha256();
        long rows = 0;
        long sum = 0;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                rows++;
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(text(rs.getObject(i))).append('\u0001');
                }
                byte[] h = sha.digest(row.toString().getBytes(StandardCharsets.UTF_8));
                long first8 = 0;
                for (int i = 0; i < 8; i++) {
                    first8 = (first8 << 8) | (h[i] & 0xff);
                }
                sum += first8; // overflow wraps: a sum modulo 2^64 does not depend on the row order
            }
        }
        return new TableFigures(rows, Long.toHexString(sum));
    }

    private static String text(Object value) throws SQLException {
        if (value instanceof Blob b) {
            return Base64.getEncoder().encodeToString(b.getBytes(1, (int) b.length()));
        }
        if (value instanceof Clob cl) {
            return cl.getSubString(1, (int) cl.length());
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        return String.valueOf(value);
    }

    /**
     * Each mutual-aid plan's fund balance (contributions minus payouts), or nothing when the module's ledger is
     * not in this database. Read by table name because the core cannot depend on the module.
     */
    public static Map<String, String> funds(Connection c) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (ResultSet t = c.getMetaData().getTables(null, c.getSchema(), "MUTUALAID_LEDGER", new String[] {"TABLE"})) {
            if (!t.next()) {
                return out;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT PLAN_ID, SUM(CASE WHEN KIND = 'CONTRIBUTION' THEN AMOUNT "
                + "ELSE -AMOUNT END) FROM MUTUALAID_LEDGER GROUP BY PLAN_ID ORDER BY PLAN_ID"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(Long.toString(rs.getLong(1)), rs.getBigDecimal(2).toPlainString());
            }
        }
        return out;
    }

    /** SHA-256 of every regular file under {@code root}, keyed by {@code prefix + relative path}. */
    public static Map<String, String> files(Path root, String prefix) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(prefix + root.relativize(p).toString().replace('\\', '/'), sha256(p));
            }
        }
        return out;
    }

    public static String sha256(Path file) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) > 0;) {
                sha.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
