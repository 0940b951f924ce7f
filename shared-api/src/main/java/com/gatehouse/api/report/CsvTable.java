package com.gatehouse.api.report;

import java.util.List;

/**
 * A report that can also be downloaded as CSV ({@code Accept: text/csv}): a header row and data rows, values
 * written as text (null as an empty field). The server writes it (RFC 4180, UTF-8) with the file name given.
 */
public interface CsvTable {

    /** The file name offered for download, without the extension (e.g. {@code entries-2026-11-01-2026-11-30}). */
    String csvName();

    List<String> csvHeader();

    List<List<Object>> csvRows();
}
