package org.unionhub.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;

import javax.ws.rs.core.Response;

import org.junit.jupiter.api.Test;
import org.unionhub.api.db.DatabaseException;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** A pool that times out is the database being busy, not a bug: 503 problem+json with Retry-After, never 500. */
class TransientFailuresTest {

    @Test
    void aHikariPoolTimeoutAnswers503WithRetryAfter() throws Exception {
        // boot the in-memory database first: on a busy machine that alone can outlast the pool's short timeout
        DriverManager.getConnection("jdbc:derby:memory:pooltimeout;create=true").close();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:derby:memory:pooltimeout;create=true");
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(250);
        config.setPoolName("unionhub");
        try (HikariDataSource pool = new HikariDataSource(config); Connection held = pool.getConnection()) {
            assertNotNull(held);
            SQLException timeout = assertThrows(SQLException.class, pool::getConnection);
            assertTrue(timeout.getMessage().contains("Connection is not available"), timeout.getMessage());
            // as the module database hands it on: a state HikariCP leaves empty is not recognised there
            DatabaseException wrapped = new DatabaseException("database error in module fairs: " + timeout.getMessage(),
                    timeout, false);

            Response r = new ProblemMappers().toResponse(wrapped);

            assertEquals(503, r.getStatus());
            assertEquals(Problem.MEDIA_TYPE, r.getMediaType().toString());
            assertNotNull(r.getHeaderString("Retry-After"));
            assertEquals(503, ((Problem) r.getEntity()).status());
            assertEquals(503, new ProblemMappers().toResponse(timeout).getStatus());
        }
    }

    @Test
    void aBugStays500() {
        SQLSyntaxErrorException bug = new SQLSyntaxErrorException("Column 'NAEM' is not in any table", "42X04");
        assertFalse(TransientFailures.isTransient(new DatabaseException("database error", bug, false)));
        Response r = new ProblemMappers().toResponse(new DatabaseException("database error", bug, false));
        assertEquals(500, r.getStatus());
    }

    @Test
    void connectionFailuresAndBusyDatabasesAreTransient() {
        assertTrue(TransientFailures.isTransient(new SQLException("connection refused", "08001")));
        assertTrue(TransientFailures.isTransient(new DatabaseException("busy", null, true)));
        assertFalse(TransientFailures.isTransient(new IllegalStateException("a bug")));
    }
}
