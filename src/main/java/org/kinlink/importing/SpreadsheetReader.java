package org.kinlink.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.kinlink.InvalidInput;

/**
 * Reads an uploaded spreadsheet, recognised by its content (I2), not its name: an OOXML (zip)
 * file is read as XLSX (first sheet), anything else must be UTF-8 text (a BOM is skipped) and is
 * read as CSV with comma or semicolon, whichever the header row uses more. Files over {@link
 * #MAX_BYTES} or with more than {@link #MAX_ROWS} data rows are refused; blank rows are dropped.
 */
public final class SpreadsheetReader {

    public static final int MAX_BYTES = 10 * 1024 * 1024;
    public static final int MAX_ROWS = 20_000;

    private SpreadsheetReader() {}

    public static Sheet read(byte[] content) {
        if (content.length > MAX_BYTES) {
            throw new InvalidInput("file", "import.too-big", MAX_BYTES / (1024 * 1024));
        }
        if (content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4) {
            return xlsx(content);
        }
        return csv(text(content));
    }

    private static String text(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
            if (text.indexOf('\0') >= 0) {
                throw new InvalidInput("file", "import.not-spreadsheet");
            }
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new InvalidInput("file", "import.not-spreadsheet");
        }
    }

    static Sheet csv(String text) {
        int firstBreak = text.indexOf('\n');
        String firstLine = firstBreak < 0 ? text : text.substring(0, firstBreak);
        char delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        var cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == delimiter) {
                record.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(cell.toString());
                cell.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                checkRows(records.size());
            } else {
                cell.append(c);
            }
        }
        if (!cell.isEmpty() || !record.isEmpty()) {
            record.add(cell.toString());
            records.add(record);
        }
        return sheet(records);
    }

    private static Sheet xlsx(byte[] content) {
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new InvalidInput("file", "import.empty");
            }
            var sheet = workbook.getSheetAt(0);
            var formatter = new DataFormatter();
            List<List<String>> records = new ArrayList<>();
            int last = -1;
            for (Row row : sheet) {
                // keep row numbers: blank rows in between become empty records
                while (++last < row.getRowNum()) {
                    records.add(List.of());
                }
                checkRows(records.size());
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    var cell = row.getCell(c);
                    if (cell == null) {
                        cells.add("");
                    } else if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                            && DateUtil.isCellDateFormatted(cell)) {
                        cells.add(cell.getLocalDateTimeCellValue().toLocalDate().toString());
                    } else {
                        cells.add(formatter.formatCellValue(cell));
                    }
                }
                records.add(cells);
            }
            return sheet(records);
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInput invalid) {
                throw invalid;
            }
            throw new InvalidInput("file", "import.not-spreadsheet");
        }
    }

    private static void checkRows(int count) {
        if (count > MAX_ROWS + 1) {
            throw new InvalidInput("file", "import.too-many-rows", MAX_ROWS);
        }
    }

    private static Sheet sheet(List<List<String>> records) {
        int headerIndex = 0;
        while (headerIndex < records.size() && blank(records.get(headerIndex))) {
            headerIndex++;
        }
        if (headerIndex >= records.size()) {
            throw new InvalidInput("file", "import.empty");
        }
        List<String> header =
                records.get(headerIndex).stream().map(String::strip).toList();
        List<Sheet.Row> rows = new ArrayList<>();
        for (int i = headerIndex + 1; i < records.size(); i++) {
            if (!blank(records.get(i))) {
                rows.add(new Sheet.Row(i + 1, records.get(i)));
            }
        }
        if (rows.size() > MAX_ROWS) {
            throw new InvalidInput("file", "import.too-many-rows", MAX_ROWS);
        }
        return new Sheet(header, rows);
    }

    private static boolean blank(List<String> record) {
        return record.stream().allMatch(String::isBlank);
    }

    private static int count(String line, char c) {
        return (int) line.chars().filter(x -> x == c).count();
    }
}
