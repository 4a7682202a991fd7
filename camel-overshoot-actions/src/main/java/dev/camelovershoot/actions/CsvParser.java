package dev.camelovershoot.actions;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 records: fields separated by commas, records by CRLF (a lone LF or CR is accepted too), quoted
 * fields may hold commas, line breaks and doubled quotes. A final line break is optional; a blank line is skipped.
 */
final class CsvParser {

    private static final int EOF = -1;

    private final PushbackReader in;
    private int line = 1;

    CsvParser(Reader in) {
        this.in = new PushbackReader(in, 1);
    }

    List<List<String>> records() throws IOException {
        List<List<String>> records = new ArrayList<>();
        List<String> record;
        while ((record = record()) != null) {
            if (!(record.size() == 1 && record.get(0).isEmpty())) {
                records.add(record);
            }
        }
        return records;
    }

    /** The next record, or null at the end of the input. */
    private List<String> record() throws IOException {
        int c = in.read();
        if (c == EOF) {
            return null;
        }
        in.unread(c);
        List<String> fields = new ArrayList<>();
        while (true) {
            fields.add(field());
            c = in.read();
            if (c != ',') {
                endOfRecord(c);
                return fields;
            }
        }
    }

    private String field() throws IOException {
        int c = in.read();
        if (c == '"') {
            return quoted();
        }
        StringBuilder value = new StringBuilder();
        while (c != ',' && c != '\r' && c != '\n' && c != EOF) {
            if (c == '"') {
                throw error("a quote inside an unquoted field");
            }
            value.append((char) c);
            c = in.read();
        }
        unread(c);
        return value.toString();
    }

    private String quoted() throws IOException {
        StringBuilder value = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c == EOF) {
                throw error("a quoted field without its closing quote");
            }
            if (c == '"') {
                int next = in.read();
                if (next != '"') {
                    unread(next);
                    if (next != ',' && next != '\r' && next != '\n' && next != EOF) {
                        throw error("text after a closing quote");
                    }
                    return value.toString();
                }
            } else if (c == '\n') {
                line++;
            }
            value.append((char) c);
        }
    }

    private void endOfRecord(int c) throws IOException {
        line++;
        if (c == '\r') {
            int next = in.read();
            if (next != '\n') {
                unread(next);
            }
        }
    }

    private void unread(int c) throws IOException {
        if (c != EOF) {
            in.unread(c);
        }
    }

    private MalformedCsvException error(String problem) {
        return new MalformedCsvException("line " + line + ": " + problem);
    }

    /** The input is not RFC 4180 CSV. */
    static final class MalformedCsvException extends IOException {
        MalformedCsvException(String message) {
            super(message);
        }
    }
}
