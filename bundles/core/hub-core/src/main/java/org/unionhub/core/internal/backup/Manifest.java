package org.unionhub.core.internal.backup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * {@code manifest.json} of a backup: what was backed up, from which versions, and the figures that a restore
 * must give back. {@code personalDataKeySha256} names the key without holding it.
 */
public record Manifest(int format, String name, String createdAt, long durationMillis, long bytes, String hubVersion,
        Map<String, String> modules, Map<String, Inventory.TableFigures> tables, Map<String, String> funds,
        Map<String, String> files, String personalDataKeySha256) {

    public static final int FORMAT = 1;

    /** What differs in the database between this manifest and figures read from a restored hub; empty when equal. */
    public List<String> differences(Map<String, Inventory.TableFigures> liveTables, Map<String, String> liveFunds) {
        List<String> out = new ArrayList<>();
        for (String table : new TreeSet<>(union(tables.keySet(), liveTables.keySet()))) {
            Inventory.TableFigures want = tables.get(table);
            Inventory.TableFigures got = liveTables.get(table);
            if (want == null) {
                out.add("table " + table + ": not in the backup, " + got.rows() + " rows now");
            } else if (got == null) {
                out.add("table " + table + ": missing (backup had " + want.rows() + " rows)");
            } else if (want.rows() != got.rows()) {
                out.add("table " + table + ": " + got.rows() + " rows, backup had " + want.rows());
            } else if (!want.checksum().equals(got.checksum())) {
                out.add("table " + table + ": same " + got.rows() + " rows but different contents");
            }
        }
        for (String plan : new TreeSet<>(union(funds.keySet(), liveFunds.keySet()))) {
            if (!Objects.equals(funds.get(plan), liveFunds.get(plan))) {
                out.add("mutual-aid fund of plan " + plan + ": " + liveFunds.get(plan) + ", backup had " + funds.get(plan));
            }
        }
        return out;
    }

    private static TreeSet<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        TreeSet<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
