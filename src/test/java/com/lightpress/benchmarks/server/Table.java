package com.lightpress.benchmarks.server;

import java.util.ArrayList;
import java.util.List;

/** The benchmark's result: one row per figure, with its reference, ratio, goal and verdict. */
final class Table {

    private final List<String> rows = new ArrayList<>();

    /**
     * @param comparison {@code >=} or {@code <=} for a goal on the ratio, anything else for a
     *     figure shown for information only
     */
    void ratio(
            String figure,
            double value,
            String unit,
            String reference,
            double referenceValue,
            String comparison,
            double goal) {
        var ratio = value / referenceValue;
        var met = switch (comparison) {
            case ">=" -> ratio >= goal ? "yes" : "**no**";
            case "<=" -> ratio <= goal ? "yes" : "**no**";
            default -> "";
        };
        var goalText = met.isEmpty() ? "" : comparison + " " + goal;
        rows.add("| %s | %s | %s: %s | %.2f | %s | %s |"
                .formatted(figure, format(value, unit), reference, format(referenceValue, unit), ratio, goalText, met));
    }

    void info(String figure, String value) {
        rows.add("| %s | %s | | | | |".formatted(figure, value));
    }

    private static String format(double value, String unit) {
        return (value >= 100 ? "%.0f" : value >= 10 ? "%.1f" : "%.2f").formatted(value) + unit;
    }

    @Override
    public String toString() {
        var text = new StringBuilder()
                .append("| figure | measured | reference | ratio | goal | met |\n")
                .append("|---|---|---|---|---|---|\n");
        rows.forEach(row -> text.append(row).append('\n'));
        return text.toString();
    }
}
