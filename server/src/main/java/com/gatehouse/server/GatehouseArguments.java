package com.gatehouse.server;

import java.util.Arrays;

/** Command-line sugar: {@code --demo} means {@code --gatehouse.demo=true}. */
final class GatehouseArguments {

    private GatehouseArguments() {
    }

    static String[] apply(String[] args) {
        return Arrays.stream(args).map(a -> a.equals("--demo") ? "--gatehouse.demo=true" : a).toArray(String[]::new);
    }
}
