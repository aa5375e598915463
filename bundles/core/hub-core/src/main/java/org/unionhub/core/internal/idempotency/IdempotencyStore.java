package org.unionhub.core.internal.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import org.unionhub.api.db.Sql;
import org.unionhub.api.web.IdempotentRequests.Answer;
import org.unionhub.api.web.IdempotentRequests.Claim;

/** The SQL of {@code HUB_IDEMPOTENCY}: one row per key, its answer once the first request has one. */
final class IdempotencyStore {

    /** A stored row: the body hash it was claimed with, its answer (null while running) and when it was claimed. */
    record Row(String bodyHash, Answer answer, Instant createdAt) {
    }

    private IdempotencyStore() {
    }

    static String keyHash(Claim c) {
        return sha256(c.account() + "\n" + c.method() + "\n" + c.path() + "\n" + c.key());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Inserts the claim; false when the key is already there (the primary key decides between two racing inserts). */
    static boolean insert(Connection c, Claim claim, Instant now) throws SQLException {
        try {
            Sql.update(c, "INSERT INTO HUB_IDEMPOTENCY (KEY_HASH, ACCOUNT, METHOD, PATH, BODY_HASH, CREATED_AT) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", keyHash(claim), claim.account(), claim.method(), cut(claim.path(), 1000),
                    claim.bodyHash(), now);
            return true;
        } catch (SQLException e) {
            if (Sql.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    static Optional<Row> find(Connection c, Claim claim) throws SQLException {
        return Sql.one(c, "SELECT BODY_HASH, STATUS, LOCATION, CONTENT_TYPE, BODY, CREATED_AT FROM HUB_IDEMPOTENCY "
                + "WHERE KEY_HASH = ?", rs -> {
                    Integer status = Sql.getInt(rs, "STATUS");
                    Answer answer = status == null ? null
                            : new Answer(status, rs.getString(3), rs.getString(4), rs.getBytes(5));
                    return new Row(rs.getString(1), answer, Sql.getInstant(rs, "CREATED_AT"));
                }, keyHash(claim));
    }

    /** Takes over a claim whose request died without an answer (only if nobody answered or took it meanwhile). */
    static boolean takeOver(Connection c, Claim claim, Instant seen, Instant now) throws SQLException {
        return Sql.update(c, "UPDATE HUB_IDEMPOTENCY SET CREATED_AT = ?, BODY_HASH = ? WHERE KEY_HASH = ? "
                + "AND STATUS IS NULL AND CREATED_AT = ?", now, claim.bodyHash(), keyHash(claim), seen) == 1;
    }

    static void answer(Connection c, Claim claim, Answer a) throws SQLException {
        Sql.update(c, "UPDATE HUB_IDEMPOTENCY SET STATUS = ?, LOCATION = ?, CONTENT_TYPE = ?, BODY = ? WHERE KEY_HASH = ?",
                a.status(), cut(a.location(), 1000), cut(a.contentType(), 200), a.body() == null ? new byte[0] : a.body(),
                keyHash(claim));
    }

    static void delete(Connection c, Claim claim) throws SQLException {
        Sql.update(c, "DELETE FROM HUB_IDEMPOTENCY WHERE KEY_HASH = ? AND STATUS IS NULL", keyHash(claim));
    }

    static int sweep(Connection c, Instant now, Duration retention) throws SQLException {
        return Sql.update(c, "DELETE FROM HUB_IDEMPOTENCY WHERE CREATED_AT < ?", now.minus(retention));
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
