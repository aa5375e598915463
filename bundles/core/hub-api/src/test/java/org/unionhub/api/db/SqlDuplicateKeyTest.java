package org.unionhub.api.db;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

import org.junit.jupiter.api.Test;

class SqlDuplicateKeyTest {

    @Test
    void findsTheStateOnTheExceptionItself() {
        // Derby answers SQLIntegrityConstraintViolationException, PostgreSQL a PSQLException: both say 23505
        assertTrue(Sql.isDuplicateKey(new SQLIntegrityConstraintViolationException("dup", "23505")));
        assertTrue(Sql.isDuplicateKey(new SQLException("duplicate key value violates unique constraint", "23505")));
    }

    @Test
    void findsItAnywhereInTheCauseChain() {
        SQLException dup = new SQLException("dup", "23505");
        Exception wrapped = new DatabaseException("database error", new RuntimeException(dup), false);
        assertTrue(Sql.isDuplicateKey(wrapped));
    }

    @Test
    void findsItInTheNextExceptionChain() {
        SQLException batch = new SQLException("batch failed", "XJ208");
        batch.setNextException(new SQLException("dup", "23505"));
        assertTrue(Sql.isDuplicateKey(new DatabaseException("x", batch, false)));
    }

    @Test
    void otherStatesAndNullAreNotDuplicates() {
        assertFalse(Sql.isDuplicateKey(null));
        assertFalse(Sql.isDuplicateKey(new SQLException("check", "23513")));
        assertFalse(Sql.isDuplicateKey(new SQLException("no state")));
        assertFalse(Sql.isDuplicateKey(new IllegalStateException("23505")));
        SQLException lock = new SQLException("lock", "40XL1");
        lock.setNextException(new SQLException("deadlock", "40001"));
        assertFalse(Sql.isDuplicateKey(new DatabaseException("busy", lock, true)));
    }

    @Test
    void aCycleInTheChainEnds() {
        SQLException a = new SQLException("a", "42X01");
        SQLException b = new SQLException("b", "42X02", a);
        a.setNextException(b);
        assertFalse(Sql.isDuplicateKey(a));
    }
}
