package org.unionhub.fairs.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import org.unionhub.api.db.Sql;
import org.unionhub.fairs.api.ApplicationStatus;

/** One FAIRS_APPLICATION row as stored. */
record AppRow(long id, long fairId, String companyName, String creditCode, String contact, String category,
        boolean offersDiscount, ApplicationStatus status, Integer stallNumber, Integer waitlistSeq, BigDecimal fee,
        Instant offerExpiresAt, String reason, String applicant, String tokenHash, Instant createdAt, Instant updatedAt) {

    static final String COLUMNS = "ID, FAIR_ID, COMPANY_NAME, CREDIT_CODE, CONTACT, CATEGORY, OFFERS_DISCOUNT, STATUS, "
            + "STALL_NUMBER, WAITLIST_SEQ, FEE, OFFER_EXPIRES_AT, REASON, APPLICANT, TOKEN_HASH, CREATED_AT, UPDATED_AT";

    static AppRow of(ResultSet rs) throws SQLException {
        return new AppRow(rs.getLong("ID"), rs.getLong("FAIR_ID"), rs.getString("COMPANY_NAME"),
                rs.getString("CREDIT_CODE"), rs.getString("CONTACT"), rs.getString("CATEGORY"),
                rs.getBoolean("OFFERS_DISCOUNT"), Sql.getEnum(rs, "STATUS", ApplicationStatus.class),
                Sql.getInt(rs, "STALL_NUMBER"), Sql.getInt(rs, "WAITLIST_SEQ"), rs.getBigDecimal("FEE"),
                Sql.getInstant(rs, "OFFER_EXPIRES_AT"), rs.getString("REASON"), rs.getString("APPLICANT"),
                rs.getString("TOKEN_HASH"), Sql.getInstant(rs, "CREATED_AT"), Sql.getInstant(rs, "UPDATED_AT"));
    }
}
