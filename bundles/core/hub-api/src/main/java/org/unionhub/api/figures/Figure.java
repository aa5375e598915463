package org.unionhub.api.figures;

/**
 * One figure a module reports: a stable {@code key} (also the target's key), a {@code label} as the report's
 * readers say it, and its {@code unit} ("场", "人次", "CNY"…).
 */
public record Figure(String key, String label, String unit) {
}
