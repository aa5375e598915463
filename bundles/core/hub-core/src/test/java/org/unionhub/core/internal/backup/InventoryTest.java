package org.unionhub.core.internal.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The figures a restore is checked with, on a real (in-memory) Derby database. */
class InventoryTest {

    private Connection c;

    @BeforeEach
    void open() throws SQLException {
        c = DriverManager.getConnection("jdbc:derby:memory:inventory" + System.nanoTime() + ";create=true");
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE MUTUALAID_LEDGER (ID INT PRIMARY KEY, PLAN_ID BIGINT, KIND VARCHAR(16), AMOUNT DECIMAL(14,2))");
            s.execute("CREATE TABLE HUB_NOTE (ID INT PRIMARY KEY, TEXT VARCHAR(20), BODY CLOB)");
            s.execute("INSERT INTO MUTUALAID_LEDGER VALUES (1, 7, 'CONTRIBUTION', 30.00), (2, 7, 'CONTRIBUTION', 30.00), "
                    + "(3, 7, 'PAYOUT', 12.50), (4, 8, 'CONTRIBUTION', 5.00)");
            s.execute("INSERT INTO HUB_NOTE VALUES (1, 'a', 'long text'), (2, 'b', NULL)");
        }
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    @Test
    void countsRowsAndFundBalances() throws SQLException {
        Map<String, Inventory.TableFigures> tables = Inventory.tables(c);
        assertEquals(List.of("HUB_NOTE", "MUTUALAID_LEDGER"), List.copyOf(tables.keySet()));
        assertEquals(2, tables.get("HUB_NOTE").rows());
        assertEquals(4, tables.get("MUTUALAID_LEDGER").rows());
        assertEquals(Map.of("7", "47.50", "8", "5.00"), Inventory.funds(c));
    }

    @Test
    void theChecksumFollowsTheContentsNotTheRowOrder() throws SQLException {
        String before = Inventory.tables(c).get("HUB_NOTE").checksum();
        try (Statement s = c.createStatement()) {
            s.execute("DELETE FROM HUB_NOTE");
            s.execute("INSERT INTO HUB_NOTE VALUES (2, 'b', NULL), (1, 'a', 'long text')");
        }
        assertEquals(before, Inventory.tables(c).get("HUB_NOTE").checksum());
        try (Statement s = c.createStatement()) {
            s.execute("UPDATE HUB_NOTE SET TEXT = 'c' WHERE ID = 2");
        }
        assertNotEquals(before, Inventory.tables(c).get("HUB_NOTE").checksum());
    }

    @Test
    void theManifestNamesEveryDifference() throws SQLException {
        Map<String, Inventory.TableFigures> tables = Inventory.tables(c);
        Map<String, String> funds = Inventory.funds(c);
        Manifest m = new Manifest(Manifest.FORMAT, "b", "t", 0, 0, "1", Map.of(), tables, funds, Map.of(), null);
        assertTrue(m.differences(tables, funds).isEmpty());
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO MUTUALAID_LEDGER VALUES (5, 8, 'PAYOUT', 1.00)");
            s.execute("UPDATE HUB_NOTE SET TEXT = 'z' WHERE ID = 1");
            s.execute("CREATE TABLE HUB_EXTRA (ID INT)");
        }
        assertEquals(List.of("table HUB_EXTRA: not in the backup, 0 rows now", "table HUB_NOTE: same 2 rows but different contents",
                "table MUTUALAID_LEDGER: 5 rows, backup had 4", "mutual-aid fund of plan 8: 4.00, backup had 5.00"),
                m.differences(Inventory.tables(c), Inventory.funds(c)));
    }

    @Test
    void noLedgerNoFunds() throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE MUTUALAID_LEDGER");
        }
        assertTrue(Inventory.funds(c).isEmpty());
    }
}
