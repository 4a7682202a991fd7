package dev.camelovershoot.actions;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The CSV export format: RFC 4180 (CRLF line ends; a field containing a comma, a quote, CR or LF is quoted, with
 * quotes doubled), UTF-8, a header row, {@code metadata} as JSON text and an empty {@code duration} when absent.
 */
final class ActionCsv {

    static final List<String> HEADER = List.of("action", "timestamp", "frame_number", "confidence", "duration",
            "metadata");
    private static final String CRLF = "\r\n";

    private ActionCsv() {
    }

    static void write(Path file, List<DetectedAction> actions) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeRecord(out, HEADER);
            for (DetectedAction a : actions) {
                writeRecord(out, List.of(a.action(), Double.toString(a.timestamp()), Long.toString(a.frameNumber()),
                        Double.toString(a.confidence()), a.duration() == null ? "" : a.duration().toString(),
                        ActionJson.metadataText(a.metadata())));
            }
        }
    }

    static List<DetectedAction> read(Path file) throws IOException {
        List<List<String>> records;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            records = new CsvParser(in).records();
        } catch (CsvParser.MalformedCsvException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        if (records.isEmpty() || !records.get(0).equals(HEADER)) {
            throw new IOException(file + ": the first row must be the header " + String.join(",", HEADER));
        }
        List<DetectedAction> actions = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            actions.add(toAction(records.get(i), file, i + 1));
        }
        return actions;
    }

    private static DetectedAction toAction(List<String> fields, Path file, int row) throws IOException {
        if (fields.size() != HEADER.size()) {
            throw new IOException(file + ": row " + row + " has " + fields.size() + " fields, expected "
                    + HEADER.size());
        }
        try {
            String duration = fields.get(4);
            return new DetectedAction(fields.get(0), Double.parseDouble(fields.get(1)), Long.parseLong(fields.get(2)),
                    Double.parseDouble(fields.get(3)), duration.isEmpty() ? null : Double.valueOf(duration),
                    ActionJson.parseMetadata(fields.get(5)));
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException(file + ": row " + row + " is not an action: " + e.getMessage(), e);
        }
    }

    private static void writeRecord(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(fields.get(i)));
        }
        out.write(CRLF);
    }

    static String quote(String field) {
        if (field.chars().noneMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n')) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
