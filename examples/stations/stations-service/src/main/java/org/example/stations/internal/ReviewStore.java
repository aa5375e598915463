package org.example.stations.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.example.stations.api.BookingStatus;
import org.example.stations.api.Card;
import org.unionhub.api.db.Sql;

/**
 * The SQL of what stations are judged by: ratings, visits counted, closure reports, and the reviews with the cards
 * they issued. Rows in, rows out; {@link Reviews} holds the rules.
 */
final class ReviewStore {

    private static final String CARD_SELECT = "SELECT C.ID, C.REVIEW_ID, C.STATION_ID, S.NAME, C.CARD, C.VISITS, C.BOOKINGS, "
            + "C.CLOSURE_REPORTS, C.REASONS, C.PERIOD_FROM, C.PERIOD_TO, C.ISSUED_AT FROM STATIONS_CARD C "
            + "JOIN STATIONS_STATION S ON S.ID = C.STATION_ID";
    private static final String RATING_SELECT = "SELECT ID, MEMBER_ID, SCORE, RATING_COMMENT, RATED_ON, CREATED_AT "
            + "FROM STATIONS_RATING";

    private ReviewStore() {
    }

    /** One member's rating of a day; the unique key (station, member, day) refuses a second one. */
    static long insertRating(Connection c, long stationId, long memberId, int score, String comment, LocalDate day, Instant now)
            throws SQLException {
        return Sql.insert(c, "INSERT INTO STATIONS_RATING (STATION_ID, MEMBER_ID, SCORE, RATING_COMMENT, RATED_ON, "
                + "CREATED_AT) VALUES (?, ?, ?, ?, ?, ?)", stationId, memberId, score, comment, day, now);
    }

    record RatingRow(long id, long memberId, int score, String comment, LocalDate ratedOn, Instant createdAt) {
    }

    static long countRatings(Connection c, long stationId) throws SQLException {
        return Sql.count(c, "SELECT COUNT(*) FROM STATIONS_RATING WHERE STATION_ID = ?", stationId);
    }

    static List<RatingRow> ratings(Connection c, long stationId, int offset, int limit) throws SQLException {
        return Sql.list(c, RATING_SELECT + " WHERE STATION_ID = ? ORDER BY ID DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                ReviewStore::rating, stationId, offset, limit);
    }

    static Optional<RatingRow> rating(Connection c, long stationId, long ratingId) throws SQLException {
        return Sql.one(c, RATING_SELECT + " WHERE ID = ? AND STATION_ID = ?", ReviewStore::rating, ratingId, stationId);
    }

    private static RatingRow rating(ResultSet rs) throws SQLException {
        return new RatingRow(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), Sql.getDate(rs, "RATED_ON"),
                Sql.getInstant(rs, "CREATED_AT"));
    }

    static long insertVisits(Connection c, long stationId, LocalDate day, int count, String recordedBy, Instant now)
            throws SQLException {
        return Sql.insert(c, "INSERT INTO STATIONS_VISIT (STATION_ID, VISIT_DAY, VISITS, RECORDED_BY, RECORDED_AT) "
                + "VALUES (?, ?, ?, ?, ?)", stationId, day, count, recordedBy, now);
    }

    static long insertClosureReport(Connection c, long stationId, Instant at, boolean duringHours, String note,
            String reportedBy, Instant now) throws SQLException {
        return Sql.insert(c, "INSERT INTO STATIONS_CLOSURE_REPORT (STATION_ID, REPORTED_AT, DURING_HOURS, NOTE, "
                + "REPORTED_BY, CREATED_AT) VALUES (?, ?, ?, ?, ?, ?)", stationId, at, duringHours, note, reportedBy, now);
    }

    record ClosureRow(long id, Instant reportedAt, boolean duringHours, String note, Instant createdAt) {
    }

    static long countClosureReports(Connection c, long stationId) throws SQLException {
        return Sql.count(c, "SELECT COUNT(*) FROM STATIONS_CLOSURE_REPORT WHERE STATION_ID = ?", stationId);
    }

    static List<ClosureRow> closureReports(Connection c, long stationId, int offset, int limit) throws SQLException {
        return Sql.list(c, "SELECT ID, REPORTED_AT, DURING_HOURS, NOTE, CREATED_AT FROM "
                + "STATIONS_CLOSURE_REPORT WHERE STATION_ID = ? ORDER BY REPORTED_AT DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                rs -> new ClosureRow(rs.getLong(1), Sql.getInstant(rs, "REPORTED_AT"), rs.getBoolean(3), rs.getString(4),
                        Sql.getInstant(rs, "CREATED_AT")), stationId, offset, limit);
    }

    // ---- reviews and cards

    static boolean hasCardOverlapping(Connection c, long stationId, LocalDate from, LocalDate to) throws SQLException {
        return Sql.count(c, "SELECT COUNT(*) FROM STATIONS_CARD WHERE STATION_ID = ? AND PERIOD_TO >= ? AND PERIOD_FROM <= ?",
                stationId, from, to) > 0;
    }

    static long insertReview(Connection c, Long orgId, LocalDate from, LocalDate to, String runBy, Instant now)
            throws SQLException {
        return Sql.insert(c, "INSERT INTO STATIONS_REVIEW (ORG_ID, PERIOD_FROM, PERIOD_TO, RUN_BY, RUN_AT) VALUES (?, ?, ?, ?, ?)",
                orgId, from, to, runBy, now);
    }

    /** What a station was used in a period: visits counted on its days, bookings not cancelled, closure reports in hours. */
    record Use(long visits, long bookings, long closureReports) {
    }

    static Use use(Connection c, long stationId, LocalDate fromDay, LocalDate toDay, Instant from, Instant to)
            throws SQLException {
        long visits = Sql.count(c, "SELECT COALESCE(SUM(VISITS), 0) FROM STATIONS_VISIT WHERE STATION_ID = ? "
                + "AND VISIT_DAY BETWEEN ? AND ?", stationId, fromDay, toDay);
        long bookings = Sql.count(c, "SELECT COUNT(*) FROM STATIONS_BOOKING WHERE STATION_ID = ? AND STATUS <> ? "
                + "AND SLOT_START >= ? AND SLOT_START < ?", stationId, BookingStatus.CANCELLED, from, to);
        long reports = Sql.count(c, "SELECT COUNT(*) FROM STATIONS_CLOSURE_REPORT WHERE STATION_ID = ? AND DURING_HOURS = TRUE "
                + "AND REPORTED_AT >= ? AND REPORTED_AT < ?", stationId, from, to);
        return new Use(visits, bookings, reports);
    }

    static long insertCard(Connection c, long reviewId, long stationId, Card card, Use use, List<String> reasons,
            LocalDate from, LocalDate to, Instant now) throws SQLException {
        return Sql.insert(c, "INSERT INTO STATIONS_CARD (REVIEW_ID, STATION_ID, CARD, VISITS, BOOKINGS, "
                + "CLOSURE_REPORTS, REASONS, PERIOD_FROM, PERIOD_TO, ISSUED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                reviewId, stationId, card, use.visits(), use.bookings(), use.closureReports(), String.join("\n", reasons), from,
                to, now);
    }

    record ReviewRow(Long orgId, LocalDate from, LocalDate to, String runBy, Instant runAt) {
    }

    static Optional<ReviewRow> review(Connection c, long reviewId) throws SQLException {
        return Sql.one(c, "SELECT ORG_ID, PERIOD_FROM, PERIOD_TO, RUN_BY, RUN_AT FROM STATIONS_REVIEW WHERE ID = ?",
                rs -> new ReviewRow(Sql.getLong(rs, "ORG_ID"), Sql.getDate(rs, "PERIOD_FROM"), Sql.getDate(rs, "PERIOD_TO"),
                        rs.getString("RUN_BY"), Sql.getInstant(rs, "RUN_AT")), reviewId);
    }

    record CardRow(long id, long reviewId, long stationId, String stationName, Card card, long visits, long bookings,
            long closureReports, List<String> reasons, LocalDate from, LocalDate to, Instant issuedAt) {
    }

    static List<CardRow> cardsOfReview(Connection c, long reviewId) throws SQLException {
        return Sql.list(c, CARD_SELECT + " WHERE C.REVIEW_ID = ? ORDER BY C.STATION_ID", ReviewStore::card, reviewId);
    }

    static List<CardRow> cardsOfStation(Connection c, long stationId) throws SQLException {
        return Sql.list(c, CARD_SELECT + " WHERE C.STATION_ID = ? ORDER BY C.PERIOD_TO DESC, C.ID DESC", ReviewStore::card,
                stationId);
    }

    private static CardRow card(ResultSet rs) throws SQLException {
        String reasons = rs.getString("REASONS");
        return new CardRow(rs.getLong("ID"), rs.getLong("REVIEW_ID"), rs.getLong("STATION_ID"), rs.getString("NAME"),
                Sql.getEnum(rs, "CARD", Card.class), rs.getLong("VISITS"), rs.getLong("BOOKINGS"), rs.getLong("CLOSURE_REPORTS"),
                reasons == null || reasons.isEmpty() ? List.of() : List.of(reasons.split("\n")),
                Sql.getDate(rs, "PERIOD_FROM"), Sql.getDate(rs, "PERIOD_TO"), Sql.getInstant(rs, "ISSUED_AT"));
    }
}
