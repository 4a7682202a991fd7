package dev.camelovershoot.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvParserTest {

    private static List<List<String>> parse(String text) throws IOException {
        return new CsvParser(new StringReader(text)).records();
    }

    @Test
    void readsQuotedFieldsSpanningLinesWithDoubledQuotes() throws IOException {
        assertThat(parse("a,\"b,\"\"c\"\"\r\nd\",e\r\nf,,\"\"\r\n")).containsExactly(
                List.of("a", "b,\"c\"\r\nd", "e"),
                List.of("f", "", ""));
    }

    @Test
    void acceptsEveryLineEndAndSkipsBlankLines() throws IOException {
        assertThat(parse("a,b\rc,d\n\ne,f")).containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e", "f"));
    }

    @Test
    void refusesTextAfterAClosingQuote() {
        assertThatThrownBy(() -> parse("\"a\"b,c\r\n")).hasMessage("line 1: text after a closing quote");
    }
}
