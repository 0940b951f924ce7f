package com.gatehouse.query.common;

import com.gatehouse.api.common.PageRequest;

import java.util.LinkedHashMap;
import java.util.Map;

/** The contract's list shape: {@code { "<items>": [...], "pagination": {total, page, limit, totalPages} }}. */
public final class Paged {

    private Paged() {
    }

    public static Map<String, Object> body(String itemsName, PageRequest.Slice<?> slice, PageRequest page) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(itemsName, slice.items());
        body.put("pagination", page.pagination(slice.total()));
        return body;
    }
}
