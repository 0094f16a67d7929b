package org.kinlink.importing;

import java.util.List;

/**
 * A spreadsheet as read: the header row and the data rows (blank rows dropped), each row with its
 * number in the file (the header is row 1).
 */
public record Sheet(List<String> header, List<Row> rows) {

    public Sheet {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    public record Row(int number, List<String> cells) {

        public Row {
            cells = List.copyOf(cells);
        }

        public String cell(int column) {
            return column >= 0 && column < cells.size() ? cells.get(column).strip() : "";
        }
    }
}
