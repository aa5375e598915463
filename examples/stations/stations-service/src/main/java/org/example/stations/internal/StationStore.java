package org.example.stations.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.example.stations.api.Card;
import org.example.stations.api.Compartment;
import org.example.stations.api.StationState;
import org.unionhub.api.HubException;
import org.unionhub.api.db.Sql;

/**
 * The SQL of stations, their lockers and compartments: rows in, {@link StationRow}s and api records out. Locks and
 * conditional updates are here; the rules that decide when to use them are {@link Stations}' and {@link Reviews}'.
 */
final class StationStore {

    private StationStore() {
    }

    static Optional<StationRow> find(Connection c, long stationId) throws SQLException {
        return Sql.one(c, StationRow.SELECT + " WHERE S.ID = ?", StationRow::of, stationId);
    }

    /** Locks the station's row for the rest of the transaction and answers it. */
    static StationRow lock(Connection c, long stationId) throws SQLException {
        if (Sql.update(c, "UPDATE STATIONS_STATION SET CARD = CARD WHERE ID = ?", stationId) == 0) {
            throw HubException.notFound("station", stationId);
        }
        return find(c, stationId).orElseThrow();
    }

    /** All stations, or those in {@code state}, in id order. */
    static List<StationRow> list(Connection c, StationState state) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (state != null) {
            where.append(" AND S.STATE = ?");
            params.add(state);
        }
        return Sql.list(c, StationRow.SELECT + where + " ORDER BY S.ID", StationRow::of, params.toArray());
    }

    static List<StationRow> all(Connection c) throws SQLException {
        return Sql.list(c, StationRow.SELECT, StationRow::of);
    }

    /** The active stations that existed before {@code before}, in id order: those a review covers. */
    static List<StationRow> activeBefore(Connection c, Instant before) throws SQLException {
        return Sql.list(c, StationRow.SELECT + " WHERE S.STATE = ? AND S.CREATED_AT < ? ORDER BY S.ID", StationRow::of,
                StationState.ACTIVE, before);
    }

    static long insert(Connection c, String name, String address, long orgId, boolean open24h, String hours, String services,
            String entry, Instant now) throws SQLException {
        return Sql.insert(c, "INSERT INTO STATIONS_STATION (NAME, ADDRESS, ORG_ID, OPEN_24H, HOURS, SERVICES, "
                + "ENTRY, STATE, CARD, CREATED_AT, UPDATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                name, address, orgId, open24h, hours, services, entry, StationState.ACTIVE, Card.NONE, now, now);
    }

    static void update(Connection c, long stationId, String name, String address, long orgId, boolean open24h, String hours,
            String services, String entry, Instant now) throws SQLException {
        Sql.update(c, "UPDATE STATIONS_STATION SET NAME = ?, ADDRESS = ?, ORG_ID = ?, OPEN_24H = ?, HOURS = ?, "
                + "SERVICES = ?, ENTRY = ?, UPDATED_AT = ? WHERE ID = ?", name, address, orgId, open24h, hours, services, entry,
                now, stationId);
    }

    /** Shows a card; a red card also closes the station. */
    static void setCard(Connection c, long stationId, Card card, Instant now) throws SQLException {
        if (card == Card.RED) {
            Sql.update(c, "UPDATE STATIONS_STATION SET CARD = ?, STATE = ?, CLOSED_AT = ?, UPDATED_AT = ? WHERE ID = ?",
                    Card.RED, StationState.CLOSED, now, now, stationId);
        } else {
            Sql.update(c, "UPDATE STATIONS_STATION SET CARD = ?, UPDATED_AT = ? WHERE ID = ?", card, now, stationId);
        }
    }

    // ---- lockers and compartments

    /** A locker with its compartments numbered 1..{@code compartments}, all empty. */
    static long insertLocker(Connection c, long stationId, String name, int compartments, Instant now) throws SQLException {
        long lockerId = Sql.insert(c, "INSERT INTO STATIONS_LOCKER (STATION_ID, NAME, CREATED_AT) VALUES (?, ?, ?)",
                stationId, name, now);
        for (int n = 1; n <= compartments; n++) {
            Sql.update(c, "INSERT INTO STATIONS_COMPARTMENT (LOCKER_ID, NUMBER) VALUES (?, ?)", lockerId, n);
        }
        return lockerId;
    }

    record LockerRow(long id, String name, Instant restockedAt) {
    }

    static List<LockerRow> lockers(Connection c, long stationId) throws SQLException {
        return Sql.list(c, "SELECT ID, NAME, RESTOCKED_AT FROM STATIONS_LOCKER WHERE STATION_ID = ? ORDER BY ID",
                rs -> new LockerRow(rs.getLong(1), rs.getString(2), Sql.getInstant(rs, "RESTOCKED_AT")), stationId);
    }

    static List<Compartment> compartments(Connection c, long lockerId) throws SQLException {
        return Sql.list(c, "SELECT ID, NUMBER, SUPPLY, STOCK, RESERVED FROM STATIONS_COMPARTMENT "
                + "WHERE LOCKER_ID = ? ORDER BY NUMBER", rs -> new Compartment(rs.getLong(1), rs.getInt(2),
                        rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getInt(4) - rs.getInt(5)), lockerId);
    }

    /** Stamps the restock; false when the station has no such locker. */
    static boolean markRestocked(Connection c, long stationId, long lockerId, Instant now) throws SQLException {
        return Sql.update(c, "UPDATE STATIONS_LOCKER SET RESTOCKED_AT = ? WHERE ID = ? AND STATION_ID = ?", now, lockerId,
                stationId) == 1;
    }

    /** The id of the locker's compartment {@code number}. */
    static Optional<Long> compartmentId(Connection c, long lockerId, int number) throws SQLException {
        return Sql.one(c, "SELECT ID FROM STATIONS_COMPARTMENT WHERE LOCKER_ID = ? AND NUMBER = ?", rs -> rs.getLong(1),
                lockerId, number);
    }

    /** New supply and stock, unless units are booked: never fewer than them, nor another supply under them. */
    static boolean refill(Connection c, long compartmentId, String supply, int quantity) throws SQLException {
        return Sql.update(c, "UPDATE STATIONS_COMPARTMENT SET SUPPLY = ?, STOCK = ? WHERE ID = ? "
                + "AND RESERVED <= ? AND (RESERVED = 0 OR SUPPLY = ?)", supply, quantity, compartmentId, quantity, supply) == 1;
    }
}
