package com.gatehouse.projection.common;

import com.gatehouse.api.common.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.util.ArrayList;
import java.util.List;

/** One page of a filtered read-model table and the total across all pages (the contract's list shape). */
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
}
