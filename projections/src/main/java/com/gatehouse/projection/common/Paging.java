package com.gatehouse.projection.common;

import com.gatehouse.api.common.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.util.ArrayList;
import java.util.List;

/** Reads of a filtered read-model table: one page and the total across all pages (the contract's list shape), or the first rows. */
public final class Paging {

    private Paging() {
    }

    /**
     * @param table   e.g. {@code "entry_request"}
     * @param where   which rows belong to the list
     * @param orderBy e.g. {@code "created_at desc, id"} (a unique tie-breaker keeps pages stable)
     */
    public static <T> PageRequest.Slice<T> slice(JdbcTemplate jdbc, String table, Where where, String orderBy,
                                                 RowMapper<T> rows, PageRequest page) {
        String tableAndWhere = table + where.sql();
        Long total = jdbc.queryForObject("select count(*) from " + tableAndWhere, Long.class, where.args().toArray());
        List<Object> pageArgs = new ArrayList<>(where.args());
        pageArgs.add(page.limit());
        pageArgs.add(page.offset());
        return new PageRequest.Slice<>(jdbc.query("select * from " + tableAndWhere + " order by " + orderBy
                + " limit ? offset ?", rows, pageArgs.toArray()), total == null ? 0 : total);
    }

    /** The first {@code limit} rows of a filtered read-model table in the given order (e.g. a live feed's initial state). */
    public static <T> List<T> first(JdbcTemplate jdbc, String table, Where where, String orderBy, RowMapper<T> rows,
                                    int limit) {
        List<Object> args = new ArrayList<>(where.args());
        args.add(limit);
        return jdbc.query("select * from " + table + where.sql() + " order by " + orderBy + " limit ?", rows,
                args.toArray());
    }
}
