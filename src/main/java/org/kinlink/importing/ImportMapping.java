package org.kinlink.importing;

import java.text.Normalizer;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Which column (0-based) holds each Kinlink field; fields not in the map are not imported. */
public record ImportMapping(Map<ImportField, Integer> columns) {

    public ImportMapping {
        columns = columns.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(columns));
    }

    /** The column of the field, or -1. */
    public int column(ImportField field) {
        return columns.getOrDefault(field, -1);
    }

    public ImportMapping with(ImportField field, int column) {
        var copy = new EnumMap<ImportField, Integer>(ImportField.class);
        copy.putAll(columns);
        if (column < 0) {
            copy.remove(field);
        } else {
            copy.put(field, column);
        }
        return new ImportMapping(copy);
    }

    /** Suggests a column for each field whose header names match a header cell exactly (case-insensitive). */
    public static ImportMapping suggest(List<String> header) {
        var found = new EnumMap<ImportField, Integer>(ImportField.class);
        for (ImportField field : ImportField.values()) {
            for (int i = 0; i < header.size(); i++) {
                String cell = normalise(header.get(i));
                if (field.headers().stream().map(ImportMapping::normalise).anyMatch(cell::equals)
                        && !found.containsValue(i)) {
                    found.put(field, i);
                    break;
                }
            }
        }
        return new ImportMapping(found);
    }

    /** The mapping as "FIELD=header" lines, saved with the import (header names are not personal data). */
    public String describe(List<String> header) {
        return columns.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey().name() + "="
                        + (e.getValue() < header.size() ? header.get(e.getValue()) : "#" + e.getValue()))
                .collect(Collectors.joining("\n"));
    }

    static String normalise(String header) {
        String text = Normalizer.normalize(header, Normalizer.Form.NFKC)
                .replace('\u064A', '\u06CC')
                .replace('\u0643', '\u06A9')
                .replace("\u200C", " ")
                .replace('_', ' ')
                .toLowerCase(Locale.ROOT)
                .strip();
        return text.replaceAll("\\s+", " ");
    }
}
