package org.unionhub.fairs.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import org.unionhub.api.db.Sql;

/** One FAIRS_FAIR row as stored. */
record FairRow(long id, String name, String theme, String venue, Long orgId, Instant startsAt, Instant endsAt,
        Instant regOpens, Instant regCloses, int stallCount, BigDecimal feePerDay, Integer offerWindowHours,
        String sections, int stallsTaken, int waitlistSeq, Instant closedAt, Instant createdAt, Instant updatedAt) {

    static final String COLUMNS = "ID, NAME, THEME, VENUE, ORG_ID, STARTS_AT, ENDS_AT, REG_OPENS_AT, REG_CLOSES_AT, "
            + "STALL_COUNT, STALL_FEE_PER_DAY, OFFER_WINDOW_HOURS, SECTIONS, STALLS_TAKEN, WAITLIST_SEQ, CLOSED_AT, "
            + "CREATED_AT, UPDATED_AT";

    static FairRow of(ResultSet rs) throws SQLException {
        return new FairRow(rs.getLong("ID"), rs.getString("NAME"), rs.getString("THEME"), rs.getString("VENUE"),
                Sql.getLong(rs, "ORG_ID"), Sql.getInstant(rs, "STARTS_AT"), Sql.getInstant(rs, "ENDS_AT"),
                Sql.getInstant(rs, "REG_OPENS_AT"), Sql.getInstant(rs, "REG_CLOSES_AT"), rs.getInt("STALL_COUNT"),
                rs.getBigDecimal("STALL_FEE_PER_DAY"), Sql.getInt(rs, "OFFER_WINDOW_HOURS"), rs.getString("SECTIONS"),
                rs.getInt("STALLS_TAKEN"), rs.getInt("WAITLIST_SEQ"), Sql.getInstant(rs, "CLOSED_AT"),
                Sql.getInstant(rs, "CREATED_AT"), Sql.getInstant(rs, "UPDATED_AT"));
    }

    boolean offersFirst() {
        return offerWindowHours != null && offerWindowHours > 0;
    }
}
