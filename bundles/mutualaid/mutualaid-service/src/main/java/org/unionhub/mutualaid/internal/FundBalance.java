package org.unionhub.mutualaid.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.unionhub.api.FieldError;
import org.unionhub.api.HubException;
import org.unionhub.api.Money;
import org.unionhub.api.db.Sql;

/**
 * A plan fund's balance (table MUTUALAID_FUND), moved in the transaction of the ledger line that moves it. A payment
 * is one conditional update: it debits only while the balance covers it, and the row lock makes concurrent payers
 * queue, so the fund is never overdrawn.
 */
final class FundBalance {

    private FundBalance() {
    }

    static void open(Connection c, long planId) throws SQLException {
        Sql.update(c, "INSERT INTO MUTUALAID_FUND (PLAN_ID, BALANCE) VALUES (?, ?)", planId, Money.ZERO);
    }

    static void credit(Connection c, long planId, BigDecimal amount) throws SQLException {
        if (Sql.update(c, "UPDATE MUTUALAID_FUND SET BALANCE = BALANCE + ? WHERE PLAN_ID = ?", amount, planId) == 0) {
            throw new IllegalStateException("plan " + planId + " has no fund row");
        }
    }

    /** Debits the payout, or refuses (409, field {@code payout}) when the balance does not cover it. */
    static void debit(Connection c, long planId, BigDecimal amount, long claimId) throws SQLException {
        if (Sql.update(c, "UPDATE MUTUALAID_FUND SET BALANCE = BALANCE - ? WHERE PLAN_ID = ? AND BALANCE >= ?", amount, planId,
                amount) == 0) {
            String message = "FUND_BALANCE: the fund of plan " + planId + " holds " + balance(c, planId) + "; claim " + claimId
                    + "'s payout of " + amount + " would overdraw it";
            throw new HubException(409, "Conflict", message, List.of(new FieldError("payout", message)));
        }
    }

    static BigDecimal balance(Connection c, long planId) throws SQLException {
        return Sql.one(c, "SELECT BALANCE FROM MUTUALAID_FUND WHERE PLAN_ID = ?", rs -> Money.normalize(rs.getBigDecimal(1)), planId)
                .orElse(Money.ZERO);
    }
}
