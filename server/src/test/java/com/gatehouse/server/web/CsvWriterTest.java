package com.gatehouse.server.web;

import com.gatehouse.api.report.CsvTable;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a spreadsheet reads from a report download. */
class CsvWriterTest {

    @Test
    void fieldsAreQuotedOnlyWhenTheyMustBeAndFormulasNeverRun() {
        CsvTable table = new CsvTable() {
            public String csvName() {
                return "t";
            }

            public List<String> csvHeader() {
                return List.of("name", "note", "n");
            }

            public List<List<Object>> csvRows() {
                return List.of(Arrays.asList("Lakshmi, Devi", "said \"hi\"", 3),
                        Arrays.asList("=HYPERLINK(\"x\")", null, -2),
                        Arrays.asList("@sum", "line\nbreak", 1.5));
            }
        };
        assertThat(CsvWriter.csv(table)).isEqualTo("name,note,n\r\n"
                + "\"Lakshmi, Devi\",\"said \"\"hi\"\"\",3\r\n"
                + "\"'=HYPERLINK(\"\"x\"\")\",,-2\r\n"
                + "'@sum,\"line\nbreak\",1.5\r\n");
    }
}
