package com.certportal.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 4180 fields, and no formula run by a spreadsheet from a value someone typed. */
class CsvWriterTest {

    @Test
    void fieldsAreQuotedOnlyWhenTheyNeedIt() {
        assertThat(CsvWriter.field("plain.example.com")).isEqualTo("plain.example.com");
        assertThat(CsvWriter.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvWriter.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvWriter.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvWriter.field("発行済み")).isEqualTo("発行済み");
        assertThat(CsvWriter.field(null)).isEmpty();
    }

    @Test
    void aValueAFormulaCouldStartWithIsKeptAsText() {
        assertThat(CsvWriter.field("=HYPERLINK(\"http://evil.example\")")).startsWith("\"'=HYPERLINK(");
        assertThat(CsvWriter.field("+1")).isEqualTo("'+1");
        assertThat(CsvWriter.field("-x@example.com")).isEqualTo("'-x@example.com");
        assertThat(CsvWriter.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    }
}
